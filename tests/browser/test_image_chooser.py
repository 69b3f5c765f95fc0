"""The article form's image chooser in a real browser: found and used with
the keyboard alone, axe-clean in the admin's light and dark themes with its
dialog open; the library's list and form too."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from articles.models import Article
from tests.browser import axe
from tests.browser.conftest import log_in
from tests.factories import make_article, make_image, make_section, make_staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VARIANTS = [("light", axe.DESKTOP), ("dark", axe.DESKTOP), ("light", axe.PHONE)]


def focused(driver):
    return driver.switch_to.active_element


def test_an_editor_chooses_a_library_image_with_the_keyboard(
    axe_browser, asgi_live_server
):
    browser = axe_browser
    wait = WebDriverWait(browser, 10)
    section = make_section(name="World", slug="world")
    article = make_article(section=section, title="Gas talks resume")
    make_image(title="Kremlin at night", photographer="Ivan Petrov")
    pier = make_image(title="Pier at dawn", copyright_holder="Sputnik")
    editor = make_staff(groups=["Editors"], email="chooser@example.com")
    log_in(browser, asgi_live_server, editor)
    browser.get(
        asgi_live_server + reverse("admin:articles_article_change", args=[article.pk])
    )

    opener = wait.until(
        lambda b: b.find_element(By.CSS_SELECTOR, ".image-chooser__open")
    )
    assert opener.is_displayed()
    # Tab order reaches the button from the number input before it.
    browser.find_element(By.ID, "id_image").click()
    focused(browser).send_keys(Keys.TAB)
    assert focused(browser) == opener
    focused(browser).send_keys(Keys.ENTER)

    search = browser.find_element(By.CSS_SELECTOR, ".image-chooser__q")
    assert focused(browser) == search
    wait.until(
        lambda b: len(b.find_elements(By.CSS_SELECTOR, ".image-chooser__pick")) == 2
    )
    failures = axe.check_open(browser, variants=VARIANTS, name="chooser dialog")
    assert not failures, axe.report(failures)

    search.send_keys("pier")
    wait.until(
        lambda b: (
            [
                p.get_attribute("data-title")
                for p in b.find_elements(By.CSS_SELECTOR, ".image-chooser__pick")
            ]
            == ["Pier at dawn"]
        )
    )
    search.send_keys(Keys.TAB)
    assert focused(browser).get_attribute("data-id") == str(pier.pk)
    focused(browser).send_keys(Keys.ENTER)

    wait.until(lambda b: not b.find_element(By.CSS_SELECTOR, "dialog").is_displayed())
    assert browser.find_element(By.ID, "id_image").get_attribute("value") == str(
        pier.pk
    )
    assert focused(browser) == opener
    assert (
        "Pier at dawn"
        in browser.find_element(By.CSS_SELECTOR, ".image-chooser__chosen").text
    )

    # Escape closes the dialog without choosing.
    opener.send_keys(Keys.ENTER)
    wait.until(lambda b: b.find_element(By.CSS_SELECTOR, "dialog").is_displayed())
    focused(browser).send_keys(Keys.ESCAPE)
    wait.until(lambda b: not b.find_element(By.CSS_SELECTOR, "dialog").is_displayed())

    browser.find_element(By.CSS_SELECTOR, "input[name=_continue]").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".messagelist"))
    assert Article.objects.get(pk=article.pk).image_id == pier.pk


def test_a_gallery_row_added_in_the_form_gets_the_chooser(
    axe_browser, asgi_live_server
):
    browser = axe_browser
    wait = WebDriverWait(browser, 10)
    article = make_article(title="Summit in pictures")
    pier = make_image(title="Pier at dawn")
    make_image(title="Kremlin at night")
    editor = make_staff(groups=["Editors"], email="gallery-row@example.com")
    log_in(browser, asgi_live_server, editor)
    browser.get(
        asgi_live_server + reverse("admin:articles_article_change", args=[article.pk])
    )

    browser.find_element(By.CSS_SELECTOR, "#gallery_items-group .add-row a").send_keys(
        Keys.ENTER
    )
    row = wait.until(lambda b: b.find_element(By.ID, "gallery_items-0"))
    field = row.find_element(By.ID, "id_gallery_items-0-image")
    opener = row.find_element(By.CSS_SELECTOR, ".image-chooser__open")
    assert opener.is_displayed()
    field.click()
    focused(browser).send_keys(Keys.TAB)
    assert focused(browser) == opener
    opener.send_keys(Keys.ENTER)

    dialog = row.find_element(By.CSS_SELECTOR, "dialog")
    wait.until(lambda b: dialog.is_displayed())
    search = row.find_element(By.CSS_SELECTOR, ".image-chooser__q")
    assert focused(browser) == search
    assert dialog.get_attribute("aria-labelledby") == (
        "id_gallery_items-0-image_dialog_title"
    )
    failures = axe.check_open(browser, variants=VARIANTS, name="added row's dialog")
    assert not failures, axe.report(failures)
    wait.until(lambda b: row.find_elements(By.CSS_SELECTOR, ".image-chooser__pick"))
    # Inside the table cell too, the list fits the dialog: no sideways scroll.
    assert browser.execute_script(
        "return arguments[0].scrollWidth <= arguments[0].clientWidth", dialog
    )
    search.send_keys("pier")
    wait.until(
        lambda b: (
            [
                p.get_attribute("data-id")
                for p in row.find_elements(By.CSS_SELECTOR, ".image-chooser__pick")
            ]
            == [str(pier.pk)]
        )
    )
    search.send_keys(Keys.TAB)
    focused(browser).send_keys(Keys.ENTER)

    wait.until(lambda b: not dialog.is_displayed())
    assert field.get_attribute("value") == str(pier.pk)
    assert focused(browser) == opener
    assert (
        "Pier at dawn"
        in row.find_element(By.CSS_SELECTOR, ".image-chooser__chosen").text
    )
    template = browser.find_element(By.ID, "id_gallery_items-__prefix__-image")
    assert template.get_attribute("value") == ""

    browser.find_element(By.CSS_SELECTOR, "input[name=_continue]").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".messagelist"))
    assert list(article.gallery_items.values_list("image", flat=True)) == [pier.pk]


def test_library_pages_have_no_axe_violations(axe_browser, asgi_live_server):
    image = make_image(title="Pier at dawn", photographer="Ivan Petrov")
    make_article(image=image)
    editor = make_staff(groups=["Editors"], email="library@example.com")
    log_in(axe_browser, asgi_live_server, editor)
    pages = [
        reverse("admin:mediabank_image_changelist"),
        reverse("admin:mediabank_image_change", args=[image.pk]),
        reverse("admin:mediabank_image_add"),
        reverse("admin:articles_article_add"),
    ]

    failures = {}
    for path in pages:
        failures.update(
            axe.check(axe_browser, asgi_live_server + path, variants=VARIANTS)
        )

    assert not failures, axe.report(failures)
