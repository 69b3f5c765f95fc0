"""What can happen to an article, and who may do it: the one table of the
workflow's moves (MOVES), the permission rules and the pre-publish checks.

The admin's buttons and bulk actions (the moves a user may make from an
article's state), the change form's status field (the statuses a move
reaches) and the guard of the one save service (desk/services.py) all read
MOVES; nothing else lists states or moves.

Archived articles stay readable at their own address but leave every list,
feed and the newsfeed; unpublished and expired articles answer 410 Gone.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from articles.permissions import may_publish, may_work_on

State, Status = Article.State, Article.Status
# Who may make a move: the article's author or an editor (may_work_on), or
# editors only, those who may publish (may_publish).
AUTHOR, EDITOR = "author", "editor"


@dataclass(frozen=True)
class Move:
    label: Promise
    sources: frozenset
    target: str
    who: str
    # How a refusal names the move: "cannot be <done>".
    done: Promise
    # A note to the author is required (it says what should change).
    needs_note: bool = False
    # The text as it goes public is kept as a revision with this note.
    revision_note: Promise | None = None


def _move(label, sources, target, who, done, **flags):
    return Move(label, frozenset(sources), target, who, done, **flags)


# The table: name → label, from which states, to which status, who may.
MOVES = {
    "submit": _move(
        _("Submit for review"),
        {State.DRAFT},
        Status.REVIEW,
        AUTHOR,
        _("submitted for review"),
    ),
    "publish": _move(
        _("Publish now"),
        {State.DRAFT, State.REVIEW, State.SCHEDULED, State.UNPUBLISHED, State.ARCHIVED},
        Status.PUBLISHED,
        EDITOR,
        _("published"),
        revision_note=_("Published."),
    ),
    "schedule": _move(
        _("Schedule at the publication time"),
        {State.DRAFT, State.REVIEW, State.SCHEDULED, State.UNPUBLISHED},
        Status.PUBLISHED,
        EDITOR,
        _("scheduled"),
        revision_note=_("Published."),
    ),
    "request_changes": _move(
        _("Request changes"),
        {State.REVIEW},
        Status.DRAFT,
        EDITOR,
        _("sent back"),
        needs_note=True,
    ),
    "unpublish": _move(
        _("Unpublish"),
        {State.SCHEDULED, State.PUBLISHED, State.ARCHIVED},
        Status.UNPUBLISHED,
        EDITOR,
        _("unpublished"),
    ),
    "archive": _move(
        _("Archive"), {State.PUBLISHED}, Status.ARCHIVED, EDITOR, _("archived")
    ),
    "to_draft": _move(
        _("Return to draft"),
        {State.REVIEW, State.UNPUBLISHED, State.ARCHIVED},
        Status.DRAFT,
        EDITOR,
        _("returned to draft"),
    ),
}


def may_make(user, article, name):
    """Whether `user` may make the move `name` on `article` (as stored)."""
    if MOVES[name].who == EDITOR:
        return may_publish(user)
    return may_work_on(user, article)


def moves_for(user, article):
    """[(name, label)] of the moves `user` may try on `article` now."""
    return [
        (name, move.label)
        for name, move in MOVES.items()
        if article.state in move.sources and may_make(user, article, name)
    ]


def move_for_status(*, state, status, published_at):
    """The move that a status chosen in the form means from `state` (None
    for a new article, which starts as a draft); None if it moves nothing."""
    current = State.DRAFT if state is None else State(state)
    if current == status or (state is None and status == Status.DRAFT):
        return None
    names = [
        name
        for name, move in MOVES.items()
        if current in move.sources and move.target == status and not move.needs_note
    ]
    if not names:
        raise ValidationError(
            _("An article that is “%(state)s” cannot become “%(status)s”.")
            % {
                "state": current.label if state is not None else _("new"),
                "status": Status(status).label,
            },
            code="illegal_transition",
        )
    later = published_at is not None and published_at > timezone.now()
    return "schedule" if later and "schedule" in names else names[0]


def check_move(*, name, article, state, by, note="", at=None):
    """Refuse the move `name` of `article` (in `state` as stored) by `by`
    unless the table allows it and its own conditions hold."""
    move = MOVES[name]
    if not may_make(by, article, name):
        raise PermissionDenied(_("You may not do this: “%s”.") % move.label)
    if State(state) not in move.sources:
        raise ValidationError(
            _("An article that is “%(state)s” cannot be %(action)s.")
            % {"state": State(state).label, "action": move.done}
        )
    if move.needs_note and not (note or "").strip():
        raise ValidationError(_("Say what should change: the note is empty."))
    if name == "schedule" and (at is None or at <= timezone.now()):
        raise ValidationError(_("Choose a publication time in the future."))


def publish_problems(article):
    """Why `article`, as it would be saved, may not be public yet ([] if
    fine)."""
    problems = []
    limit = settings.ARTICLE_TITLE_MAX_PUBLISH
    title = article.title or ""
    if not title.strip():
        problems.append(_("The title is missing."))
    elif len(title) > limit:
        problems.append(
            _("The title is %(length)d characters long; the limit is %(limit)d.")
            % {"length": len(title), "limit": limit}
        )
    if not (article.lead or "").strip():
        problems.append(_("The lead is missing."))
    if article.image and not (article.image.alt or "").strip():
        problems.append(_("The main image has no alt text."))
    section = article.section if article.section_id else None
    if section is not None and not section.is_active:
        problems.append(
            _("The section “%(section)s” is inactive.") % {"section": section.name}
        )
    return problems
