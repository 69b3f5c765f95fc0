"""A chat room's history is part of its page's HTML: the page says it shows
the room (cachekeys.chat), and posting or deleting a message bumps it."""

import pytest
from django.test import TestCase
from django.urls import reverse

from articles import cachekeys
from chats.models import ChatMessage
from newsroom import freshness
from tests.conftest import CommittingClient
from tests.invalidation import Reader

pytestmark = pytest.mark.django_db


def test_article_and_section_pages_say_they_show_their_room(article):
    reader = Reader()
    with freshness.collect() as on_article:
        reader.text(article.get_absolute_url())
    with freshness.collect() as on_section:
        reader.text(reverse("chats:section", args=[article.section.slug]))

    assert cachekeys.chat("article", article.pk) in on_article.keys
    assert cachekeys.chat("section", article.section.pk) in on_section.keys


def test_posting_a_message_bumps_its_room_and_shows_it(article, reader, bumped):
    anonymous = Reader()
    anonymous.warm([article.get_absolute_url()])
    client = CommittingClient()
    client.force_login(reader)

    client.post(
        reverse("chats:article_post", args=[article.pk]), {"text": "Hello, room"}
    )

    assert bumped == [cachekeys.chat("article", article.pk)]
    assert "Hello, room" in anonymous.text(article.get_absolute_url())


def test_deleting_messages_bumps_each_room_once(admin_client, article, reader, bumped):
    messages = [
        ChatMessage.objects.create(article=article, user=reader, text="One"),
        ChatMessage.objects.create(article=article, user=reader, text="Two"),
        ChatMessage.objects.create(section=article.section, user=reader, text="3"),
    ]
    anonymous = Reader()
    anonymous.warm([article.get_absolute_url()])

    admin_client.post(
        reverse("admin:chats_chatmessage_changelist"),
        {"action": "delete_from_room", "_selected_action": [m.pk for m in messages]},
    )

    assert sorted(bumped) == [
        cachekeys.chat("article", article.pk),
        cachekeys.chat("section", article.section.pk),
    ]
    assert "Two" not in anonymous.text(article.get_absolute_url())


def test_a_renamed_author_is_seen_in_the_cached_history(article, reader):
    ChatMessage.objects.create(article=article, user=reader, text="Hello")
    anonymous = Reader()
    anonymous.warm([article.get_absolute_url()])

    user = type(reader).objects.get(pk=reader.pk)  # as a form loads it
    user.display_name = "Renamed Reader"
    with TestCase.captureOnCommitCallbacks(execute=True):
        user.save()

    assert "Renamed Reader" in anonymous.text(article.get_absolute_url())
