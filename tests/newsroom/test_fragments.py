from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from articles import cachekeys
from comments.models import Comment
from newsroom import fragments, freshness
from tests.factories import make_article, make_section


def block(name, keys, *, until=None):
    """A fragment that counts its renderings and shows that count."""
    renders = []

    def render():
        freshness.depend(*keys)
        freshness.not_after(until)
        renders.append(1)
        return f"<p>{name} {len(renders)}</p>"

    return renders, lambda: fragments.cached(fragments.cache_key(name), render)


def test_a_block_is_rendered_once_until_a_key_it_showed_is_bumped():
    renders, show = block("menu", ["menu:en"])

    assert show() == show() == "<p>menu 1</p>"
    freshness.bump_now(["section:9"])
    assert show() == "<p>menu 1</p>"
    freshness.bump_now(["menu:en"])

    assert show() == "<p>menu 2</p>"
    assert len(renders) == 2


def test_a_block_is_rendered_again_when_its_moment_comes(monkeypatch):
    soon = timezone.now() + timedelta(minutes=5)
    renders, show = block("banner", ["edition:en"], until=soon)
    show()
    show()

    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert show() == "<p>banner 2</p>"
    assert len(renders) == 2


def test_a_block_rendered_while_its_keys_change_is_not_stored(monkeypatch):
    # The clock was read when the request started; a write then bumped a key
    # the block shows, so the rows the block read may be older than the key.
    token = fragments._request_clock.set(freshness.clock())
    freshness.bump_now(["edition:en"])
    renders, show = block("newsfeed", ["edition:en"])

    try:
        show()
        show()
    finally:
        fragments._request_clock.reset(token)

    assert len(renders) == 2


def test_the_switch_renders_every_block_every_time(settings):
    settings.FRAGMENT_CACHE = False
    renders, show = block("menu", ["menu:en"])

    show()
    show()

    assert len(renders) == 2


def test_a_block_that_names_no_key_is_never_stored():
    renders, show = block("nothing", [])

    show()
    show()

    assert len(renders) == 2


def test_hits_tell_the_page_what_the_block_showed():
    soon = timezone.now() + timedelta(hours=1)
    _renders, show = block("newsfeed", ["edition:en", "comments:4"], until=soon)
    show()

    with freshness.collect() as page:
        show()

    assert page.keys == {"edition:en", "comments:4"}
    assert page.until == soon


def test_a_broken_cache_means_rendering_not_an_error(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get_many", broken)
    monkeypatch.setattr(cache, "set_many", broken)
    renders, show = block("menu", ["menu:en"])

    assert show() == "<p>menu 1</p>"
    assert show() == "<p>menu 2</p>"


def test_an_unreachable_version_store_means_rendering(monkeypatch):
    renders, show = block("menu", ["menu:en"])
    show()
    monkeypatch.setattr(freshness, "versions", lambda keys: None)

    show()

    assert len(renders) == 2


def cards_text(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [card.get_text(" ", strip=True) for card in soup.select(".card")]


def test_a_card_shows_a_new_title_once_the_article_key_is_bumped(client, db):
    section = make_section()
    article = make_article(section=section, title="Old title")
    assert "Old title" in cards_text(client, section.get_absolute_url())[0]

    type(article).objects.filter(pk=article.pk).update(title="New title")
    assert "Old title" in cards_text(client, section.get_absolute_url())[0]
    freshness.bump_now([cachekeys.article(article.pk)])

    assert "New title" in cards_text(client, section.get_absolute_url())[0]


def test_a_scheduled_article_joins_the_newsfeed_when_its_time_comes(
    client, db, monkeypatch
):
    section = make_section()
    make_article(section=section, title="Already out")
    at = timezone.now() + timedelta(hours=1)
    make_article(section=section, title="Scheduled story", published_at=at)
    assert "Scheduled story" not in client.get("/newsfeed/items/").content.decode()
    assert "Scheduled story" not in client.get("/").content.decode()

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(hours=2))

    html = client.get("/").content.decode()
    assert "Scheduled story" in html  # the sidebar, the home page's cards


@pytest.mark.parametrize("logged_in", [False, True])
def test_the_discussion_shows_a_new_comment_after_the_bump(
    client, db, reader, logged_in
):
    article = make_article()
    if logged_in:
        client.force_login(reader)
    client.get(article.get_absolute_url())

    Comment.objects.create(article=article, author=reader, body="Fresh remark")
    freshness.bump_now([cachekeys.comments(article.pk)])

    assert "Fresh remark" in client.get(article.get_absolute_url()).content.decode()
