"""Tags and author names in the search document (issue 11), kept current on
every write path, and the bounded candidate set of a common word."""

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Author, Byline
from articles.search import ranked_matches, search_articles
from articles.search_index import FTS_TABLE
from tests.factories import (
    make_article,
    make_author,
    make_tagged_article_before,
    migrate_to_latest,
)

pytestmark = pytest.mark.django_db


def found(query):
    return list(search_articles(query))


def test_tag_names_are_searched(section):
    tagged = make_article(title="Alliance head to visit Moscow", tags=["NATO"])
    named = make_article(title="NATO summit opens")
    make_article(title="Unrelated story", tags=["Budget"])

    assert found("nato") == [named, tagged]


def test_author_names_are_searched(section):
    ivanova = make_author(name="Maria Ivanova")
    bylined = make_article(title="Gas talks resume", authors=[ivanova])
    make_article(title="Gas prices fall")

    assert found("ivanova") == [bylined]
    assert found("maria gas") == [bylined]


def test_search_page_finds_what_the_tag_page_lists(client, section):
    articles = [make_article(title=f"Story {i}", tags=["NATO"]) for i in range(3)]
    make_article(title="NATO head speaks")

    response = client.get("/search/", {"q": "nato"})

    soup = BeautifulSoup(response.content, "html.parser")
    titles = {h.get_text() for h in soup.select(".search-result__title")}
    assert {a.title for a in articles} < titles


def test_renamed_tag_is_found_under_its_new_name(section):
    article = make_article(title="Border crossing reopens", tags=["Schengen"])
    tag = Tag.objects.get(name="Schengen")

    tag.name = "Eurozone"
    tag.save()

    assert found("schengen") == []
    assert found("eurozone") == [article]
    Tag.objects.filter(pk=tag.pk).update(name="Visegrad")
    assert found("eurozone") == []
    assert found("visegrad") == [article]


def test_added_and_removed_tags_follow(section):
    article = make_article(title="Harvest report")

    article.tags.add("Wheat")
    assert found("wheat") == [article]
    article.tags.set(["Barley"])
    assert found("wheat") == []
    assert found("barley") == [article]
    article.tags.clear()
    assert found("barley") == []


def test_bulk_tagging_is_indexed(section):
    articles = [make_article(title=f"Grain {i}") for i in range(3)]
    tag = Tag.objects.create(name="Sorghum", slug="sorghum")
    article_type = ContentType.objects.get_for_model(Article)

    TaggedItem.objects.bulk_create(
        TaggedItem(tag=tag, content_type=article_type, object_id=a.pk) for a in articles
    )

    assert set(found("sorghum")) == set(articles)
    TaggedItem.objects.filter(tag=tag).delete()
    assert found("sorghum") == []


def test_changed_byline_is_found_afterwards(section):
    first, second = make_author(name="Olga Petrova"), make_author(name="Ivan Sidorov")
    article = make_article(title="Court ruling", authors=[first])

    Byline.objects.filter(article=article).update(author=second)
    assert found("petrova") == []
    assert found("sidorov") == [article]

    Byline.objects.create(article=article, author=first, position=1)
    assert found("petrova sidorov") == [article]
    Byline.objects.filter(article=article, author=second).delete()
    assert found("sidorov") == []


def test_renamed_author_is_found_under_the_new_name(section):
    author = make_author(name="Anna Smirnova")
    article = make_article(title="Satellite launch", authors=[author])

    author.name = "Anna Kuznetsova"
    author.save()

    assert found("smirnova") == []
    assert found("kuznetsova") == [article]
    Author.objects.filter(pk=author.pk).update(name="Anna Volkova")
    assert found("volkova") == [article]


def test_deleting_a_tagged_bylined_article_leaves_the_index_sound(section):
    author = make_author(name="Pavel Orlov")
    doomed = make_article(title="Missile test", tags=["Defence"], authors=[author])
    kept = make_article(title="Missile treaty", tags=["Defence"], authors=[author])

    doomed.delete()

    assert found("missile") == [kept]
    assert found("defence orlov") == [kept]
    Tag.objects.filter(name="Defence").delete()
    assert found("defence") == []
    assert found("orlov") == [kept]


