"""A cached page never outlives the next moment that changes it with no
write (issue 9): a scheduled publication, an expiry, an embargo's end, the
end of a breaking banner, a discussion's automatic close, the news sitemap's
two days, local midnight under "Today", a search's short lifetime. The
clock is moved, never slept on."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import services
from tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def clock(monkeypatch):
    """The site's clock, stopped; `clock.move(delta)` moves it."""

    class Clock:
        now = timezone.now()

        def move(self, delta):
            self.now += delta

    stopped = Clock()
    monkeypatch.setattr(timezone, "now", lambda: stopped.now)
    return stopped


def shown_then_hit(client, url):
    """The page's text, after making sure the cache now answers it."""
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_a_scheduled_article_appears_when_its_time_comes(client, clock):
    make_article(title="Old news")
    make_article(title="Scheduled story", published_at=clock.now + timedelta(hours=1))
    before = shown_then_hit(client, "/")

    clock.move(timedelta(hours=1, seconds=1))
    after = client.get("/").content.decode()

    assert "Scheduled story" not in before
    assert "Scheduled story" in after


def test_an_expiring_article_is_gone_when_it_expires(client, clock):
    article = make_article(
        title="Short-lived", expires_at=clock.now + timedelta(hours=1)
    )
    shown_then_hit(client, article.get_absolute_url())
    listed = shown_then_hit(client, "/")

    clock.move(timedelta(hours=1, seconds=1))

    assert client.get(article.get_absolute_url()).status_code == 410
    assert "Short-lived" in listed
    assert "Short-lived" not in client.get("/").content.decode()


def test_an_embargoed_article_appears_when_the_embargo_ends(client, clock):
    make_article(title="Old news")
    make_article(title="Embargoed", embargo_until=clock.now + timedelta(minutes=30))
    before = shown_then_hit(client, "/")

    clock.move(timedelta(minutes=30, seconds=1))

    assert "Embargoed" not in before
    assert "Embargoed" in client.get("/").content.decode()


def test_the_breaking_banner_leaves_when_it_ends(client, clock):
    make_article(title="Quake", breaking_until=clock.now + timedelta(minutes=20))
    before = shown_then_hit(client, "/newsfeed/")

    clock.move(timedelta(minutes=20, seconds=1))

    assert "breaking-banner" in before
    assert "breaking-banner" not in client.get("/newsfeed/").content.decode()


def test_a_discussion_closes_on_its_day(client, clock, settings):
    settings.COMMENTS_AUTO_CLOSE_DAYS = 7
    article = make_article(
        comments_mode="auto",
        published_at=clock.now - timedelta(days=7) + timedelta(hours=1),
    )
    before = shown_then_hit(client, article.get_absolute_url())

    clock.move(timedelta(hours=1, seconds=1))

    assert "The discussion is closed." not in before
    page = client.get(article.get_absolute_url()).content.decode()
    assert "The discussion is closed." in page


def test_the_news_sitemap_drops_articles_older_than_two_days(client, clock):
    article = make_article(
        published_at=clock.now - timedelta(days=2) + timedelta(minutes=10)
    )
    make_article()
    before = shown_then_hit(client, "/sitemap-news-en.xml")

    clock.move(timedelta(minutes=10, seconds=1))

    assert article.slug in before
    assert article.slug not in client.get("/sitemap-news-en.xml").content.decode()


def test_today_becomes_yesterday_at_local_midnight(client, clock):
    midnight = services.start_of_day(timezone.localdate() + timedelta(days=1))
    clock.now = midnight - timedelta(minutes=5)
    make_article(published_at=clock.now - timedelta(minutes=1))
    before = shown_then_hit(client, "/newsfeed/")

    clock.move(timedelta(minutes=5, seconds=1))

    assert "Today" in before
    after = client.get("/newsfeed/").content.decode()
    assert "Yesterday" in after and "Today" not in after


def test_search_results_live_briefly(client, clock, settings):
    settings.PAGE_CACHE_SHORT_SECONDS = 60
    make_article(title="Summit opens")
    shown_then_hit(client, "/search/?q=summit")

    clock.move(timedelta(seconds=61))

    assert client.get("/search/?q=summit")["X-Page-Cache"] == "miss"
