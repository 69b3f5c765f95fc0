"""The cheaper render path: what is rendered once is still right."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.template import Context, Template
from django.test import TestCase
from django.utils import timezone, translation

from tests.factories import make_article, make_section
from tests.invalidation import Reader

ONCE = Template(
    "{% load fragments i18n %}"
    "{% once %}{% translate 'Search' %} {% url 'articles:search' %}"
    " {{ SITE_NAME }}{% endonce %}|{{ q }}"
)


def render(**context):
    return ONCE.render(Context(context))


def test_once_renders_each_language_once_and_keeps_the_page_variables():
    with translation.override("en"):
        assert render(SITE_NAME="Site", q="a") == "Search /search/ Site|a"
        # Rendered once: a changed variable inside the block is not seen.
        assert render(SITE_NAME="Other", q="b") == "Search /search/ Site|b"
    with translation.override("ru"):
        assert render(SITE_NAME="Site", q="c") == "Поиск /ru/search/ Site|c"


def test_once_renders_again_after_a_setting_changes(settings, client, db):
    settings.SITE_NAME = "First Name"
    assert "First Name" in client.get("/newsfeed/").text
    settings.SITE_NAME = "Second Name"

    page = client.get("/newsfeed/").text

    assert "Second Name" in page and "First Name" not in page


def test_a_renamed_section_moves_its_cached_rows(db):
    section = make_section(slug="world")
    article = make_article(section=section)
    reader = Reader()
    old = [section.get_absolute_url(), article.get_absolute_url()]
    reader.warm(old)

    section.slug = "planet"
    with TestCase.captureOnCommitCallbacks(execute=True):
        section.save()

    assert [reader.get(url).status_code for url in old] == [404, 404]
    article.refresh_from_db()
    new = [section.get_absolute_url(), article.get_absolute_url()]
    assert [reader.get(url).status_code for url in new] == [200, 200]


def test_a_scheduled_article_is_found_at_its_time(db, monkeypatch):
    now = timezone.now()
    article = make_article(published_at=now + timedelta(minutes=5))
    reader = Reader()
    assert reader.get(article.get_absolute_url()).status_code == 404

    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(minutes=6))

    assert reader.get(article.get_absolute_url()).status_code == 200


TRANSLATE = Template(
    "{% load i18n %}{% translate 'Search' %}|{% translate word %}"
    "|{% translate 'Search' as found %}{{ found|upper }}"
)


def test_translate_of_a_literal_follows_the_language():
    context = {"word": "Search"}
    with translation.override("en"):
        assert TRANSLATE.render(Context(context)) == "Search|Search|SEARCH"
    with translation.override("ru"):
        assert TRANSLATE.render(Context(context)) == "Поиск|Поиск|ПОИСК"


def titles(html):
    return [
        a.get_text(strip=True)
        for a in BeautifulSoup(html, "html.parser").select(".card__title a")
    ]


def test_a_cached_listing_page_follows_a_publication(db, settings):
    settings.ARTICLES_PER_PAGE = 2
    section = make_section(slug="world")
    now = timezone.now()
    for n in range(3):
        make_article(
            section=section,
            title=f"Story {n}",
            published_at=now - timedelta(hours=3 - n),
        )
    reader = Reader()
    pages = reader.warm(
        ["/world/", "/world/?page=2", "/world/?page=abc", "/world/?page=9"]
    )
    assert [titles(html) for html in pages.values()] == [
        ["Story 2", "Story 1"],
        ["Story 0"],
        ["Story 2", "Story 1"],
        ["Story 0"],
    ]

    with TestCase.captureOnCommitCallbacks(execute=True):
        make_article(section=section, title="Breaking", published_at=now)

    assert titles(reader.text("/world/")) == ["Breaking", "Story 2"]
    assert titles(reader.text("/world/?page=2")) == ["Story 1", "Story 0"]


def section_options(html):
    page = BeautifulSoup(html, "html.parser")
    return [o.get_text() for o in page.select("#search-section option")]


def test_the_search_form_follows_the_editions_sections(db):
    world = make_section(slug="world", name="World")
    reader = Reader()
    reader.warm(["/search/?section=world"])

    with TestCase.captureOnCommitCallbacks(execute=True):
        make_section(slug="sport", name="Sport", position=99)
        world.is_active = False
        world.save()

    page = reader.text("/search/?q=x&section=world")
    assert section_options(page) == ["All sections", "Sport"]
    assert "That choice is not one of the available choices." in page
