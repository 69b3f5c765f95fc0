"""Who is editing what: soft locks in the admin, and the stale-save check."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article

from .models import EditLock


def open_for_editing(*, article, user):
    """Record that `user` has `article` open; return another editor's live
    lock if someone else got there first (theirs is kept, not taken over)."""
    now = timezone.now()
    lapse = now - timedelta(minutes=settings.EDIT_LOCK_MINUTES)
    lock = EditLock.objects.select_related("user").filter(article=article).first()
    if lock is not None and lock.user_id != user.pk and lock.refreshed_at > lapse:
        return lock
    if lock is not None and lock.user_id == user.pk and lock.refreshed_at > lapse:
        lock.refreshed_at = now
        lock.save(update_fields=["refreshed_at"])
        return None
    EditLock.objects.update_or_create(
        article=article,
        defaults={"user": user, "started_at": now, "refreshed_at": now},
    )
    return None


def release_lock(*, article, user):
    """Drop `user`'s lock on `article`, if they hold it."""
    EditLock.objects.filter(article=article, user=user).delete()


def stale_edit_message(*, article_id, seen_version):
    """Why a save based on `seen_version` would overwrite a newer one, or None.

    The admin saves inside one transaction; locking the row here makes the
    check and the save one step on PostgreSQL (SQLite serializes writers).
    """
    current = (
        Article.objects.select_for_update()
        .filter(pk=article_id)
        .values_list("version", flat=True)
        .first()
    )
    if current is None or seen_version is None or current == seen_version:
        return None
    last = Article.objects.values("modified_at", "modified_by__email").get(
        pk=article_id
    )
    when = last["modified_at"]
    return _(
        "%(who)s saved this article at %(time)s, after you opened it. Your "
        "changes were not saved: copy them, reload the page and apply them again."
    ) % {
        "who": last["modified_by__email"] or _("Someone"),
        "time": timezone.localtime(when).strftime("%H:%M:%S") if when else "?",
    }
