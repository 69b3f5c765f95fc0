"""Issue 10: section rooms per edition; a stored message never answers 500."""

import pytest

from chats import services
from chats.models import ChatMessage
from chats.rooms import room_for
from tests.factories import make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def sport_in_both_editions():
    return make_section(slug="sport", language="en"), make_section(
        slug="sport", language="ru", name="Спорт"
    )


def test_each_editions_section_room_opens_under_its_own_prefix(
    client, sport_in_both_editions
):
    english, russian = sport_in_both_editions

    en = client.get("/chats/sections/sport/")
    ru = client.get("/ru/chats/sections/sport/")

    assert en.status_code == ru.status_code == 200
    assert en.context["section"] == english
    assert ru.context["section"] == russian


def test_a_section_room_posts_into_its_own_edition(
    client, reader, sport_in_both_editions
):
    english, russian = sport_in_both_editions
    client.force_login(reader)

    response = client.post("/ru/chats/sections/sport/post/", {"text": "Привет"})

    assert response.status_code == 302
    assert response["Location"] == "/ru/chats/sections/sport/#chat"
    assert ChatMessage.objects.get().section == russian


def test_a_section_has_no_room_under_another_editions_prefix(client):
    make_section(slug="hockey", language="ru")

    assert client.get("/chats/sections/hockey/").status_code == 404


def test_room_links_use_the_sections_edition(sport_in_both_editions):
    _english, russian = sport_in_both_editions

    assert room_for(russian).page_url == "/ru/chats/sections/sport/#chat"


class BrokenLayer:
    async def group_send(self, group, message):
        raise ConnectionError("Redis is down")


def test_a_stored_message_is_answered_even_when_broadcasting_fails(
    client, reader, article, monkeypatch, caplog
):
    monkeypatch.setattr(services, "get_channel_layer", lambda: BrokenLayer())
    client.force_login(reader)

    response = client.post(f"/chats/articles/{article.pk}/post/", {"text": "Hi"})

    assert response.status_code == 302
    assert ChatMessage.objects.get().text == "Hi"
    assert "not broadcast" in caplog.text


def test_chat_text_is_cleaned_like_comments(reader, article):
    message = services.post_message(
        room=room_for(article), user=reader, text="a\u202eb\u200bc\x07"
    )

    assert message.text == "abc"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_socket_is_closed_cleanly_when_the_channel_layer_is_down(settings):
    from asgiref.sync import async_to_sync
    from channels.testing import WebsocketCommunicator

    from newsroom.asgi import application
    from tests.chats.conftest import socket_headers
    from tests.factories import make_article
    from tests.faults.servers import free_port

    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [
                    {
                        "address": f"redis://127.0.0.1:{free_port()}/0",
                        "socket_connect_timeout": 0.2,
                        "socket_timeout": 0.2,
                    }
                ]
            },
        }
    }
    article = make_article(comments_mode="open")
    socket = WebsocketCommunicator(
        application, f"/ws/chats/article/{article.pk}/", headers=socket_headers()
    )

    connected, code = async_to_sync(socket.connect)(timeout=5)

    assert (connected, code) == (False, 4503)
