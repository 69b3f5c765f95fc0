"""The editorial workflow: draft → in review → published (or scheduled),
then unpublished or archived. Every transition checks who may make it and
whether it is legal, and is recorded as a Transition.

Archived articles stay readable at their own address but leave every list,
feed and the newsfeed; unpublished and expired articles answer 410 Gone.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Article, Transition
from .revisions import record_revision

Status = Article.Status


def can_publish(user):
    return user.has_perm("articles.publish_article")


def can_edit(user, article):
    """Editors edit any article; authors their own drafts."""
    if can_publish(user):
        return user.has_perm("articles.change_article")
    return (
        user.has_perm("articles.change_article")
        and article.created_by_id == user.pk
        and article.status == Status.DRAFT
    )


def publish_problems(*, title, lead, image, image_alt, section):
    """Why an article with these values may not be published yet ([] if fine)."""
    problems = []
    limit = settings.ARTICLE_TITLE_MAX_PUBLISH
    if not (title or "").strip():
        problems.append(_("The title is missing."))
    elif len(title) > limit:
        problems.append(
            _("The title is %(length)d characters long; the limit is %(limit)d.")
            % {"length": len(title), "limit": limit}
        )
    if not (lead or "").strip():
        problems.append(_("The lead is missing."))
    if image and not (image_alt or "").strip():
        problems.append(_("The main image has no alt text."))
    if section is not None and not section.is_active:
        problems.append(
            _("The section “%(section)s” is inactive.") % {"section": section.name}
        )
    return problems


def article_publish_problems(article):
    """publish_problems() for a saved article."""
    return publish_problems(
        title=article.title,
        lead=article.lead,
        image=article.image,
        image_alt=article.image_alt,
        section=article.section,
    )


# Statuses the admin form's status field may move an article to, by state.
FORM_MOVES = {
    None: {Status.DRAFT, Status.REVIEW, Status.PUBLISHED},
    Transition.State.DRAFT: {Status.REVIEW, Status.PUBLISHED},
    Transition.State.REVIEW: {Status.DRAFT, Status.PUBLISHED},
    Transition.State.SCHEDULED: {Status.PUBLISHED, Status.UNPUBLISHED},
    Transition.State.PUBLISHED: {Status.UNPUBLISHED, Status.ARCHIVED},
    Transition.State.UNPUBLISHED: {Status.DRAFT, Status.PUBLISHED},
    Transition.State.ARCHIVED: {Status.DRAFT, Status.PUBLISHED, Status.UNPUBLISHED},
}


def check_status_change(*, state, status):
    """Refuse a status set by hand that no transition allows."""
    current = None if state is None else Transition.State(state)
    if current is not None and current.value == status:
        return
    if status not in FORM_MOVES[current]:
        raise ValidationError(
            _("An article that is “%(state)s” cannot become “%(status)s”.")
            % {
                "state": current.label if current else _("new"),
                "status": Status(status).label,
            },
            code="illegal_transition",
        )


def record_transition(*, article, by, from_status, note=""):
    """Write down a change of state (none if the state did not change)."""
    if from_status == article.state and not note:
        return None
    return Transition.objects.create(
        article=article,
        user=by,
        from_status=from_status,
        to_status=article.state,
        note=note,
    )


def _save(article, by, fields):
    article.modified_by = by
    article.save(update_fields=fields)


def _refuse_unless(allowed, article, action):
    if article.state not in allowed:
        raise ValidationError(
            _("An article that is “%(state)s” cannot be %(action)s.")
            % {"state": article.state_label, "action": action}
        )


def _require_publisher(by):
    if not can_publish(by):
        raise PermissionDenied(_("Only editors may do this."))


@transaction.atomic
def submit_for_review(*, article, by):
    """An author hands a draft to the editors."""
    owner = article.created_by_id == by.pk
    if not (by.has_perm("articles.change_article") and (owner or can_publish(by))):
        raise PermissionDenied(_("You may not submit this article."))
    _refuse_unless({Status.DRAFT}, article, _("submitted for review"))
    before = article.state
    article.status = Status.REVIEW
    _save(article, by, ["status"])
    return record_transition(article=article, by=by, from_status=before)


@transaction.atomic
def publish_article(*, article, by, at=None):
    """Publish now, or schedule when `at` is in the future."""
    _require_publisher(by)
    _refuse_unless(
        {
            Transition.State.DRAFT,
            Transition.State.REVIEW,
            Transition.State.SCHEDULED,
            Transition.State.UNPUBLISHED,
            Transition.State.ARCHIVED,
        },
        article,
        _("published"),
    )
    problems = article_publish_problems(article)
    if problems:
        raise ValidationError(problems)
    before = article.state
    now = timezone.now()
    article.status = Status.PUBLISHED
    if at is not None:
        article.published_at = at
    elif before != Transition.State.ARCHIVED or article.published_at is None:
        article.published_at = min(article.published_at or now, now)
    _save(article, by, ["status", "published_at"])
    # The text as it goes public, for the readers' diff of later corrections.
    record_revision(article=article, by=by, note=_("Published."))
    note = ""
    if article.is_scheduled:
        note = _("Scheduled for %(time)s.") % {
            "time": timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M")
        }
    return record_transition(article=article, by=by, from_status=before, note=note)


def schedule_article(*, article, by, at):
    """Publish at a future time `at`."""
    if at is None or at <= timezone.now():
        raise ValidationError(_("Choose a publication time in the future."))
    return publish_article(article=article, by=by, at=at)


@transaction.atomic
def request_changes(*, article, by, note):
    """Send an article in review back to its author with a note."""
    _require_publisher(by)
    if not (note or "").strip():
        raise ValidationError(_("Say what should change: the note is empty."))
    _refuse_unless({Transition.State.REVIEW}, article, _("sent back"))
    before = article.state
    article.status = Status.DRAFT
    _save(article, by, ["status"])
    return record_transition(article=article, by=by, from_status=before, note=note)


@transaction.atomic
def unpublish_article(*, article, by, note=""):
    """Take a published, scheduled or archived article down (410 Gone)."""
    _require_publisher(by)
    _refuse_unless(
        {
            Transition.State.PUBLISHED,
            Transition.State.SCHEDULED,
            Transition.State.ARCHIVED,
        },
        article,
        _("unpublished"),
    )
    before = article.state
    article.status = Status.UNPUBLISHED
    _save(article, by, ["status"])
    return record_transition(article=article, by=by, from_status=before, note=note)


@transaction.atomic
def archive_article(*, article, by):
    """Keep a published article at its address but out of every list."""
    _require_publisher(by)
    _refuse_unless({Transition.State.PUBLISHED}, article, _("archived"))
    before = article.state
    article.status = Status.ARCHIVED
    _save(article, by, ["status"])
    return record_transition(article=article, by=by, from_status=before)


@transaction.atomic
def return_to_draft(*, article, by):
    """Reopen an unpublished or archived article for editing."""
    _require_publisher(by)
    _refuse_unless(
        {
            Transition.State.UNPUBLISHED,
            Transition.State.ARCHIVED,
            Transition.State.REVIEW,
        },
        article,
        _("returned to draft"),
    )
    before = article.state
    article.status = Status.DRAFT
    _save(article, by, ["status"])
    return record_transition(article=article, by=by, from_status=before)
