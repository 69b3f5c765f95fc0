"""The one write path of an article: `save_article()`.

Every change of an article's fields or state goes through it: the admin's
change form and its workflow buttons, the bulk actions, restoring a
revision, the tests. One call is one save of the article, at most one
revision and at most one transition.

"Publish now" on the change page, for example (issue 12; it used to save
twice and leave two revisions with the same text):

1. ArticleAdmin.get_form() hands the form the user and the move the button
   names ("publish"); ArticleAdminForm._post_clean() puts the posted values
   on the instance and calls check_save(): the stale-version check is the
   form's, everything else (may this user make this move from the stored
   state, the pre-publish checks) is workflow.check_move() and
   workflow.publish_problems(). A refusal lists its reasons on the form and
   nothing is saved.
2. ArticleAdmin.save_model() saves nothing; save_related() calls
   save_article() with the form's changed fields, the move and a callable
   that saves the tags and the inlines.
3. save_article() checks again under the row lock, applies the move
   (status, publication time), sets who saved it and the updated time,
   saves the row once (post_save: the page-cache keys of
   articles/invalidation.py are bumped after commit), saves the inlines,
   keeps one revision, links new
   corrections to it and records the transition.
4. ArticleAdmin.response_change() reports "done; now <state>".

No e-mail leaves on an article's write: subscribers' mail is sent by the
subscriptions sweep, which finds newly public articles by itself.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, Author, Byline
from articles.permissions import may_edit
from redirects.services import address_of, record_move

from . import revisions, workflow
from .models import Transition


def stored_version(article):
    """The article as stored (locked until the commit), None if new."""
    if article.pk is None:
        return None
    return (
        Article.objects.select_for_update()
        .only(
            "status",
            "published_at",
            "expires_at",
            "embargo_until",
            "created_by",
            "section",
            "slug",
            "language",
        )
        .get(pk=article.pk)
    )


def check_save(*, article, by, changed=None, move=None, note="", at=None):
    """Refuse (PermissionDenied, ValidationError) a save that save_article()
    would refuse; returns the move it means (a status chosen in the form is a
    move too) and the article as stored."""
    stored = stored_version(article)
    state = stored.state if stored else None
    if changed is not None and not may_edit(by, stored):
        raise PermissionDenied(_("You may not edit this article."))
    if move is None and changed is not None and "status" in changed:
        move = workflow.move_for_status(
            state=state, status=article.status, published_at=article.published_at
        )
    if move is not None:
        owner = stored or Article(created_by=by)
        workflow.check_move(
            name=move,
            article=owner,
            state=state or Article.State.DRAFT,
            by=by,
            note=note,
            at=at or article.published_at,
        )
    target = workflow.MOVES[move].target if move else article.status
    if target == Article.Status.PUBLISHED and (move or changed is not None):
        problems = workflow.publish_problems(article)
        if problems:
            raise ValidationError(problems)
    return move, stored


def apply_move(article, *, name, before, at=None):
    """Set the status (and the publication time) the move `name` leads to."""
    move = workflow.MOVES[name]
    article.status = move.target
    if name == "schedule":
        article.published_at = at or article.published_at
    elif name == "publish":
        now = timezone.now()
        # An archived article put back keeps its first publication time.
        if before != Article.State.ARCHIVED or article.published_at is None:
            article.published_at = min(article.published_at or now, now)


@transaction.atomic
def save_article(
    *, article, by, changed=None, move=None, note="", at=None, related=None
):
    """Save `article` as `by` left it, making the workflow move `move`.

    `changed`: the fields `by` edited (None when only the move is made: no
    edit, so no revision unless the text goes public); a status among them
    is the move it means. `note`: the transition's note, or the revision's
    when there is no move. `at`: the time of a "schedule". `related`: a
    callable saving what belongs to the article (tags, bylines,
    corrections) and returning the new corrections. Returns the article.
    """
    if article.pk is None:
        article.created_by = by
    move, stored = check_save(
        article=article, by=by, changed=changed, move=move, note=note, at=at
    )
    before = stored.state if stored else Article.State.DRAFT
    if move is not None:
        apply_move(article, name=move, before=before, at=at)
    was_public = stored is not None and stored.is_published
    if was_public and Article.PUBLIC_FIELDS.intersection(changed or ()):
        article.updated_at = timezone.now()
    added = []
    if related is not None and stored is not None:
        # Saved first, so that the notes' time is on the article's one save.
        added = related()
        if added and article.is_published:
            article.updated_at = max(c.created_at for c in added)
    article.modified_by = by
    old_address = address_left(stored, article)
    article.save()
    record_move(old=old_address, target=article)
    if related is not None and stored is None:
        # A new article's own rows need its id. Its notes are not updates
        # of a text readers saw, so they leave updated_at alone.
        added = related()
    revision_note = workflow.MOVES[move].revision_note if move else None
    if changed is not None or revision_note:
        revision = revisions.record_revision(
            article=article, by=by, note=revision_note or (note if not move else "")
        )
        if added:
            revisions.link_corrections(corrections=added, revision=revision)
    if move in ("publish", "schedule") and article.is_scheduled and not note:
        note = _("Scheduled for %(time)s.") % {
            "time": timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M")
        }
    record_transition(article=article, by=by, before=before, note=note if move else "")
    return article


def address_left(stored, article):
    """The address a public (or taken-down) article leaves by this save,
    for a redirect; None when it stays or was never public."""
    if stored is None or not (stored.is_readable or stored.is_gone):
        return None
    if (stored.section_id, stored.slug) == (article.section_id, article.slug):
        return None
    return address_of(stored)


def record_transition(*, article, by, before, note=""):
    """Write down a change of state (none if neither state nor note)."""
    if before == article.state and not note:
        return None
    return Transition.objects.create(
        article=article,
        user=by,
        from_status=before,
        to_status=article.state,
        note=note,
    )


def restore_revision(*, revision, by):
    """Put `revision`'s text, tags and bylines back on its article: a save
    like any other, so a new revision. Returns that revision."""
    article = revision.article
    changed = [
        name
        for name in Article.VERSIONED_FIELDS
        if getattr(article, name) != getattr(revision, name)
    ]
    for name in changed:
        setattr(article, name, getattr(revision, name))

    def related():
        article.tags.set(revision.tags)
        article.bylines.all().delete()
        existing = set(
            Author.objects.filter(
                pk__in=[pk for pk, _name in revision.authors]
            ).values_list("pk", flat=True)
        )
        Byline.objects.bulk_create(
            Byline(article=article, author_id=pk, position=position)
            for position, (pk, _name) in enumerate(revision.authors)
            if pk in existing
        )
        return []

    save_article(
        article=article,
        by=by,
        changed=changed,
        note=_("Restored from revision #%(id)s.") % {"id": revision.pk},
        related=related,
    )
    return article.revisions.order_by("-id").first()
