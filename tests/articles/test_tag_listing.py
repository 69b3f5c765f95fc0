"""Tag listings (TagListing) follow every write to tags and articles."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Section, TagListing
from desk.services import save_article
from tests.factories import (
    make_article,
    make_staff,
    make_tagged_article_before,
    migrate_to_latest,
)

pytestmark = pytest.mark.django_db


def listed(client, slug="gas"):
    soup = BeautifulSoup(client.get(f"/tags/{slug}/").content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".card__title a")]


def test_tag_page_follows_tags_added_and_removed(client, section):
    old = make_article(title="Old", published_at=timezone.now() - timedelta(days=2))
    new = make_article(title="New", tags=["gas"])

    old.tags.add("gas")
    assert listed(client) == ["New", "Old"]
    new.tags.set(["oil"])
    assert listed(client) == ["Old"]
    old.tags.clear()
    assert listed(client) == []


def test_tag_page_follows_publication_by_any_write_path(client, section):
    article = make_article(title="Pipeline", tags=["gas"])

    save_article(article=article, by=make_staff(groups=["Editors"]), move="unpublish")
    assert listed(client) == []
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
    assert listed(client) == ["Pipeline"]
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() + timedelta(hours=1)
    )
    assert listed(client) == []
    article.refresh_from_db()
    article.published_at = timezone.now() - timedelta(minutes=1)
    article.expires_at = timezone.now() - timedelta(seconds=1)
    article.save()
    assert listed(client) == []
    Article.objects.filter(pk=article.pk).update(
        expires_at=None, embargo_until=timezone.now() + timedelta(hours=1)
    )
    assert listed(client) == []
    Article.objects.filter(pk=article.pk).update(embargo_until=None)
    assert listed(client) == ["Pipeline"]


def test_tag_page_follows_the_edition(client, section):
    article = make_article(title="Pipeline", tags=["gas"])
    russian = Section.objects.create(name="Экономика", slug="ekonomika", language="ru")

    Article.objects.filter(pk=article.pk).update(language="ru", section=russian)

    assert listed(client) == []
    assert [a.article_id for a in TagListing.objects.in_edition("ru")] == [article.pk]


def test_bulk_tagging_and_deleting_are_listed(client, section):
    articles = [make_article(title=f"Story {i}") for i in range(3)]
    tag = Tag.objects.create(name="gas", slug="gas")
    article_type = ContentType.objects.get_for_model(Article)

    TaggedItem.objects.bulk_create(
        TaggedItem(tag=tag, content_type=article_type, object_id=a.pk) for a in articles
    )
    assert listed(client) == ["Story 0", "Story 1", "Story 2"]
    articles[1].delete()
    assert listed(client) == ["Story 0", "Story 2"]
    moved = make_article(title="Moved")
    TaggedItem.objects.filter(object_id=articles[0].pk).update(object_id=moved.pk)
    assert listed(client) == ["Story 2", "Moved"]
    tag.delete()
    assert TagListing.objects.count() == 0


def test_tags_of_other_models_are_not_listed(section):
    tag = Tag.objects.create(name="gas", slug="gas")
    article = make_article(title="Pipeline")

    TaggedItem.objects.create(
        tag=tag,
        content_type=ContentType.objects.get_for_model(Section),
        object_id=article.pk,
    )

    assert TagListing.objects.count() == 0


def test_tag_feed_lists_the_newest_tagged(client, section):
    now = timezone.now()
    make_article(title="Older", tags=["gas"], published_at=now - timedelta(days=1))
    make_article(title="Newer", tags=["gas"], published_at=now - timedelta(hours=1))
    make_article(title="Untagged")

    response = client.get("/feeds/tags/gas/rss/")

    soup = BeautifulSoup(response.content, "xml")
    assert [t.get_text() for t in soup.select("item > title")] == ["Newer", "Older"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite table rebuilds")
def test_listing_triggers_come_back_after_a_table_rebuild_drops_them(client, section):
    from articles.tag_listing import SQLITE_TRIGGERS, ensure_triggers

    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    make_article(title="Missed", tags=["gas"])
    assert listed(client) == []

    ensure_triggers(using="default")

    assert listed(client) == ["Missed"]
    make_article(title="Later", tags=["gas"])
    assert listed(client) == ["Missed", "Later"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_lists_the_articles_tagged_before_it():
    article, tag = make_tagged_article_before(
        "0044_covering_listing_indexes",
        tag="gas",
        published_at=timezone.now() - timedelta(days=1),
    )

    migrate_to_latest()

    listing = TagListing.objects.filter(tag_id=tag).published().in_edition("en")
    assert list(listing.article_ids()) == [article]
