"""An article's gallery in a real browser: arrow keys and the links page
through it in place, the counter follows, axe finds nothing in light and
dark, on a desktop and a phone; without JavaScript its links are pages."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from articles.images import refresh_renditions
from mediabank.models import GalleryItem
from tests.browser import axe
from tests.factories import image_upload, make_article, make_image, make_section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VARIANTS = [("light", axe.DESKTOP), ("dark", axe.DESKTOP), ("light", axe.PHONE)]


@pytest.fixture
def gallery_article(settings):
    settings.ROOT_URLCONF = "tests.browser.urls"
    article = make_article(
        section=make_section(name="World", slug="world"), title="Summit in pictures"
    )
    for n in range(1, 4):
        image = make_image(
            file=image_upload(size=(800, 450)),
            caption=f"Picture {n} of the summit",
            photographer="Ivan Petrov",
            copyright_holder="Sputnik",
        )
        refresh_renditions(obj=image)
        GalleryItem.objects.create(article=article, image=image, position=n)
    return article


def shown(browser):
    return [
        s.get_attribute("data-slide")
        for s in browser.find_elements(By.CSS_SELECTOR, ".gallery__slide")
        if s.is_displayed()
    ]


def test_the_gallery_pages_with_the_keyboard_and_is_axe_clean(
    axe_browser, asgi_live_server, gallery_article
):
    browser = axe_browser
    wait = WebDriverWait(browser, 10)
    browser.get(asgi_live_server + gallery_article.get_absolute_url())
    browser.execute_script(
        "document.querySelector('.gallery').scrollIntoView({block: 'center'})"
    )

    failures = axe.check_open(browser, variants=VARIANTS, name="gallery")
    assert not failures, axe.report(failures)

    assert shown(browser) == ["1"]
    url = browser.current_url
    browser.find_element(By.CSS_SELECTOR, ".gallery__next").send_keys(Keys.ENTER)
    wait.until(lambda b: shown(b) == ["2"])
    assert browser.current_url == url  # in place, no page load
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "gallery__next"
    active.send_keys(Keys.ARROW_RIGHT)
    wait.until(lambda b: shown(b) == ["3"])
    browser.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    wait.until(lambda b: shown(b) == ["2"])
    counter = browser.find_element(
        By.CSS_SELECTOR, ".gallery__slide:not([hidden]) .gallery__counter"
    )
    assert counter.text.split()[-1] == "2/3"
    # The last picture offers no "next"; the arrow there changes nothing.
    browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    wait.until(lambda b: shown(b) == ["3"])
    browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert shown(browser) == ["3"]


def test_without_javascript_the_links_are_pages(
    browser, asgi_live_server, gallery_article
):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    browser.get(asgi_live_server + gallery_article.get_absolute_url())

    browser.find_element(By.CSS_SELECTOR, ".gallery__next").click()

    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/gallery/2/"))
    assert shown(browser) == ["2"]
    canonical = browser.find_element(By.CSS_SELECTOR, "link[rel=canonical]")
    assert canonical.get_attribute("href").endswith(gallery_article.get_absolute_url())
