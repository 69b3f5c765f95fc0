import io
from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles import cachekeys
from articles.models import Article
from articles.search import highlight, search_articles
from newsroom import freshness
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text() for h in soup.select(".search-result__title")]


def test_title_match_ranks_above_lead_and_body_matches(client, section):
    body_only = make_article(
        title="Budget talks resume",
        lead="Ministers met again.",
        body="<p>The pipeline was also mentioned.</p>",
        published_at=timezone.now() - timedelta(minutes=1),
    )
    title = make_article(
        title="Pipeline deal signed",
        lead="Two countries agree.",
        published_at=timezone.now() - timedelta(days=3),
    )
    lead = make_article(
        title="Gas prices",
        lead="A pipeline dispute raises prices.",
        published_at=timezone.now() - timedelta(days=2),
    )
    make_article(title="Unrelated story", lead="Nothing to see.")

    assert list(search_articles("pipeline")) == [title, lead, body_only]
    response = client.get("/search/", {"q": "pipeline"})
    assert response.status_code == 200
    assert result_titles(response) == [title.title, lead.title, body_only.title]


def test_every_word_must_match(section):
    both = make_article(title="NATO and Russia resume ties")
    make_article(title="NATO summit")

    assert list(search_articles("nato russia")) == [both]


def test_drafts_and_scheduled_articles_are_never_found(client, section):
    visible = make_article(title="Visible zeppelin")
    make_article(title="Draft zeppelin", status=Article.Status.DRAFT, published_at=None)
    make_article(
        title="Scheduled zeppelin", published_at=timezone.now() + timedelta(hours=1)
    )

    assert list(search_articles("zeppelin")) == [visible]
    assert result_titles(client.get("/search/", {"q": "zeppelin"})) == [visible.title]


def test_index_follows_edits_and_deletions(section):
    article = make_article(title="Original walrus headline")

    article.title = "Rewritten narwhal headline"
    article.save()

    assert list(search_articles("walrus")) == []
    assert list(search_articles("narwhal")) == [article]
    Article.objects.filter(pk=article.pk).update(lead="Now about a platypus.")
    assert list(search_articles("platypus")) == [article]
    article.delete()
    assert list(search_articles("narwhal")) == []


def test_filters_by_section(client):
    world, science = make_section(slug="world"), make_section(slug="science")
    in_world = make_article(section=world, title="Comet over Europe")
    make_article(section=science, title="Comet study")

    response = client.get("/search/", {"q": "comet", "section": "world"})

    assert result_titles(response) == [in_world.title]


def test_filters_by_date_range_in_local_days(client, section):
    def at(day, hour):
        return datetime(2009, 1, day, hour, 0, tzinfo=timezone.get_current_timezone())

    make_article(title="Storm early", published_at=at(24, 23))
    first = make_article(title="Storm first", published_at=at(25, 0))
    last = make_article(title="Storm last", published_at=at(26, 23))
    make_article(title="Storm late", published_at=at(27, 0))

    response = client.get(
        "/search/", {"q": "storm", "date_from": "2009-01-25", "date_to": "2009-01-26"}
    )

    assert sorted(result_titles(response)) == [first.title, last.title]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "2009-02-30"}, "Enter a valid date."),
        ({"date_to": "yesterday"}, "Enter a valid date."),
        ({"date_from": "0001-01-01"}, "Enter a date between 1900 and 2999."),
        ({"date_to": "9999-12-31"}, "Enter a date between 1900 and 2999."),
        ({"date_from": "2009-02-01", "date_to": "2009-01-01"}, "after the “to” date"),
        ({"section": "no-such-section"}, "Select a valid choice."),
    ],
)
def test_bad_filters_give_a_clear_message(client, section, params, message):
    make_article(title="Storm warning")

    response = client.get("/search/", {"q": "storm", **params})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert result_titles(response) == []


def test_matches_are_highlighted_in_title_and_lead(client, section):
    make_article(title="Gas talks <b>go</b> on", lead="The gas dispute & its talks.")

    response = client.get("/search/", {"q": "gas talks"})

    soup = BeautifulSoup(response.content, "html.parser")
    title = soup.select_one(".search-result__title a")
    assert [m.get_text() for m in title.find_all("mark")] == ["Gas", "talks"]
    assert title.find("b") is None
    assert "<b>go</b>" in title.get_text()
    lead = soup.select_one(".search-result__lead")
    assert [m.get_text() for m in lead.find_all("mark")] == ["gas", "talks"]


def test_highlight_escapes_before_marking():
    html = highlight('<script>alert("amp")</script> & amp', ["amp", "script"])

    assert html == (
        "&lt;<mark>script</mark>&gt;alert(&quot;<mark>amp</mark>&quot;)"
        "&lt;/<mark>script</mark>&gt; &amp; <mark>amp</mark>"
    )


HOSTILE_QUERIES = [
    '"',
    '"unbalanced',
    "' OR 1=1 --",
    "'; DROP TABLE articles_article; --",
    "nato AND OR NOT",
    "NEAR(nato ivanov, 2)",
    "nat*",
    "^nato",
    "title:nato",
    "-nato",
    "(nato",
    "nato)",
    "{title lead}: nato",
    "a" * 1000,
    "nato " * 200,
    "🚀 nato 🇷🇺",
    "🚀",
    "%_\\",
    "\x00nato",
    "   ",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_query_text_is_safe(client, section, query):
    make_article(title="NATO head, Ivanov to discuss resuming ties")

    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "query", ["'; DROP TABLE articles_article; --", "🚀 nato 🇷🇺", "nato*", "(nato"]
)
def test_operator_characters_are_read_as_words(section, query):
    article = make_article(title="NATO head, Ivanov to discuss resuming ties")

    found = list(search_articles(query))

    assert found == ([] if "DROP" in query else [article])


