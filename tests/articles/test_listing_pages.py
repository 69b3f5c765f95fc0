from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Article, HomeSlot
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def make_many(section, n, **overrides):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Bulk {section.slug} {i}",
            slug=f"bulk-{section.slug}-{i}",
            section=section,
            lead="lead",
            body="<p>b</p>",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=1, minutes=i),
            **overrides,
        )
        for i in range(n)
    )


def test_section_page_lists_its_published_articles_newest_first(client, section):
    old = make_article(section=section, published_at=timezone.now() - timedelta(days=2))
    new = make_article(section=section, published_at=timezone.now() - timedelta(days=1))
    make_article(section=section, status=Article.Status.DRAFT, published_at=None)
    other = make_article()

    soup = BeautifulSoup(client.get(section.get_absolute_url()).content, "html.parser")

    titles = [a.get_text() for a in soup.select(".layout__main .card__title a")]
    assert titles == [new.title, old.title]
    assert other.title not in titles
    assert soup.h1.get_text() == section.name


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", "1.5", "%00"])
def test_section_pagination_copes_with_any_page_value(client, section, page):
    make_many(section, 25)

    response = client.get(section.get_absolute_url(), {"page": page})

    assert response.status_code == 200


def test_section_page_two_has_the_rest(client, section):
    make_many(section, 25)

    soup = BeautifulSoup(
        client.get(section.get_absolute_url(), {"page": 2}).content, "html.parser"
    )

    assert len(soup.select(".layout__main .card")) == 5
    assert soup.select_one("a[rel=prev]")["href"] == "?page=1"


@pytest.mark.parametrize("n_articles", [1, 50])
def test_section_page_query_count_is_flat(
    client, section, n_articles, django_assert_num_queries
):
    make_many(section, n_articles)

    # section, count, the page's ids; cold, the cards' rows and bylines, the
    # banner, the menu, the newsfeed and the edition's next time boundary
    with django_assert_num_queries(11):
        client.get(section.get_absolute_url())
    # warm: none (the section's row, the count and the page's ids are kept
    # like blocks)
    with django_assert_num_queries(0):
        client.get(section.get_absolute_url())


@pytest.mark.parametrize("n_per_section", [1, 10])
@pytest.mark.parametrize("curated", [False, True])
def test_home_page_query_count_is_flat(
    client, n_per_section, curated, django_assert_num_queries
):
    for i in range(4):
        make_many(make_section(slug=f"home-{i}"), n_per_section)
    if curated:
        for position, article in enumerate(Article.objects.all()[:n_per_section]):
            HomeSlot.objects.create(article=article, position=position)

    # cold: the edition's next time boundary, the picked ids, the editors'
    # picks (when none: the newest), their bylines, sections, latest per
    # section (one query), their bylines, banner, section menu, newsfeed
    with django_assert_num_queries(12):
        client.get("/")
    # warm: everything from the fragment cache
    with django_assert_num_queries(0):
        client.get("/")


def test_home_page_top_story_is_the_newest_and_sections_follow(client):
    world, russia = make_section(name="World"), make_section(name="Russia")
    older = make_article(
        section=world, published_at=timezone.now() - timedelta(hours=3)
    )
    newest = make_article(
        section=russia, published_at=timezone.now() - timedelta(hours=1)
    )
    make_article(section=russia, published_at=timezone.now() + timedelta(hours=1))

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    assert (
        soup.select_one(".home__top .card__title").get_text(strip=True) == newest.title
    )
    section_titles = [
        h.get_text(strip=True) for h in soup.select(".home__section-title")
    ]
    assert section_titles == ["World"]
    assert older.title in soup.select_one(".home__section").get_text()


def test_tag_page_lists_tagged_published_articles(client, section):
    tagged = make_article(section=section, tags=["Gas"])
    make_article(section=section, tags=["Oil"])
    make_article(
        section=section, tags=["Gas"], status=Article.Status.DRAFT, published_at=None
    )

    soup = BeautifulSoup(client.get("/tags/gas/").content, "html.parser")

    assert [a.get_text() for a in soup.select(".layout__main .card__title a")] == [
        tagged.title
    ]
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_author_page_lists_their_articles(client, section):
    author = make_author(name="Olga Ivanova", slug="olga-ivanova", bio="Moscow desk.")
    theirs = make_article(section=section, authors=[author])
    make_article(section=section)

    soup = BeautifulSoup(client.get("/authors/olga-ivanova/").content, "html.parser")

    assert soup.h1.get_text() == "Olga Ivanova"
    assert [a.get_text() for a in soup.select(".layout__main .card__title a")] == [
        theirs.title
    ]


def test_newsfeed_more_returns_only_the_next_items_and_keeps_the_place(
    client, section, settings
):
    settings.NEWSFEED_SIZE = 3
    make_many(section, 7)

    first = BeautifulSoup(client.get("/newsfeed/").content, "html.parser")
    titles = [a.get_text() for a in first.select(".newsfeed__link")]
    more = first.select_one(".newsfeed__more-link")
    # A newer article arriving meanwhile does not shift the next page.
    make_article(section=section)
    fragment = client.get(more["data-items-url"])
    soup = BeautifulSoup(fragment.content, "html.parser")

    assert titles == [f"Bulk {section.slug} {i}" for i in range(3)]
    assert more["href"].startswith("/newsfeed/?before=")
    assert soup.find("html") is None
    assert [a.get_text() for a in soup.select(".newsfeed__link")] == [
        f"Bulk {section.slug} {i}" for i in range(3, 6)
    ]
    assert client.get(more["href"]).status_code == 200


@pytest.mark.parametrize("cursor", ["", "x", "1_2_3", "nan_1", "1e309_1", "-1_x"])
def test_newsfeed_ignores_a_malformed_cursor(client, section, cursor):
    make_many(section, 2)

    response = client.get("/newsfeed/items/", {"before": cursor})

    assert response.status_code == 200


def test_unknown_page_gets_the_sites_404_with_a_way_home(client, settings):
    settings.DEBUG = False

    response = client.get("/no-such-section/")

    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".error-page a")["href"] == "/"
