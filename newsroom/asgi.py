"""ASGI entry point: HTTP goes to Django (cache hits answered at the front
door, newsroom/pagecache/front.py), WebSockets to the chat rooms
and the live stories."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

# Django must be set up before the consumers (and their models) are imported.
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from chats.routing import websocket_urlpatterns  # noqa: E402
from live.routing import websocket_urlpatterns as live_urlpatterns  # noqa: E402
from newsroom.pagecache.front import ASGIFront  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": ASGIFront(django_application),
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns + live_urlpatterns))
        ),
    }
)
