"""A live story in the browser: the editor's post, edit and end of coverage
reach the reader's open page without a reload; the page is axe-clean in
both schemes and its posts and paging are reached by keyboard."""

import pytest
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from live import services
from live.models import LivePost
from mediabank.models import Image
from tests.browser import axe
from tests.browser.conftest import log_in
from tests.browser.test_keyboard import is_link, press, tab_until
from tests.factories import image_upload, make_article, make_editor
from tests.live.conftest import library_photo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def waiter(driver):
    return WebDriverWait(
        driver,
        10,
        ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
    )


def posts(driver):
    return [el.text for el in driver.find_elements(By.CSS_SELECTOR, ".live-post__body")]


def test_editors_post_edit_and_close_reach_the_open_page(
    browser_factory, asgi_live_server
):
    story = services.start_live_story(article=make_article(title="Summit live"))
    services.post_update(story=story, author=None, body="Delegations arrive.")
    editor = make_editor(email="desk@example.com")
    reader = browser_factory()
    reader.get(asgi_live_server + story.get_absolute_url())
    waiter(reader).until(
        lambda d: d.find_element(By.ID, "live").get_attribute("data-live") == "true"
    )
    # Gone if the page reloads: proves the posts come in place.
    reader.execute_script("window.__samePage = true;")

    desk = browser_factory()
    log_in(desk, asgi_live_server, editor)
    desk.get(f"{asgi_live_server}/admin/live/livepost/add/?story={story.pk}")
    desk.find_element(By.ID, "id_body").send_keys("Talks begin at noon.")
    desk.find_element(By.NAME, "_save").click()
    waiter(reader).until(lambda d: posts(d)[0] == "Talks begin at noon.")
    assert "New post" in reader.find_element(By.CSS_SELECTOR, ".live__status").text

    made = LivePost.objects.get(body__contains="noon")
    desk.get(f"{asgi_live_server}/admin/live/livepost/{made.pk}/change/")
    body = desk.find_element(By.ID, "id_body")
    body.clear()
    body.send_keys("Talks begin at one.")
    desk.find_element(By.NAME, "_save").click()
    waiter(reader).until(lambda d: posts(d)[0] == "Talks begin at one.")

    services.close_story(story=story)
    waiter(reader).until(
        lambda d: "has ended" in d.find_element(By.CSS_SELECTOR, ".live__state").text
    )
    assert reader.execute_script("return window.__samePage === true") is True
    assert posts(reader) == ["Talks begin at one.", "Delegations arrive."]


def test_an_image_uploaded_from_the_post_form_reaches_the_open_page(
    browser_factory, asgi_live_server, tmp_path
):
    """The post form's "Upload a new image" adds the picture to the library
    in a pop-up and fills the post's image; the open page gets the post with
    the library's alt text and credit."""
    story = services.start_live_story(article=make_article(title="Summit live"))
    photo_file = tmp_path / "hall.jpg"
    photo_file.write_bytes(image_upload(size=(800, 450)).read())
    reader = browser_factory()
    reader.get(asgi_live_server + story.get_absolute_url())
    waiter(reader).until(
        lambda d: d.find_element(By.ID, "live").get_attribute("data-live") == "true"
    )
    desk = browser_factory()
    log_in(desk, asgi_live_server, make_editor(email="photo-desk@example.com"))
    desk.get(f"{asgi_live_server}/admin/live/livepost/add/?story={story.pk}")
    form_window = desk.current_window_handle

    desk.find_element(By.CSS_SELECTOR, "#id_kind option[value=image]").click()
    desk.find_element(By.CSS_SELECTOR, ".image-chooser__upload").click()
    waiter(desk).until(lambda d: len(d.window_handles) == 2)
    desk.switch_to.window(next(h for h in desk.window_handles if h != form_window))
    desk.find_element(By.ID, "id_file").send_keys(str(photo_file))
    desk.find_element(By.ID, "id_title").send_keys("Conference hall")
    desk.find_element(By.ID, "id_alt").send_keys("Delegates in a conference hall")
    desk.find_element(By.ID, "id_photographer").send_keys("Ivan Petrov")
    desk.find_element(By.ID, "id_copyright_holder").send_keys("Sputnik")
    desk.find_element(By.NAME, "_save").click()
    waiter(desk).until(lambda d: len(d.window_handles) == 1)
    desk.switch_to.window(form_window)
    photo = Image.objects.get()
    waiter(desk).until(
        lambda d: (
            d.find_element(By.ID, "id_image").get_attribute("value") == str(photo.pk)
        )
    )
    desk.find_element(By.NAME, "_save").click()

    figure = waiter(reader).until(
        lambda d: d.find_element(By.CSS_SELECTOR, ".live-post__figure")
    )
    assert figure.find_element(By.TAG_NAME, "img").get_attribute("alt") == (
        "Delegates in a conference hall"
    )
    assert figure.find_element(By.CSS_SELECTOR, ".article__credit").text == (
        "© Sputnik / Ivan Petrov"
    )
    assert LivePost.objects.get().image == photo
    assert photo.uploaded_by.email == "photo-desk@example.com"


