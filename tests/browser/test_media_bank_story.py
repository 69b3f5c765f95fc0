"""Issue 13's "done means", end to end in a real browser with the page
cache on: an editor uploads a photo once and credits it, chooses it as the
main image of a story in the article form (two more stories and one's
gallery use it too), fixes the credit once in the library, and an anonymous
reader sees the new credit on all three stories; a renamed story's old
address lands on the new one."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from articles.models import Article
from desk.services import save_article
from mediabank.models import GalleryItem, Image
from tests.browser.conftest import log_in
from tests.factories import image_upload, make_article, make_editor, make_section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OLD_CREDIT = "© Sputnik / Ivan Petrov"
NEW_CREDIT = "© Sputnik / Anna Smirnova"


@pytest.fixture
def photo_file(tmp_path):
    path = tmp_path / "pier.jpg"
    path.write_bytes(image_upload(size=(800, 450)).read())
    return path


def credits(browser):
    return [c.text for c in browser.find_elements(By.CSS_SELECTOR, ".article__credit")]


def read(browser, server, url):
    browser.get(server + url)
    return credits(browser)


def test_one_photo_credited_once_serves_three_stories_and_a_rename(
    browser, wait, asgi_live_server, page_cache, photo_file
):
    world = make_section(name="World", slug="world")
    stories = [
        make_article(section=world, title=title, slug=slug)
        for title, slug in [
            ("Gas talks resume", "gas-talks"),
            ("Pier reopens", "pier-reopens"),
            ("Port in pictures", "port-in-pictures"),
        ]
    ]
    editor = make_editor(email="bank@example.com")
    log_in(browser, asgi_live_server, editor)

    # Upload and credit the photo once, in the library.
    browser.get(asgi_live_server + reverse("admin:mediabank_image_add"))
    browser.find_element(By.ID, "id_file").send_keys(str(photo_file))
    browser.find_element(By.ID, "id_title").send_keys("Pier at dawn")
    browser.find_element(By.ID, "id_alt").send_keys("Fishing boats at a pier")
    browser.find_element(By.ID, "id_photographer").send_keys("Ivan Petrov")
    browser.find_element(By.ID, "id_copyright_holder").send_keys("Sputnik")
    browser.find_element(By.NAME, "_save").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".messagelist"))
    photo = Image.objects.get()
    assert photo.credit == OLD_CREDIT
    assert photo.uploaded_by == editor

    # Choose it as the first story's main image with the chooser.
    browser.get(
        asgi_live_server
        + reverse("admin:articles_article_change", args=[stories[0].pk])
    )
    wait.until(lambda b: b.find_element(By.CSS_SELECTOR, ".image-chooser__open"))
    browser.find_element(By.CSS_SELECTOR, ".image-chooser__open").click()
    browser.find_element(By.CSS_SELECTOR, ".image-chooser__q").send_keys("pier")
    pick = wait.until(
        lambda b: b.find_element(
            By.CSS_SELECTOR, f".image-chooser__pick[data-id='{photo.pk}']"
        )
    )
    pick.send_keys(Keys.ENTER)
    wait.until(
        lambda b: (
            b.find_element(By.ID, "id_image").get_attribute("value") == str(photo.pk)
        )
    )
    browser.find_element(By.NAME, "_continue").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".messagelist"))
    # The other two through the same service the form uses; one's gallery too.
    for story in stories[1:]:
        story.refresh_from_db()
        story.image = photo
        save_article(article=story, by=editor, changed=["image"])
    GalleryItem.objects.create(article=stories[2], image=photo, position=1)
    assert set(
        Article.objects.filter(pk__in=[s.pk for s in stories]).values_list(
            "image", flat=True
        )
    ) == {photo.pk}

    # An anonymous reader's pages, read twice: the second from the cache.
    browser.delete_all_cookies()
    urls = [s.get_absolute_url() for s in stories]
    for url in urls:
        read(browser, asgi_live_server, url)
    before = [read(browser, asgi_live_server, url) for url in urls]
    assert before == [[OLD_CREDIT], [OLD_CREDIT], [OLD_CREDIT, OLD_CREDIT]]

    # The editor fixes the photographer once, in the library.
    log_in(browser, asgi_live_server, editor)
    browser.get(
        asgi_live_server + reverse("admin:mediabank_image_change", args=[photo.pk])
    )
    field = browser.find_element(By.ID, "id_photographer")
    field.clear()
    field.send_keys("Anna Smirnova")
    browser.find_element(By.NAME, "_save").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".messagelist"))

    browser.delete_all_cookies()
    after = [read(browser, asgi_live_server, url) for url in urls]
    assert after == [[NEW_CREDIT], [NEW_CREDIT], [NEW_CREDIT, NEW_CREDIT]]

    # Renaming a story keeps its old address working.
    renamed = stories[1]
    renamed.refresh_from_db()
    renamed.slug = "pier-reopened"
    save_article(article=renamed, by=editor, changed=["slug"])
    browser.get(asgi_live_server + urls[1])
    assert browser.current_url == asgi_live_server + "/world/pier-reopened/"
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Pier reopens"
    assert credits(browser) == [NEW_CREDIT]
