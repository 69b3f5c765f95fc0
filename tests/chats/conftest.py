import pytest
from django.test import Client

from tests.factories import make_article, make_user

ORIGIN = [(b"origin", b"http://localhost"), (b"host", b"localhost")]


@pytest.fixture(autouse=True)
def _in_memory_channel_layer(settings):
    # Tests never need Redis, even when REDIS_URL is set around them.
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}
    }


@pytest.fixture
def article(db):
    return make_article(comments_mode="open")


@pytest.fixture
def other_reader(db):
    return make_user(email="other@example.com", display_name="Other")


def socket_headers(user=None):
    """Headers for a WebSocket from the site's own pages, logged in as `user`."""
    if user is None:
        return list(ORIGIN)
    client = Client()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    return [*ORIGIN, (b"cookie", cookie)]