@pytest.fixture
def long_story(db, settings):
    settings.LIVE_POSTS_PER_PAGE = 3
    story = services.start_live_story(article=make_article(title="Summit live"))
    services.post_update(story=story, author=None, body="Delegations arrive.")
    services.post_update(
        story=story,
        author=None,
        kind="quote",
        body="We are ready to talk.",
        quote_author="A. Minister",
    )
    services.post_update(
        story=story,
        author=None,
        kind="link",
        link_url="https://example.com/statement",
        link_title="The joint statement",
    )
    services.post_update(story=story, author=None, body="Talks begin.")
    # The newest: its figure, caption and credit in the page's checks, its
    # chooser in the admin's.
    services.post_update(story=story, author=None, kind="image", image=library_photo())
    return story


def test_live_story_page_and_newsfeed_are_axe_clean(
    axe_browser, asgi_live_server, long_story
):
    failures = {}
    for path in [long_story.get_absolute_url(), "/newsfeed/"]:
        failures.update(
            axe.check(
                axe_browser,
                asgi_live_server + path,
                variants=[
                    ("light", axe.DESKTOP),
                    ("dark", axe.DESKTOP),
                    ("light", axe.PHONE),
                ],
            )
        )

    assert not failures, axe.report(failures)


def test_posts_and_older_page_are_reached_by_keyboard(
    shared_browser, asgi_live_server, long_story
):
    driver = shared_browser
    axe.emulate(driver, scheme="light")
    newest = long_story.posts.newest_first().first()
    driver.get(asgi_live_server + long_story.get_absolute_url())

    permalink = tab_until(
        driver,
        lambda el: (el.get_attribute("href") or "").endswith(f"#post-{newest.pk}"),
    )
    press(driver, Keys.ENTER)
    assert driver.current_url.endswith(f"#post-{newest.pk}")
    assert permalink.text
    tab_until(driver, is_link("Older"))
    press(driver, Keys.ENTER)

    waiter(driver).until(lambda d: "page=2" in d.current_url)
    assert posts(driver) == ["Delegations arrive."]


def test_live_admin_pages_are_axe_clean(axe_browser, asgi_live_server, long_story):
    log_in(axe_browser, asgi_live_server, make_editor(email="desk2@example.com"))
    post = long_story.posts.newest_first().first()
    pages = [
        "/admin/live/livestory/",
        f"/admin/live/livestory/{long_story.pk}/change/",
        "/admin/live/livepost/",
        f"/admin/live/livepost/add/?story={long_story.pk}",
        f"/admin/live/livepost/{post.pk}/change/",
    ]

    failures = {}
    for path in pages:
        failures.update(
            axe.check(
                axe_browser,
                asgi_live_server + path,
                variants=[("light", axe.DESKTOP), ("dark", axe.DESKTOP)],
            )
        )

    assert not failures, axe.report(failures)
