"""WebSocket rooms through the project's ASGI application (origin check,
session authentication, routing), on the in-memory channel layer."""

from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from chats.models import ChatMessage
from newsroom.asgi import application
from participation.models import Restriction
from tests.chats.conftest import socket_headers
from tests.factories import make_article

# Sockets reach the database from other threads: rows must be committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TIMEOUT = 3


def path_of(article):
    return f"/ws/chats/article/{article.pk}/"


def communicator(path, user=None):
    return WebsocketCommunicator(application, path, headers=socket_headers(user))


async def open_all(*communicators):
    for each in communicators:
        connected, _ = await each.connect(timeout=TIMEOUT)
        assert connected is True


async def close_all(*communicators):
    for each in communicators:
        await each.disconnect()


def test_message_reaches_every_client_in_the_room(article, reader, other_reader):
    anna = communicator(path_of(article), reader)
    boris = communicator(path_of(article), other_reader)

    async def scenario():
        await open_all(anna, boris)
        await anna.send_json_to({"text": "Hello, room"})
        received = await boris.receive_json_from(timeout=TIMEOUT)
        echoed = await anna.receive_json_from(timeout=TIMEOUT)
        await close_all(anna, boris)
        return received, echoed

    received, echoed = async_to_sync(scenario)()

    message = ChatMessage.objects.get()
    assert (message.article, message.user, message.text) == (
        article,
        reader,
        "Hello, room",
    )
    assert received == echoed
    assert received["type"] == "message"
    assert received["id"] == message.pk
    assert received["author"] == str(reader)
    assert received["html"] == "<p>Hello, room</p>"


def test_other_rooms_hear_nothing(article, reader, other_reader):
    other_article = make_article(comments_mode="open")
    speaker = communicator(path_of(article), reader)
    elsewhere = communicator(path_of(other_article), other_reader)

    async def scenario():
        await open_all(speaker, elsewhere)
        await speaker.send_json_to({"text": "Only here"})
        await speaker.receive_json_from(timeout=TIMEOUT)
        silent = await elsewhere.receive_nothing(timeout=0.3)
        await close_all(speaker, elsewhere)
        return silent

    assert async_to_sync(scenario)() is True


def test_anonymous_socket_reads_but_cannot_send(article, reader):
    anonymous = communicator(path_of(article))
    member = communicator(path_of(article), reader)

    async def scenario():
        await open_all(anonymous, member)
        await anonymous.send_json_to({"text": "Let me in"})
        refusal = await anonymous.receive_json_from(timeout=TIMEOUT)
        await member.send_json_to({"text": "Members only"})
        heard = await anonymous.receive_json_from(timeout=TIMEOUT)
        await close_all(anonymous, member)
        return refusal, heard

    refusal, heard = async_to_sync(scenario)()

    assert refusal == {"type": "error", "message": "To take part, log in or register."}
    assert heard["html"] == "<p>Members only</p>"
    assert list(ChatMessage.objects.values_list("text", flat=True)) == ["Members only"]


def test_blocked_user_is_told_until_when(article, reader):
    until = timezone.now() + timedelta(minutes=30)
    Restriction.objects.create(
        scope="chats", user=reader, until=until, reason="Flooding"
    )
    socket = communicator(path_of(article), reader)

    async def scenario():
        await open_all(socket)
        await socket.send_json_to({"text": "Can I?"})
        reply = await socket.receive_json_from(timeout=TIMEOUT)
        await close_all(socket)
        return reply

    reply = async_to_sync(scenario)()

    assert reply["type"] == "error"
    assert reply["message"].startswith("Access to the chat is blocked until ")
    assert reply["message"].endswith(f"{timezone.localtime(until):%H:%M}.")
    assert ChatMessage.objects.exists() is False


def test_expired_block_lets_the_user_talk_again(article, reader):
    Restriction.objects.create(
        scope="chats", user=reader, until=timezone.now() - timedelta(minutes=1)
    )
    socket = communicator(path_of(article), reader)

    async def scenario():
        await open_all(socket)
        await socket.send_json_to({"text": "Back"})
        reply = await socket.receive_json_from(timeout=TIMEOUT)
        await close_all(socket)
        return reply

    assert async_to_sync(scenario)()["type"] == "message"


