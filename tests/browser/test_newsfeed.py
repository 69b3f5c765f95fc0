from datetime import timedelta

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By

from tests.factories import make_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def make_feed(section, *, older):
    """A "Top story" and `older` stories before it; returns the top one."""
    now = timezone.now()
    # Explicit time: the factory's default goes back one minute per article
    # made so far in the run, which can put it behind the "Older" ones.
    article = make_article(section=section, title="Top story", published_at=now)
    for i in range(older):
        make_article(
            section=section,
            title=f"Older {i}",
            published_at=now - timedelta(hours=1, minutes=i),
        )
    return article


def test_newsfeed_load_more_appends_the_next_items_in_place(
    browser, wait, live_server, section, settings
):
    settings.NEWSFEED_SIZE = 3
    article = make_feed(section, older=7)

    browser.get(live_server.url + article.get_absolute_url())
    url_before = browser.current_url
    browser.find_element(By.CSS_SELECTOR, ".newsfeed__more-link").click()
    wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, ".newsfeed__item")) == 6)

    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".newsfeed__link")]
    assert titles == [
        "Top story",
        "Older 0",
        "Older 1",
        "Older 2",
        "Older 3",
        "Older 4",
    ]
    assert browser.current_url == url_before
    assert len(browser.find_elements(By.CSS_SELECTOR, ".newsfeed__more-link")) == 1


def test_newsfeed_load_more_announces_the_stories_it_brought(
    browser, wait, live_server, section, settings
):
    settings.NEWSFEED_SIZE = 3
    article = make_feed(section, older=4)
    browser.get(live_server.url + article.get_absolute_url())
    status = browser.find_element(By.CSS_SELECTOR, ".newsfeed [data-newsfeed-status]")

    browser.find_element(By.CSS_SELECTOR, ".newsfeed__more-link").click()
    wait.until(lambda b: status.text or status.get_attribute("textContent"))

    assert status.get_attribute("role") == "status"
    assert status.get_attribute("textContent") == "2 more stories loaded"
    assert browser.find_elements(By.CSS_SELECTOR, ".newsfeed__announce") == []
    assert browser.switch_to.active_element.text == "Older 2"
