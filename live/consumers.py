from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from articles.models import Article
from chats.consumers import CLOSE_NOT_FOUND, CLOSE_UNAVAILABLE

from .models import LiveStory

# The coverage has ended: the page says so and does not reconnect.
CLOSE_ENDED = 4410


def find_story(pk):
    """The live story a socket asks for, if its article is public; else None."""
    return (
        LiveStory.objects.select_related("article")
        .filter(article__in=Article.objects.published(), pk=pk)
        .first()
    )


class LiveConsumer(AsyncJsonWebsocketConsumer):
    """A reader's socket on a live story: it only listens. New, edited and
    deleted posts arrive as events (live/broadcast.py); a closed story ends
    the socket."""

    async def connect(self):
        pk = self.scope["url_route"]["kwargs"]["pk"]
        story = await database_sync_to_async(find_story)(pk)
        if story is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        if story.is_closed:
            await self.close(code=CLOSE_ENDED)
            return
        try:
            await self.channel_layer.group_add(story.group_name, self.channel_name)
        except Exception:  # the channel layer (Redis) is down or slow
            # The page still shows every post on load.
            await self.close(code=CLOSE_UNAVAILABLE)
            return
        self.group_name = story.group_name
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group_name", None):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive_json(self, content, **kwargs):
        """Readers send nothing; whatever arrives is ignored."""

    async def chat_event(self, event):
        # The type chats.services.broadcast() gives every event it sends.
        await self.send_json(event["event"])
        if event["event"].get("type") == "closed":
            await self.close(code=CLOSE_ENDED)
