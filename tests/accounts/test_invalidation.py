"""A reader's name shows beside their comments and chat messages: renaming
or deleting the account bumps exactly the discussions and rooms they are
in; logging in bumps nothing."""

import pytest
from django.urls import reverse

from articles import cachekeys
from chats.models import ChatMessage
from comments.models import Comment
from tests.factories import make_article
from tests.invalidation import Reader, logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussed(reader):
    """Two articles the reader commented on, once in a chat, and one not."""
    articles = [make_article(comments_mode="open") for _ in range(3)]
    for article in articles[:2]:
        Comment.objects.create(article=article, author=reader, body="My view")
    ChatMessage.objects.create(article=articles[0], user=reader, text="Hi all")
    return articles


def test_renaming_shows_the_new_name_in_discussions_and_chats(
    reader, discussed, bumped
):
    anonymous = Reader()
    url = discussed[0].get_absolute_url()
    anonymous.warm([url])

    logged_in(reader).post(reverse("accounts:profile"), {"display_name": "Ivan"})

    assert sorted(bumped) == sorted(
        [
            cachekeys.chat("article", discussed[0].pk),
            cachekeys.comments(discussed[0].pk),
            cachekeys.comments(discussed[1].pk),
        ]
    )
    page = anonymous.text(url)
    assert page.count("Ivan") == 2


def test_deleting_the_account_shows_a_deleted_user_at_once(reader, discussed):
    anonymous = Reader()
    url = discussed[1].get_absolute_url()
    anonymous.warm([url])

    logged_in(reader).post(
        reverse("accounts:delete"), {"password": "a-long-test-password"}
    )

    assert "Deleted user" in anonymous.text(url)


def test_logging_in_bumps_nothing(client, reader, discussed, bumped):
    client.post(
        reverse("accounts:login"),
        {"username": reader.email, "password": "a-long-test-password"},
    )

    assert client.session.get("_auth_user_id") == str(reader.pk)
    assert bumped == []
