"""Every write of a live story: the admin and the tests call these.

Each write bumps the article's content keys (its page, and its edition's
lists, which show its "updated" time) after commit, and tells the story's
open pages over the channel layer, for a public article only.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.invalidation import keys_of_article_id
from articles.sanitize import clean_body
from newsroom import freshness

from . import broadcast
from .models import LivePost, LiveStory

POST_FIELDS = (
    "kind",
    "body",
    "quote_author",
    "link_url",
    "link_title",
    "image",
    "posted_at",
)


def check_open(story):
    """Raise the ValidationError an editor reads when the story is closed."""
    if story.is_closed:
        raise ValidationError(
            _(
                "This live story is closed: its coverage has ended and it "
                "takes no more posts or edits."
            ),
            code="closed",
        )


def start_live_story(*, article, started_at=None):
    """Make `article` a live story (or return the one it is)."""
    story, created = LiveStory.objects.get_or_create(
        article=article, defaults={"started_at": started_at or timezone.now()}
    )
    if created:
        _changed(story, touch=False)
    return story


def change_live_story(*, story, started_at):
    """Move the coverage's start (the page's JSON-LD shows it)."""
    story.started_at = started_at
    with transaction.atomic():
        story.save(update_fields=["started_at"])
        _changed(story, touch=False)
    return story


def delete_live_story(*, story):
    """Make the article an ordinary one again: its posts go with the story,
    and its open pages stop listening."""
    with transaction.atomic():
        # Named before the delete takes the story's pk; sent after commit.
        broadcast.send(story, {"type": "closed"})
        _changed(story, touch=False)
        story.delete()


def post_update(*, story, author, kind=LivePost.Kind.TEXT, **fields):
    """Add a post to an open live story and send it to its open pages."""
    check_open(story)
    post = LivePost(story=story, author=author, kind=kind)
    _assign(post, fields)
    with transaction.atomic():
        post.save()
        _changed(story)
    broadcast.send_post(post, event="post")
    return post


def edit_post(*, post, **fields):
    """Change a post of an open story; open pages replace it in place."""
    check_open(post.story)
    _assign(post, fields)
    post.edited_at = timezone.now()
    with transaction.atomic():
        post.save()
        _changed(post.story)
    broadcast.send_post(post, event="edited")
    return post


def delete_post(*, post):
    """Remove a post, even from a closed story (a legal takedown must stay
    possible); open pages drop it. Its image stays in the library."""
    story, pk = post.story, post.pk
    with transaction.atomic():
        post.delete()
        _changed(story)
    broadcast.send(story, {"type": "deleted", "id": pk})


def close_story(*, story):
    """End the coverage: the story takes no more posts and its sockets close."""
    check_open(story)
    story.closed_at = timezone.now()
    with transaction.atomic():
        story.save(update_fields=["closed_at"])
        _changed(story, touch=False)
    broadcast.send(story, {"type": "closed"})
    return story


def _assign(post, fields):
    unknown = set(fields) - set(POST_FIELDS)
    if unknown:
        raise TypeError(f"Unknown post fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(post, name, value)
    if post.kind != LivePost.Kind.IMAGE:
        # Only an image post shows its picture: a hidden one would still
        # count as a use and keep the library image from being deleted.
        post.image = None
    post.body = clean_body(post.body) if post.body else ""
    post.full_clean(exclude=["story"])


def _changed(story, *, touch=True):
    """Bump the article's keys after commit; a post to a public article is
    also its "updated" time (published_at is never touched: no reordering)."""
    article = story.article
    if touch and article.status == article.Status.PUBLISHED and article.published_at:
        now = timezone.now()
        type(article).objects.filter(pk=article.pk).update(updated_at=now)
        article.updated_at = now
    freshness.bump(*keys_of_article_id(article.pk, article))
