from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from lxml import etree

from articles import sitemaps
from articles.models import Article
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture(scope="module")
def schemas():
    folder = Path(__file__).resolve().parent.parent / "schemas"
    return {
        name: etree.XMLSchema(etree.parse(str(folder / f"{name}.xsd")))
        for name in ("siteindex", "sitemap")
    }


@pytest.fixture
def archive():
    """Published, draft and scheduled articles, with tags and authors of each."""
    world = make_section(name="World", slug="world")
    ann, ghost = make_author(slug="ann"), make_author(slug="ghost")
    now = timezone.now()
    fresh = make_article(
        section=world,
        tags=["NATO"],
        authors=[ann],
        published_at=now - timedelta(hours=2),
        updated_at=now - timedelta(hours=1),
    )
    old = make_article(section=world, published_at=now - timedelta(days=30))
    draft = make_article(
        section=world,
        tags=["secret"],
        authors=[ghost],
        status=Article.Status.DRAFT,
        published_at=None,
    )
    scheduled = make_article(
        section=world,
        tags=["secret"],
        authors=[ghost],
        published_at=now + timedelta(hours=3),
    )
    return {"fresh": fresh, "old": old, "hidden": [draft, scheduled]}


def fetch_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def assert_valid(schema, root):
    assert schema.validate(root), schema.error_log.filter_from_errors()


def locs(root, element="url"):
    return [loc.text for loc in root.iterfind(f"sm:{element}/sm:loc", NS)]


def plain_sitemaps(client, schemas):
    """Every sitemap the index names except Google News, parsed and validated."""
    index = fetch_xml(client, "/sitemap.xml")
    assert_valid(schemas["siteindex"], index)
    found = {}
    for url in locs(index, "sitemap"):
        if "sitemap-news-" in url:
            continue
        root = fetch_xml(client, url)
        assert_valid(schemas["sitemap"], root)
        found[url] = root
    return found


def test_index_names_every_sitemap_with_absolute_urls(client, schemas, archive):
    index = fetch_xml(client, "/sitemap.xml")

    assert_valid(schemas["siteindex"], index)
    assert locs(index, "sitemap") == [
        f"http://testserver/sitemap-{name}.xml"
        for name in ("articles", "sections", "tags", "authors", "news-en")
    ]


def test_every_sitemap_validates_and_every_url_answers(client, schemas, archive):
    found = plain_sitemaps(client, schemas)

    urls = [url for root in found.values() for url in locs(root)]
    assert urls
    for url in urls:
        assert urlsplit(url).scheme == "http" and urlsplit(url).netloc == "testserver"
        assert client.get(url).status_code == 200, url


def test_sitemaps_list_only_what_the_public_may_see(client, schemas, archive):
    found = plain_sitemaps(client, schemas)

    urls = {url for root in found.values() for url in locs(root)}
    base = "http://testserver"
    assert base + archive["fresh"].get_absolute_url() in urls
    assert base + archive["old"].get_absolute_url() in urls
    assert base + "/tags/nato/" in urls
    assert base + "/authors/ann/" in urls
    for hidden in archive["hidden"]:
        assert base + hidden.get_absolute_url() not in urls
    assert base + "/tags/secret/" not in urls
    assert base + "/authors/ghost/" not in urls


def test_article_lastmod_is_the_update_else_the_publication(client, archive):
    root = fetch_xml(client, "/sitemap-articles.xml")

    lastmods = {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.iterfind("sm:url", NS)
    }
    for article, moment in [
        (archive["fresh"], archive["fresh"].updated_at),
        (archive["old"], archive["old"].published_at),
    ]:
        lastmod = datetime.fromisoformat(
            lastmods["http://testserver" + article.get_absolute_url()]
        )
        assert lastmod == moment.replace(microsecond=0)


def test_article_sitemap_is_paged_in_the_index(client, schemas, monkeypatch):
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    for _ in range(5):
        make_article()

    index = fetch_xml(client, "/sitemap.xml")
    pages = [url for url in locs(index, "sitemap") if "sitemap-articles" in url]

    assert pages == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-articles.xml?p=2",
        "http://testserver/sitemap-articles.xml?p=3",
    ]
    counts = []
    for page in pages:
        root = fetch_xml(client, page)
        assert_valid(schemas["sitemap"], root)
        counts.append(len(locs(root)))
    assert counts == [2, 2, 1]
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404
    assert client.get("/sitemap-articles.xml?p=x").status_code == 404


