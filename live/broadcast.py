"""Events to a live story's open pages over the channel layer (Redis with
REDIS_URL, so every app server's sockets get them).

Best effort, after commit: the post is stored and the page cache bumped, so
a channel layer that is down only means open pages see the change on their
next load. Nothing is sent for an article the public may not read.
"""

from types import SimpleNamespace

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from chats.services import broadcast as chats_broadcast


def post_html(post):
    """A post's HTML as the page shows it, in its article's language."""
    with translation.override(post.story.article.language):
        return render_to_string("live/includes/post.html", {"post": post})


def send_post(post, *, event):
    """Tell the open pages of a new ("post") or changed ("edited") post."""
    story = post.story
    if story.article.is_published:
        html = post_html(post)
        send(story, {"type": event, "id": post.pk, "html": html})


def send(story, event):
    """Send `event` to the story's open pages once the transaction commits."""
    if story.article.is_published:
        # The chats' sender (the same timeout, failures logged, not raised)
        # takes what names a group; named now, as a deleted story has no pk.
        group = SimpleNamespace(group_name=story.group_name)
        transaction.on_commit(lambda: chats_broadcast(group, event))
