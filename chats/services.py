import asyncio
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from newsroom.ratelimit import is_over_limit
from newsroom.text import normalize_post, render_post
from participation.services import Scope, check_may_post

from . import invalidation
from .models import ChatMessage
from .rooms import room_for

logger = logging.getLogger(__name__)


def message_event(message):
    """The message as every client in the room receives it; text pre-escaped."""
    local = timezone.localtime(message.created_at)
    return {
        "type": "message",
        "id": message.pk,
        "author": str(message.user),
        "html": str(render_post(message.text)),
        "datetime": local.isoformat(),
        "time": local.strftime("%H:%M"),
    }


def broadcast(room, event):
    """Send an event to every socket in the room (all app servers via Redis).

    Best effort: the message is already stored, so a channel layer that is
    down or slower than REDIS_TIMEOUT only means open pages see it on their
    next load; the failure is logged, never raised.
    """
    message = {"type": "chat.event", "event": event}
    try:
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(_send_within_timeout)(layer, room.group_name, message)
    except Exception as error:
        logger.warning(
            "Chat event not broadcast to %s (%s: %s)",
            room.group_name,
            type(error).__name__,
            error,
        )


async def _send_within_timeout(layer, group, message):
    await asyncio.wait_for(
        layer.group_send(group, message), timeout=settings.REDIS_TIMEOUT * 4
    )


def clean_text(text):
    """The message's text, or a ValidationError saying what is wrong with it."""
    text = normalize_post(text)
    if not text:
        raise ValidationError(_("Write something before sending."), code="empty")
    limit = settings.CHATS_MAX_LENGTH
    if len(text) > limit:
        raise ValidationError(
            _("A message can be at most %(limit)d characters; this one has %(n)d.")
            % {"limit": limit, "n": len(text)},
            code="too_long",
        )
    return text


def post_message(*, room, user, text):
    """Store a user's message in an open room and send it to everyone there."""
    # Those who may not take part at all hear so first, even in a closed room.
    if user.is_active and not room.is_open:
        raise ValidationError(_("This chat is closed."), code="closed")
    check_may_post(user, scope=Scope.CHATS, **{room.kind: room.target})
    text = clean_text(text)
    limit, period = settings.CHATS_RATE
    # Fails open: only logged-in, unblocked users write, within the length
    # limit; a chat outage must not silence the room.
    if is_over_limit(f"chat:{user.pk}", limit=limit, period=period, fail_open=True):
        raise ValidationError(
            _("You are sending messages too fast. Wait a moment and try again."),
            code="rate_limited",
        )
    message = ChatMessage.objects.create(
        **{room.kind: room.target}, user=user, text=text
    )
    broadcast(room, message_event(message))
    return message


def delete_messages(*, messages):
    """Hide messages and take them off every open page of their rooms."""
    messages = list(
        messages.filter(is_deleted=False).select_related("article", "section")
    )
    ChatMessage.objects.filter(pk__in=[m.pk for m in messages]).update(is_deleted=True)
    invalidation.rooms_changed(messages)
    for message in messages:
        room = room_for(message.article or message.section)
        broadcast(room, {"type": "deleted", "id": message.pk})
    return len(messages)