def test_empty_query_shows_the_form_without_results(client, section):
    make_article(title="Anything")

    for params in [{}, {"q": ""}, {"q": "  "}]:
        response = client.get("/search/", params)
        soup = BeautifulSoup(response.content, "html.parser")
        assert response.status_code == 200
        assert soup.select_one("form.search-form input[name=q]") is not None
        assert soup.select(".search-result") == []
        assert soup.select(".form__error") == []


def test_results_are_paginated_and_pages_keep_the_query(client, section, settings):
    settings.ARTICLES_PER_PAGE = 2
    for i in range(5):
        make_article(section=section, title=f"Harbour news {i}")

    response = client.get("/search/", {"q": "harbour", "section": section.slug})

    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".search-result")) == 2
    next_href = soup.select_one("a[rel=next]")["href"]
    assert next_href == f"?q=harbour&section={section.slug}&page=2"
    page_3 = client.get("/search/" + next_href.replace("page=2", "page=3"))
    assert len(result_titles(page_3)) == 1
    assert client.get("/search/", {"q": "harbour", "page": "x"}).status_code == 200


def test_masthead_has_a_labelled_search_box(client, section):
    soup = BeautifulSoup(client.get("/").content, "html.parser")

    form = soup.select_one(".masthead form[role=search]")
    assert form["action"] == "/search/"
    assert form["method"] == "get"
    field = form.select_one("input[name=q]")
    assert soup.select_one(f"label[for={field['id']}]").get_text(strip=True)


def test_search_sets_no_cookie(client, section):
    make_article(title="Cookie test")

    assert client.get("/search/", {"q": "cookie"}).cookies == {}


@pytest.mark.parametrize("n_matches", [1, 30])
def test_search_query_count_is_flat(
    client, section, n_matches, django_assert_num_queries
):
    for i in range(n_matches):
        make_article(section=section, title=f"Volcano {i}", tags=[f"tag-{i}"])

    # section choices, ranked matches, the page's articles with their
    # section (a result shows no bylines: one query less than a card list);
    # cold, the banner, the menu, the newsfeed and the edition's next time
    # boundary. Warm, the results and the section choices are cached blocks.
    with django_assert_num_queries(9):
        client.get("/search/", {"q": "volcano"})
    with django_assert_num_queries(0):
        response = client.get("/search/", {"q": "volcano"})
    assert response.status_code == 200


def test_rebuild_search_index_restores_a_lost_index(section):
    article = make_article(title="Lighthouse keeper")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO articles_article_fts(articles_article_fts) "
                "VALUES ('delete-all')"
            )
        assert list(search_articles("lighthouse")) == []

    call_command("rebuild_search_index", stdout=io.StringIO())

    assert list(search_articles("lighthouse")) == [article]


def test_search_url_cannot_be_a_section_slug():
    from django.core.exceptions import ValidationError

    from articles.models import validate_section_slug

    for slug in ["search", "archive"]:
        with pytest.raises(ValidationError):
            validate_section_slug(slug)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's index")
def test_fts5_triggers_come_back_after_a_table_rebuild_drops_them(section):
    from articles.search_index import FTS5_TRIGGERS, ensure_fts5_triggers

    # Rebuilding articles_article drops the triggers defined on it.
    with connection.cursor() as cursor:
        for name, _, table, _ in FTS5_TRIGGERS:
            if table == "articles_article":
                cursor.execute(f"DROP TRIGGER {name}")
    missed = make_article(title="Orphaned albatross")
    assert list(search_articles("albatross")) == []

    ensure_fts5_triggers(using="default")

    assert list(search_articles("albatross")) == [missed]
    later = make_article(title="Second albatross")
    assert set(search_articles("albatross")) == {missed, later}


def titles_found(client, **params):
    return result_titles(client.get("/search/", params))


def test_search_results_change_with_the_edition_at_once(client, section):
    make_article(section=section, title="Glacier one")
    assert titles_found(client, q="glacier") == ["Glacier one"]

    Article.objects.filter(title="Glacier one").update(status="unpublished")
    # No key of the edition was bumped: the cached results still stand.
    assert titles_found(client, q="glacier") == ["Glacier one"]
    freshness.bump_now([cachekeys.edition("en")])

    assert titles_found(client, q="glacier") == []


def test_search_results_show_a_new_title_once_its_article_is_bumped(client, section):
    article = make_article(section=section, title="Comet sighted")
    assert titles_found(client, q="comet") == ["Comet sighted"]

    Article.objects.filter(pk=article.pk).update(title="Comet sighted again")
    freshness.bump_now([cachekeys.article(article.pk)])

    assert titles_found(client, q="comet") == ["Comet sighted again"]


def test_search_results_are_kept_no_longer_than_search_fresh_seconds(
    client, section, settings, monkeypatch
):
    settings.SEARCH_FRESH_SECONDS = 60
    make_article(section=section, title="Harbour news", body="<p>Nothing.</p>")
    assert titles_found(client, q="harbour") == ["Harbour news"]
    make_article(section=section, title="Quay report", body="<p>A harbour.</p>")
    assert titles_found(client, q="harbour") == ["Harbour news"]

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=61))

    assert sorted(titles_found(client, q="harbour")) == ["Harbour news", "Quay report"]


def test_pagination_links_keep_only_the_search_parameters(client, section, settings):
    settings.ARTICLES_PER_PAGE = 1
    for i in range(2):
        make_article(section=section, title=f"Meteor {i}")

    soup = BeautifulSoup(
        client.get("/search/", {"q": "meteor", "utm_source": "mail"}).content,
        "html.parser",
    )

    assert soup.select_one("a[rel=next]")["href"] == "?q=meteor&page=2"
