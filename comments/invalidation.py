"""Which content keys a change of the discussion bumps: the counter and
thread of each article it touches (cachekeys.comments), after commit.

`connect()` (CommentsConfig.ready) covers every save and delete of a
comment, and a reader renamed or deleted; `moderate_comments()` changes
rows with QuerySet.update() and calls `articles_changed()` itself.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_delete

from articles import cachekeys
from newsroom import freshness

from .models import Comment


def articles_changed(article_ids):
    """Bump the discussions of the articles `article_ids`."""
    freshness.bump(*(cachekeys.comments(pk) for pk in sorted(set(article_ids))))


def author_changed(user):
    """Bump every discussion `user` commented in (their name shows there),
    with one query."""
    articles_changed(
        Comment.objects.filter(author=user)
        .order_by()
        .values_list("article_id", flat=True)
        .distinct()
    )


# Fields no reader page shows.
PRIVATE_FIELDS = frozenset({"notify_replies", "report_count"})


def _on_comment_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if created and not instance.is_visible:
        return  # held for review: only its logged-in author sees it
    if update_fields and PRIVATE_FIELDS.issuperset(update_fields):
        return
    articles_changed([instance.article_id])


def _on_user_saved(sender, instance, created, **kwargs):
    if not created and instance.names_changed:
        author_changed(instance)


def _on_user_deleted(sender, instance, **kwargs):
    # Before the delete, while the comments still name their author.
    author_changed(instance)


def connect():
    """Connect the rules to the signals of the models they cover."""
    uid = "comments.invalidation"
    post_save.connect(_on_comment_saved, sender=Comment, dispatch_uid=uid)
    post_delete.connect(_on_comment_saved, sender=Comment, dispatch_uid=uid)
    user = get_user_model()
    post_save.connect(_on_user_saved, sender=user, dispatch_uid=uid)
    pre_delete.connect(_on_user_deleted, sender=user, dispatch_uid=uid)
