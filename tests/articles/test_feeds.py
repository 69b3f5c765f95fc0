from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import image_upload, make_article, make_author, make_section

pytestmark = pytest.mark.django_db

KINDS = ["site", "section", "tag", "author"]
FORMATS = {"rss": "rss20", "atom": "atom10"}


@pytest.fixture
def newsdesk():
    """Two public articles sharing a section, a tag and an author, plus hidden ones."""
    section = make_section(name="World", slug="world")
    ann, bob = make_author(name="Ann Lee", slug="ann"), make_author(name="Bob Roy")
    now = timezone.now()
    newer = make_article(
        title="Newer <story> & more",
        section=section,
        tags=["NATO", "Brussels"],
        authors=[ann, bob],
        image=image_upload("summit.jpg", size=(120, 80)),
        published_at=now - timedelta(hours=1),
        updated_at=now - timedelta(minutes=10),
    )
    older = make_article(
        section=section,
        tags=["NATO"],
        authors=[ann],
        image=image_upload("gone.jpg"),
        published_at=now - timedelta(hours=5),
    )
    # A file removed from the disk must not break the feed.
    older.image.file.storage.delete(older.image.file.name)
    hidden = [
        make_article(
            section=section,
            tags=["NATO"],
            authors=[ann],
            status=Article.Status.DRAFT,
            published_at=None,
        ),
        make_article(
            section=section,
            tags=["NATO"],
            authors=[ann],
            published_at=now + timedelta(hours=1),
        ),
    ]
    return {
        "section": section,
        "ann": ann,
        "newer": newer,
        "older": older,
        "hidden": hidden,
    }


def feed_url(kind, fmt, desk):
    suffix = "" if fmt == "rss" else "_atom"
    if kind == "site":
        return reverse(f"articles:feed{suffix}")
    slug = {"section": "world", "tag": "nato", "author": "ann"}[kind]
    return reverse(f"articles:{kind}_feed{suffix}", kwargs={"slug": slug})


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_feed_parses_and_lists_only_published_articles_newest_first(
    client, newsdesk, kind, fmt
):
    _, feed = parse(client, feed_url(kind, fmt, newsdesk))

    assert feed.bozo is False, feed.get("bozo_exception")
    assert feed.version == FORMATS[fmt]
    assert [e.title for e in feed.entries] == [
        newsdesk["newer"].title,
        newsdesk["older"].title,
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_feed_item_carries_link_lead_dates_authors_categories_and_image(
    client, newsdesk, kind, fmt
):
    newer = newsdesk["newer"]

    _, feed = parse(client, feed_url(kind, fmt, newsdesk))

    entry = feed.entries[0]
    assert entry.link == f"http://testserver{newer.get_absolute_url()}"
    assert entry.summary == newer.lead
    published = datetime(*entry.published_parsed[:6], tzinfo=UTC)
    assert published == newer.published_at.replace(microsecond=0)
    updated = datetime(*entry.updated_parsed[:6], tzinfo=UTC)
    assert updated == newer.updated_at.replace(microsecond=0)
    assert [a["name"] for a in entry.authors] == ["Ann Lee", "Bob Roy"]
    assert sorted(t.term for t in entry.tags) == ["Brussels", "NATO", "World"]
    (enclosure,) = entry.enclosures
    assert enclosure.href == f"http://testserver{newer.image.file.url}"
    assert int(enclosure.length) == newer.image.file.size
    assert enclosure.type == "image/jpeg"


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_skips_the_enclosure_of_a_missing_image_file(client, newsdesk, fmt):
    _, feed = parse(client, feed_url("site", fmt, newsdesk))

    assert feed.entries[1].title == newsdesk["older"].title
    assert feed.entries[1].enclosures == []


def test_atom_authors_link_to_their_pages(client, newsdesk):
    _, feed = parse(client, feed_url("author", "atom", newsdesk))

    assert feed.entries[0].authors[0]["href"] == "http://testserver/authors/ann/"


@pytest.mark.parametrize("fmt", FORMATS)
def test_agency_copy_credits_its_source(client, fmt):
    make_article(source_credit="RIA Novosti")

    _, feed = parse(client, feed_url("site", fmt, None))

    assert [a["name"] for a in feed.entries[0].authors] == ["RIA Novosti"]


@pytest.mark.parametrize("fmt", ["", "_atom"])
@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_feed_of_an_unknown_subject_is_404(client, kind, fmt):
    url = reverse(f"articles:{kind}_feed{fmt}", kwargs={"slug": "no-such-thing"})

    assert client.get(url).status_code == 404


def test_existing_feed_urls_keep_working(client, newsdesk):
    assert reverse("articles:feed") == "/feeds/rss/"
    assert reverse("articles:section_feed", args=["world"]) == (
        "/feeds/sections/world/rss/"
    )
    assert client.get("/feeds/atom/").status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("n_articles", [1, 12])
def test_feed_query_count_is_flat(
    client, kind, fmt, n_articles, django_assert_num_queries
):
    section = make_section(slug="world")
    ann = make_author(slug="ann")
    for i in range(n_articles):
        make_article(section=section, tags=["NATO", f"t{i}"], authors=[ann])
    url = feed_url(kind, fmt, None)
    client.get(url)  # warms the content type cache that tag lookups use

    cache.clear()
    # cold: (subject), the edition's next change by the clock (3, kept in the
    # fragment cache), the items' ids, their rows with sections, bylines with
    # authors, tags
    with django_assert_num_queries(7 if kind == "site" else 8):
        client.get(url)
    # warm: an author's row; a tag's row and its items' ids (its listing
    # follows bulk tagging); a section's row, the other ids and the items'
    # XML from the fragment cache
    with django_assert_num_queries({"tag": 2, "author": 1}.get(kind, 0)):
        client.get(url)


@pytest.mark.parametrize(
    ("page", "rss", "atom"),
    [
        ("/", "/feeds/rss/", "/feeds/atom/"),
        ("/world/", "/feeds/sections/world/rss/", "/feeds/sections/world/atom/"),
        ("article", "/feeds/sections/world/rss/", "/feeds/sections/world/atom/"),
        ("/tags/nato/", "/feeds/tags/nato/rss/", "/feeds/tags/nato/atom/"),
        ("/authors/ann/", "/feeds/authors/ann/rss/", "/feeds/authors/ann/atom/"),
    ],
)
def test_pages_announce_their_feeds_in_the_head(client, newsdesk, page, rss, atom):
    url = newsdesk["newer"].get_absolute_url() if page == "article" else page

    soup = BeautifulSoup(client.get(url).content, "html.parser")

    links = soup.head.select("link[rel=alternate]")
    hrefs = {(link["type"], link["href"]) for link in links}
    assert ("application/rss+xml", rss) in hrefs
    assert ("application/atom+xml", atom) in hrefs
