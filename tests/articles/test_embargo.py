"""Embargo and expiry: nothing about such an article is public, anywhere."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, Correction
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

TITLE = "Embargoed summit communique"


def public_paths(article):
    """Every public page of the article's edition that could name it; extend as
    pages arrive."""
    with translation.override(article.language):
        return _public_paths(article)


def _public_paths(article):
    section, author = article.section, article.byline_authors[0]
    day = timezone.localtime(article.published_at)
    neighbour = Article.objects.exclude(pk=article.pk).get(section=section)
    feeds = [
        reverse(name, kwargs={"slug": slug})
        for slug, names in [
            (section.slug, ["articles:section_feed_atom"]),
            ("summit", ["articles:tag_feed", "articles:tag_feed_atom"]),
            (author.slug, ["articles:author_feed", "articles:author_feed_atom"]),
        ]
        for name in names
    ]
    sitemaps = [
        reverse("sitemap", kwargs={"section": name})
        for name in ["articles", f"news-{article.language}"]
    ]
    return [
        reverse("articles:feed_atom"),
        *feeds,
        *sitemaps,
        reverse("articles:search") + "?q=summit+communique",
        reverse("articles:archive_day", args=[day.year, day.month, day.day]),
        reverse("articles:archive_month", args=[day.year, day.month]),
        neighbour.get_absolute_url(),  # its related articles
        reverse("articles:home"),
        section.get_absolute_url(),
        reverse("articles:tag", kwargs={"slug": "summit"}),
        author.get_absolute_url(),
        article.get_absolute_url(),
        reverse("articles:newsfeed"),
        reverse("articles:newsfeed_items"),
        reverse("articles:feed"),
        reverse("articles:section_feed", kwargs={"slug": section.slug}),
        *[c.get_absolute_url() for c in article.corrections.all()],
        *(reverse(name) for name in EXTRA_PUBLIC_PATHS),
    ]


# Public URLs added by later features (corrections, sitemaps, search...).
# URL names, reversed under the story's edition prefix.
EXTRA_PUBLIC_PATHS = ["articles:corrections"]


def expected_status(article, path, page_status):
    """What `path` answers while the article's own page answers
    `page_status` (200, 404 under embargo, 410 once expired): its
    corrections' pages 404 while it is hidden, every other page 200."""
    with translation.override(article.language):
        if path == article.get_absolute_url():
            return page_status
        corrections = {c.get_absolute_url() for c in article.corrections.all()}
    return (200 if page_status == 200 else 404) if path in corrections else 200


def where_title_appears(client, article, *, page_status=200):
    found = []
    for path in public_paths(article):
        response = client.get(path)
        expected = expected_status(article, path, page_status)
        assert response.status_code == expected, path
        page = response.content.decode()
        # Sitemaps name an article by its address, the rest by its title.
        if TITLE in page or f"{article.get_absolute_url()}<" in page:
            found.append(path)
    return found


@pytest.fixture(params=["en", "ru"])
def story(db, request):
    section = make_section(slug="world", language=request.param)
    author = make_author()
    # One time for both, so its archive pages list the neighbour whatever
    # the article's state.
    published_at = timezone.now() - timedelta(hours=1)
    article = make_article(
        title=TITLE,
        section=section,
        authors=[author],
        tags=["Summit"],
        published_at=published_at,
    )
    make_article(
        title="A neighbour", section=section, tags=["Summit"], published_at=published_at
    )
    Correction.objects.create(article=article, text="The date was wrong.")
    return article


def test_embargoed_article_is_nowhere_until_the_embargo_ends(
    client, story, monkeypatch
):
    start = timezone.now()
    story.embargo_until = start + timedelta(hours=1)
    story.save()

    monkeypatch.setattr(timezone, "now", lambda: start)
    assert where_title_appears(client, story, page_status=404) == []

    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(hours=1, seconds=1))
    assert len(where_title_appears(client, story)) == len(public_paths(story))


def test_expired_article_is_nowhere_after_its_expiry(client, story, monkeypatch):
    start = timezone.now()
    story.expires_at = start + timedelta(hours=1)
    story.save()

    monkeypatch.setattr(timezone, "now", lambda: start)
    assert len(where_title_appears(client, story)) == len(public_paths(story))

    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(hours=1, seconds=1))
    assert where_title_appears(client, story, page_status=410) == []


def test_published_mirrors_is_published_for_embargo_and_expiry():
    now = timezone.now()
    cases = [
        make_article(embargo_until=now + timedelta(minutes=5)),
        make_article(embargo_until=now - timedelta(minutes=5)),
        make_article(expires_at=now - timedelta(minutes=5)),
        make_article(expires_at=now + timedelta(minutes=5)),
    ]

    published = set(Article.objects.published().values_list("pk", flat=True))

    assert [a.pk in published for a in cases] == [a.is_published for a in cases]
    assert [a.is_published for a in cases] == [False, True, False, True]