def test_title_match_ranks_above_tag_and_author_matches(section):
    author = make_author(name="Elena Harbour")
    by_author = make_article(title="Port news", authors=[author])
    by_tag = make_article(title="Shipping news", tags=["Harbour"])
    by_title = make_article(
        title="Harbour closed", published_at=timezone.now() - timedelta(days=9)
    )

    assert found("harbour") == [by_title, by_tag, by_author]


def lose_search_document(article):
    """Make the index forget `article`'s names, as a broken index would."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE articles_article SET search_document = NULL WHERE id = %s",
                [article.pk],
            )
        else:
            cursor.execute(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')"
            )


def test_rebuild_search_index_restores_tags_and_authors(section):
    author = make_author(name="Igor Belov")
    article = make_article(title="Budget vote", tags=["Duma"], authors=[author])
    lose_search_document(article)
    assert found("duma") == []

    call_command("rebuild_search_index", stdout=io.StringIO())

    assert found("duma") == [article]
    assert found("belov") == [article]


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text() for h in soup.select(".search-result__title")]


def test_search_looks_through_the_newest_articles_only(client, section, settings):
    settings.SEARCH_WINDOW = 3
    now = timezone.now()
    old_title_match = make_article(
        title="Pipeline", published_at=now - timedelta(days=9)
    )
    newer = [
        make_article(
            title=f"News {i}",
            lead="The pipeline was mentioned." if i != 2 else "Nothing.",
            published_at=now - timedelta(days=i),
        )
        for i in range(1, 5)
    ]

    assert ranked_matches("pipeline") == (
        [newer[0].pk, newer[2].pk],
        newer[3].published_at,
    )
    response = client.get("/search/", {"q": "pipeline"})
    assert result_titles(response) == [newer[0].title, newer[2].title]
    text = " ".join(response.content.decode().split())
    assert "Only the newest 3 articles were searched" in text
    earlier = client.get(
        "/search/",
        # The form's dates are the site's local days (Moscow): near midnight
        # the UTC date is another day.
        {"q": "pipeline", "date_to": timezone.localdate(now - timedelta(days=4))},
    )
    assert result_titles(earlier) == [old_title_match.title, newer[3].title]


def test_a_window_holding_every_article_says_nothing_of_it(client, section, settings):
    settings.SEARCH_WINDOW = 3
    for i in range(3):
        make_article(title=f"Tanker {i}")

    response = client.get("/search/", {"q": "tanker"})

    assert len(result_titles(response)) == 3
    assert "were searched" not in response.content.decode()


def test_no_match_in_a_full_window_says_where_to_look(client, section, settings):
    settings.SEARCH_WINDOW = 2
    make_article(title="Zeppelin", published_at=timezone.now() - timedelta(days=5))
    make_article(title="News 1")
    make_article(title="News 2")

    response = client.get("/search/", {"q": "zeppelin"})

    text = " ".join(response.content.decode().split())
    assert "No articles match “zeppelin”." in text
    assert "Only the newest 2 articles were searched" in text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_indexes_the_names_of_an_existing_archive():
    article, _ = make_tagged_article_before(
        "0041_russian_search_index",
        tag="Kosovo",
        published_at=timezone.now() - timedelta(days=1),
    )

    migrate_to_latest()

    assert [a.pk for a in search_articles("kosovo")] == [article]
    assert [a.pk for a in search_articles("old story")] == [article]


@pytest.mark.parametrize("n_articles", [1, 4])
def test_search_without_matches_costs_no_more_queries(
    client, section, settings, n_articles, django_assert_num_queries
):
    settings.SEARCH_WINDOW = 2
    for i in range(n_articles):
        make_article(title=f"Airship {i}")

    # section choices, matches with the window's end; cold, the banner, the
    # menu, the newsfeed and the edition's next time boundary. Warm, the
    # results and the section choices are cached blocks.
    with django_assert_num_queries(8):
        client.get("/search/", {"q": "zeppelin"})
    with django_assert_num_queries(0):
        response = client.get("/search/", {"q": "zeppelin"})
    assert ("were searched" in response.content.decode()) is (n_articles > 2)
