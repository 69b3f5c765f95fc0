import logging
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from . import services
from .rooms import find_room

logger = logging.getLogger(__name__)

# Close codes in the 4000 range are the application's own.
CLOSE_NOT_FOUND = 4404
CLOSE_UNAVAILABLE = 4503


class ChatConsumer(AsyncJsonWebsocketConsumer):
    """One reader's socket in a room: receives everything said there and, for
    a logged-in reader, sends messages through the same checks as the form."""

    async def connect(self):
        kwargs = self.scope["url_route"]["kwargs"]
        self.kind, self.target_pk = kwargs["kind"], kwargs["pk"]
        room = await database_sync_to_async(find_room)(self.kind, self.target_pk)
        if room is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        try:
            await self.channel_layer.group_add(room.group_name, self.channel_name)
        except Exception as error:  # the channel layer (Redis) is down or slow
            logger.warning("Chat socket refused, no channel layer: %s", error)
            # The page keeps its plain form, which works without the layer.
            await self.close(code=CLOSE_UNAVAILABLE)
            return
        self.group_name = room.group_name
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group_name", None):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive_json(self, content, **kwargs):
        text = content.get("text") if isinstance(content, dict) else None
        if not isinstance(text, str):
            return
        with translation.override(self.language()):
            error = await database_sync_to_async(self.post)(text)
        if error:
            await self.send_json({"type": "error", "message": error})

    def post(self, text):
        """Post through the service (it broadcasts); the error text, if any."""
        # The room is read again: the article may have been unpublished or its
        # discussion closed since the socket opened.
        room = find_room(self.kind, self.target_pk)
        if room is None:
            return str(translation.gettext("This chat is closed."))
        try:
            services.post_message(room=room, user=self.scope["user"], text=text)
        except (PermissionDenied, ValidationError) as error:
            return error.messages[0] if hasattr(error, "messages") else str(error)
        return ""

    async def chat_event(self, event):
        await self.send_json(event["event"])

    def language(self):
        query = parse_qs(self.scope.get("query_string", b"").decode())
        lang = query.get("lang", [""])[0]
        return lang if lang in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
