"""Query shapes that keep a page's cost flat on a big archive (issue 9).

Speed itself lives in bench/pages.py; these pin the shapes that give it.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.pagination import CappedPaginator
from articles.search import search_articles
from articles.services import related_articles
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def upper_bounds_on_published_at(queryset):
    sql = str(queryset.query)
    return len(re.findall(r'"published_at" <', sql))


def test_a_past_day_has_one_upper_bound_on_publication(section):
    end = timezone.now() - timedelta(days=3)

    day = Article.objects.published_between(end - timedelta(days=1), end)

    # Two (now and the day's end) let SQLite range from now back to the day.
    assert upper_bounds_on_published_at(day) == 1
    assert upper_bounds_on_published_at(Article.objects.published_before(end)) == 1


def test_today_is_bounded_by_now(section):
    article = make_article()
    tomorrow = timezone.now() + timedelta(days=1)

    today = Article.objects.published_between(tomorrow - timedelta(days=2), tomorrow)

    assert upper_bounds_on_published_at(today) == 1
    assert list(today) == [article]
    make_article(published_at=timezone.now() + timedelta(hours=1))
    assert list(today.all()) == [article]


def test_a_page_is_found_by_its_keys_then_read_by_primary_key(section):
    articles = [make_article(section=section) for _ in range(7)]
    rows = Article.objects.published().filter(section=section).newest_first()

    with CaptureQueriesContext(connection) as queries:
        page = CappedPaginator(rows, 3).page(2)
        found = list(page.object_list)

    assert found == articles[3:6]
    page_sql = queries.captured_queries[-1]["sql"]
    # The skipped rows are skipped in a subquery of keys alone.
    assert re.search(r'IN \(SELECT \S+"id" AS "(pk|id)" FROM', page_sql)
    assert "OFFSET 3" in page_sql


def test_related_articles_reads_only_the_articles_it_shows(section):
    article = make_article(section=section, tags=["gas"])
    for _ in range(6):
        make_article(section=section, tags=["gas"])

    with CaptureQueriesContext(connection) as queries:
        related = related_articles(article=article, limit=2)

    assert len(related) == 2
    assert any(re.search(r"LIMIT 2\b", q["sql"]) for q in queries.captured_queries)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's")
def test_sqlite_search_ranks_in_one_scan_of_the_window_span(section):
    make_article(section=section, title="Pipeline summit")

    sql = str(search_articles("pipeline summit").query)

    # A MATCH with `rowid =` per row reads a common word's whole doclist
    # once per row (minutes at 200,000 articles): the ranks come from one
    # scan bounded by the window's rowids, kept and looked up.
    assert 'rowid = "articles_article"."id"' not in sql
    assert "WITH ranks AS MATERIALIZED" in sql
    assert sql.count("MATCH") == 2
    assert sql.count("rowid BETWEEN") == 2
    assert [a.title for a in search_articles("pipeline summit")] == ["Pipeline summit"]