def test_rate_limit_refuses_the_message_past_the_limit(article, reader, settings):
    settings.CHATS_RATE = (2, 60)
    socket = communicator(path_of(article), reader)

    async def scenario():
        await open_all(socket)
        replies = []
        for text in ["one", "two", "three"]:
            await socket.send_json_to({"text": text})
            replies.append(await socket.receive_json_from(timeout=TIMEOUT))
        await close_all(socket)
        return replies

    replies = async_to_sync(scenario)()

    assert [reply["type"] for reply in replies] == ["message", "message", "error"]
    assert "too fast" in replies[2]["message"]
    assert ChatMessage.objects.count() == 2


def test_message_longer_than_the_limit_is_refused(article, reader, settings):
    settings.CHATS_MAX_LENGTH = 10
    socket = communicator(path_of(article), reader)

    async def scenario():
        await open_all(socket)
        await socket.send_json_to({"text": "x" * 11})
        too_long = await socket.receive_json_from(timeout=TIMEOUT)
        await socket.send_json_to({"text": "x" * 10})
        fits = await socket.receive_json_from(timeout=TIMEOUT)
        await close_all(socket)
        return too_long, fits

    too_long, fits = async_to_sync(scenario)()

    assert too_long == {
        "type": "error",
        "message": "A message can be at most 10 characters; this one has 11.",
    }
    assert fits["type"] == "message"


def test_markup_arrives_as_text_and_links_are_nofollow(article, reader, other_reader):
    speaker = communicator(path_of(article), reader)
    listener = communicator(path_of(article), other_reader)

    async def scenario():
        await open_all(speaker, listener)
        await speaker.send_json_to(
            {"text": "<script>alert(1)</script> <b>hi</b> see https://example.com/x"}
        )
        received = await listener.receive_json_from(timeout=TIMEOUT)
        await close_all(speaker, listener)
        return received

    html = async_to_sync(scenario)()["html"]

    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;hi&lt;/b&gt;" in html
    assert 'rel="nofollow ugc"' in html


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "draft"},
        {"published_at": timezone.now() + timedelta(days=1)},  # scheduled
    ],
)
def test_unpublished_article_has_no_room(fields):
    article = make_article(**fields)
    socket = communicator(path_of(article))

    async def scenario():
        return await socket.connect(timeout=TIMEOUT)

    connected, code = async_to_sync(scenario)()

    assert connected is False
    assert code == 4404


def test_room_closed_with_the_discussion_refuses_posts(reader):
    article = make_article(comments_mode="closed")
    socket = communicator(path_of(article), reader)

    async def scenario():
        await open_all(socket)
        await socket.send_json_to({"text": "Anyone?"})
        reply = await socket.receive_json_from(timeout=TIMEOUT)
        await close_all(socket)
        return reply

    assert async_to_sync(scenario)() == {
        "type": "error",
        "message": "This chat is closed.",
    }
    assert ChatMessage.objects.exists() is False


def test_socket_from_another_site_is_refused(article):
    socket = WebsocketCommunicator(
        application, path_of(article), headers=[(b"origin", b"https://evil.example")]
    )

    async def scenario():
        return await socket.connect(timeout=TIMEOUT)

    connected, _ = async_to_sync(scenario)()

    assert connected is False


def test_section_room_delivers_messages(section, reader, other_reader):
    path = f"/ws/chats/section/{section.pk}/"
    speaker, listener = communicator(path, reader), communicator(path, other_reader)

    async def scenario():
        await open_all(speaker, listener)
        await speaker.send_json_to({"text": "Section talk"})
        received = await listener.receive_json_from(timeout=TIMEOUT)
        await close_all(speaker, listener)
        return received

    assert async_to_sync(scenario)()["html"] == "<p>Section talk</p>"
    assert ChatMessage.objects.get().section == section
