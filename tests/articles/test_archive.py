from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def local(*args):
    return datetime(*args, tzinfo=timezone.get_current_timezone())


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".layout__main .card__title a")]


def test_day_archive_lists_that_local_days_published_articles(client, section):
    make_article(section=section, title="Eve", published_at=local(2009, 1, 25, 23, 59))
    morning = make_article(
        section=section, title="Morning", published_at=local(2009, 1, 26, 0, 0)
    )
    night = make_article(
        section=section, title="Night", published_at=local(2009, 1, 26, 23, 59)
    )
    make_article(section=section, title="Next", published_at=local(2009, 1, 27, 0, 0))
    make_article(
        section=section,
        title="Draft",
        status=Article.Status.DRAFT,
        published_at=local(2009, 1, 26, 12, 0),
    )

    response = client.get("/archive/2009/01/26/")

    assert response.status_code == 200
    assert titles(response) == [night.title, morning.title]


def test_day_archive_links_to_the_nearest_days_with_articles(client, section):
    make_article(section=section, published_at=local(2009, 1, 20, 12, 0))
    make_article(section=section, published_at=local(2009, 1, 26, 12, 0))
    make_article(section=section, published_at=local(2009, 2, 3, 9, 0))

    soup = BeautifulSoup(client.get("/archive/2009/01/26/").content, "html.parser")

    assert soup.select_one(".archive-nav__link--previous")["href"] == (
        "/archive/2009/01/20/"
    )
    assert soup.select_one(".archive-nav__link--next")["href"] == "/archive/2009/02/03/"


def test_month_archive_and_its_neighbours(client, section):
    make_article(section=section, title="Nov", published_at=local(2008, 11, 30, 23, 0))
    first = make_article(section=section, published_at=local(2009, 1, 1, 0, 0))
    last = make_article(section=section, published_at=local(2009, 1, 31, 23, 59))
    make_article(section=section, title="Mar", published_at=local(2009, 3, 1, 0, 0))

    response = client.get("/archive/2009/01/")

    soup = BeautifulSoup(response.content, "html.parser")
    assert titles(response) == [last.title, first.title]
    assert (
        soup.select_one(".archive-nav__link--previous")["href"] == "/archive/2008/11/"
    )
    assert soup.select_one(".archive-nav__link--next")["href"] == "/archive/2009/03/"


def test_scheduled_articles_stay_out_of_archives_and_links(client, section):
    make_article(section=section, published_at=local(2009, 1, 26, 12, 0))
    scheduled = make_article(
        section=section, title="Munich talks", published_at=local(2099, 2, 6, 9, 0)
    )

    day = client.get("/archive/2099/02/06/")
    month = client.get("/archive/2099/02/")
    before = BeautifulSoup(client.get("/archive/2009/01/26/").content, "html.parser")

    assert scheduled.is_scheduled is True
    # Its own day and month would list it; with nothing else there, both 404.
    assert day.status_code == 404
    assert month.status_code == 404
    # The day before it would link forward to it.
    assert before.select_one(".archive-nav__link--next") is None


@pytest.mark.parametrize(
    "url",
    [
        "/archive/2009/02/30/",
        "/archive/2009/13/",
        "/archive/2009/00/",
        "/archive/2009/01/32/",
        "/archive/2009/01/00/",
        "/archive/0/01/01/",
        "/archive/99999999999999999999/01/",
        "/archive/2009/99999999999999999999/01/",
        "/archive/2010/01/26/",
    ],
)
def test_impossible_or_empty_dates_are_404(client, section, url):
    make_article(section=section, published_at=local(2009, 1, 26, 12, 0))

    assert client.get(url).status_code == 404


def test_article_page_links_its_time_to_the_day_archive(client, reference_article):
    soup = BeautifulSoup(
        client.get(reference_article.get_absolute_url()).content, "html.parser"
    )

    link = soup.select_one(".article__times a")
    assert link["href"] == "/archive/2009/01/26/"
    assert client.get(link["href"]).status_code == 200


@pytest.mark.parametrize("n_articles", [1, 40])
def test_archive_query_count_is_flat(
    client, section, n_articles, django_assert_num_queries
):
    Article.objects.bulk_create(
        Article(
            title=f"Bulk {i}",
            slug=f"bulk-{i}",
            section=section,
            lead="l",
            body="<p>b</p>",
            status=Article.Status.PUBLISHED,
            published_at=local(2009, 1, 26, 12, 0) - timedelta(minutes=i),
        )
        for i in range(n_articles)
    )

    for url in ["/archive/2009/01/26/", "/archive/2009/01/"]:
        cache.clear()
        # count, the page's ids, previous, next; cold, the cards' rows and
        # bylines, the banner, the menu, the newsfeed and its time boundary
        with django_assert_num_queries(12):
            assert client.get(url).status_code == 200
        # warm: previous, next (the count and the page's ids are kept like a
        # block of the edition's lists)
        with django_assert_num_queries(2):
            assert client.get(url).status_code == 200
