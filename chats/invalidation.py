"""Which content keys a change of the chats bumps: the recent messages of
each room it touches (cachekeys.chat), which article and section pages show
(chats/templatetags/chats.py), after commit.

`connect()` (ChatsConfig.ready) covers every save and delete of a message
(a deleted user's go with them) and a user renamed; `delete_messages()`
hides rows with QuerySet.update() and calls `rooms_changed()` itself.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from articles import cachekeys
from newsroom import freshness

from .models import ChatMessage


def room_key(article_id, section_id):
    """The key of the room of a message with these targets."""
    if article_id is not None:
        return cachekeys.chat("article", article_id)
    return cachekeys.chat("section", section_id)


def rooms_changed(messages):
    """Bump the rooms of `messages` (rows or (article_id, section_id) pairs)."""
    pairs = (
        (m.article_id, m.section_id) if isinstance(m, ChatMessage) else m
        for m in messages
    )
    freshness.bump(*sorted({room_key(*pair) for pair in pairs}))


def _on_message_saved(sender, instance, **kwargs):
    rooms_changed([instance])


def _on_user_saved(sender, instance, created, **kwargs):
    if not created and instance.names_changed:
        # Their name shows beside each of their messages: one query.
        rooms_changed(
            ChatMessage.objects.filter(user=instance)
            .order_by()
            .values_list("article_id", "section_id")
            .distinct()
        )


def connect():
    """Connect the rules to the signals of the models they cover."""
    uid = "chats.invalidation"
    post_save.connect(_on_message_saved, sender=ChatMessage, dispatch_uid=uid)
    post_delete.connect(_on_message_saved, sender=ChatMessage, dispatch_uid=uid)
    post_save.connect(_on_user_saved, sender=get_user_model(), dispatch_uid=uid)