def test_unknown_sitemap_is_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def news_entries(client, language="en"):
    root = fetch_xml(client, f"/sitemap-news-{language}.xml")
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return root.findall("sm:url", NS)


def test_news_sitemap_follows_googles_rules(client, archive):
    fresh = archive["fresh"]

    entries = news_entries(client)

    assert len(entries) == 1
    (url,) = entries
    assert url.findtext("sm:loc", namespaces=NS) == (
        "http://testserver" + fresh.get_absolute_url()
    )
    news = url.find("news:news", NS)
    publication = news.find("news:publication", NS)
    assert publication.findtext("news:name", namespaces=NS) == settings.SITE_NAME
    assert publication.findtext("news:language", namespaces=NS) == "en"
    published = datetime.fromisoformat(
        news.findtext("news:publication_date", namespaces=NS)
    )
    assert published == fresh.published_at.replace(microsecond=0)
    assert published.tzinfo is not None
    assert news.findtext("news:title", namespaces=NS) == fresh.title


def test_news_sitemap_holds_only_the_last_two_days(client):
    now = timezone.now()
    inside = make_article(published_at=now - timedelta(days=1, hours=23))
    make_article(published_at=now - timedelta(days=2, minutes=5))
    make_article(published_at=now + timedelta(minutes=5))

    entries = news_entries(client)

    assert [e.findtext("sm:loc", namespaces=NS) for e in entries] == [
        "http://testserver" + inside.get_absolute_url()
    ]
    for entry in entries:
        moment = datetime.fromisoformat(
            entry.findtext("news:news/news:publication_date", namespaces=NS)
        )
        assert now - timedelta(days=2) <= moment <= now


def test_news_sitemap_stops_at_one_thousand_newest(client, section):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Flash {i}",
            slug=f"flash-{i}",
            section=section,
            lead="lead",
            body="<p>b</p>",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=1 + i),
        )
        for i in range(1005)
    )

    entries = news_entries(client)

    titles = [e.findtext("news:news/news:title", namespaces=NS) for e in entries]
    assert len(titles) == 1000
    assert titles[0] == "Flash 0"
    assert titles[-1] == "Flash 999"


def test_robots_txt_names_the_sitemaps_and_keeps_private_pages_out(client, archive):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    for path in ["/admin/", "/accounts/", "/ru/accounts/", "/preview/"]:
        assert f"Disallow: {path}" in lines
    named = [line.split(" ", 1)[1] for line in lines if line.startswith("Sitemap:")]
    assert named == [
        "http://testserver/sitemap.xml",
        "http://testserver/sitemap-news-en.xml",
        "http://testserver/sitemap-news-ru.xml",
    ]
    for url in named:
        assert client.get(url).status_code == 200


def test_anonymous_sitemap_sets_no_cookie(client, archive):
    for url in ["/sitemap.xml", "/sitemap-articles.xml", "/robots.txt"]:
        assert not client.get(url).cookies


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # every one: each edition's next change by the clock (3 each, kept in
        # the fragment cache, so the page cache knows when the lists change)
        # each sitemap: count (news once per edition), and latest change for
        # articles and the English news (the Russian one is empty)
        ("/sitemap.xml", 6 + 8),
        # count, page of rows
        ("/sitemap-articles.xml", 6 + 2),
        ("/sitemap-sections.xml", 6 + 2),
        ("/sitemap-tags.xml", 6 + 2),
        ("/sitemap-authors.xml", 6 + 2),
        ("/sitemap-news-en.xml", 6 + 2),
        # no Russian articles here: the count only
        ("/sitemap-news-ru.xml", 6 + 1),
    ],
)
@pytest.mark.parametrize("n_articles", [1, 30])
def test_sitemap_query_count_is_flat(
    client, url, queries, n_articles, django_assert_num_queries
):
    for i in range(n_articles):
        author = make_author()
        make_article(tags=[f"tag-{i}"], authors=[author])

    with django_assert_num_queries(queries):
        client.get(url)
