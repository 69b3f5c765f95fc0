"""A live story's sockets through the project's ASGI application: new,
edited and deleted posts reach open pages; closing ends the sockets; an
article the public may not read has no socket."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from live import services
from newsroom.asgi import application
from tests.chats.conftest import ORIGIN
from tests.factories import make_article
from tests.live.conftest import NOT_PUBLIC, post

# Sockets reach the database from other threads: rows must be committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TIMEOUT = 3


def socket(story_pk):
    return WebsocketCommunicator(
        application, f"/ws/live/{story_pk}/", headers=list(ORIGIN)
    )


def test_new_edited_and_deleted_posts_reach_open_pages(story):
    reader = socket(story.pk)

    async def scenario():
        connected, _ = await reader.connect(timeout=TIMEOUT)
        assert connected is True
        made = await database_sync_to_async(post)(story, "Talks begin.")
        pk = made.pk
        new = await reader.receive_json_from(timeout=TIMEOUT)
        await database_sync_to_async(services.edit_post)(post=made, body="Talks on.")
        edited = await reader.receive_json_from(timeout=TIMEOUT)
        await database_sync_to_async(services.delete_post)(post=made)
        deleted = await reader.receive_json_from(timeout=TIMEOUT)
        await reader.disconnect()
        return pk, new, edited, deleted

    pk, new, edited, deleted = async_to_sync(scenario)()

    assert new["type"] == "post" and new["id"] == pk
    assert f'id="post-{pk}"' in new["html"] and "Talks begin." in new["html"]
    assert edited["type"] == "edited" and "Talks on." in edited["html"]
    assert deleted == {"type": "deleted", "id": pk}


def test_readers_cannot_post_through_the_socket(story):
    reader = socket(story.pk)

    async def scenario():
        await reader.connect(timeout=TIMEOUT)
        await reader.send_json_to({"body": "Let me write"})
        silent = await reader.receive_nothing(timeout=0.3)
        await reader.disconnect()
        return silent

    assert async_to_sync(scenario)() is True
    assert story.posts.exists() is False


def test_closing_tells_open_pages_and_ends_the_socket(story):
    reader = socket(story.pk)

    async def scenario():
        await reader.connect(timeout=TIMEOUT)
        await database_sync_to_async(services.close_story)(story=story)
        event = await reader.receive_json_from(timeout=TIMEOUT)
        closed = await reader.receive_output(timeout=TIMEOUT)
        return event, closed

    event, closed = async_to_sync(scenario)()

    assert event == {"type": "closed"}
    assert closed == {"type": "websocket.close", "code": 4410}


def test_closed_story_refuses_new_sockets(story):
    services.close_story(story=story)
    reader = socket(story.pk)

    connected, code = async_to_sync(reader.connect)(timeout=TIMEOUT)

    assert connected is False
    assert code == 4410


@NOT_PUBLIC
def test_unpublished_story_refuses_sockets(db, overrides):
    story = services.start_live_story(article=make_article(**overrides))
    reader = socket(story.pk)

    connected, code = async_to_sync(reader.connect)(timeout=TIMEOUT)

    assert connected is False
    assert code == 4404


def test_no_socket_for_an_article_that_is_not_live(db):
    reader = socket(make_article().pk)

    connected, code = async_to_sync(reader.connect)(timeout=TIMEOUT)

    assert connected is False
    assert code == 4404
