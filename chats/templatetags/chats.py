from django import template
from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from articles import cachekeys
from newsroom import freshness
from newsroom.text import render_post
from participation.services import Scope, refusal_notice

from ..forms import ChatMessageForm
from ..models import ChatMessage
from ..rooms import room_for

register = template.Library()


@register.inclusion_tag("chats/includes/chat_room.html", takes_context=True)
def chat_room(context, target):
    """An article's or a section's live chat: recent messages, then the form
    for a logged-in reader, or the log-in gate."""
    request = context["request"]
    user = request.user
    room = room_for(target)
    # The history is part of the page's HTML: a cached page shows it until
    # a message is posted or deleted (chats/invalidation.py).
    freshness.depend(cachekeys.chat(room.kind, room.target.pk))
    if room.kind == "article":
        # An article's room closes with its discussion, by the clock alone.
        freshness.not_after(room.target.comments_close_at)
    return {
        "request": request,
        "user": user,
        "room": room,
        # Read inside the history's cached block, only when it is rendered.
        "chat_messages": SimpleLazyObject(lambda: recent_messages(room)),
        "ban_message": (
            refusal_notice(user, scope=Scope.CHATS, **{room.kind: room.target})
            if room.is_open
            else ""
        ),
        "form": ChatMessageForm() if user.is_authenticated else None,
        "can_delete": user.has_perm("chats.delete_chatmessage"),
        "socket_url": f"{room.socket_path}?lang={get_language()}",
    }


def recent_messages(room):
    """The room's history, oldest first; the block showing it shows the room."""
    freshness.depend(cachekeys.chat(room.kind, room.target.pk))
    messages = list(
        ChatMessage.objects.in_room(room).latest_for_display(settings.CHATS_HISTORY)
    )
    messages.reverse()
    return messages


@register.filter
def chat_html(text):
    """A message's text as safe HTML: escaped, links nofollow ugc."""
    return render_post(text)
