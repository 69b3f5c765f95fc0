import hashlib
import re
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from newsroom.mail import send_email
from newsroom.ratelimit import is_over_limit
from newsroom.text import normalize_post
from newsroom.web import absolute_url
from participation.services import Scope, check_may_post

from . import invalidation
from .models import BlockedWord, Comment, CommentReport

UNSUBSCRIBE_SALT = "comments.unsubscribe-replies"
URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)


def count_links(text):
    """How many URLs a comment carries."""
    return len(URL.findall(text or ""))


def hold_reason(*, author, body):
    """Why a new comment must wait for a moderator, or "" to show it at once."""
    if settings.COMMENTS_MODERATION == "pre":
        return _("All comments are reviewed before they appear.")
    if count_links(body) > settings.COMMENTS_MAX_LINKS:
        return _("It contains more than %(n)d links.") % {
            "n": settings.COMMENTS_MAX_LINKS
        }
    lowered = body.lower()
    for phrase in BlockedWord.objects.values_list("phrase", flat=True):
        if re.search(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", lowered):
            return _("It contains a word on the review list.")
    if settings.COMMENTS_HOLD_FIRST and not author.comments.visible().exists():
        return _("First comments are reviewed before they appear.")
    return ""


def clean_comment_body(body):
    """The comment's text, or a ValidationError saying what is wrong with it."""
    body = normalize_post(body)
    if not body:
        raise ValidationError(_("Write something before posting."), code="empty")
    if len(body) > settings.COMMENTS_MAX_LENGTH:
        raise ValidationError(
            _("A comment can be at most %(limit)d characters; this one has %(n)d.")
            % {"limit": settings.COMMENTS_MAX_LENGTH, "n": len(body)},
            code="too_long",
        )
    return body


def post_key(*, token, parent, body):
    """What makes a post the same post again: its form's token, parent, text."""
    if not token:
        return ""
    parent_id = parent.pk if parent is not None else ""
    return hashlib.sha256(f"{token}\n{parent_id}\n{body}".encode()).hexdigest()


def post_comment(
    *,
    article,
    author,
    body,
    parent=None,
    notify_replies=False,
    site_url="",
    token="",
):
    """Add a reader's comment (or reply) to a published, open article.

    Posting the same form (`token`) with the same text again returns the
    comment the first post made: a double click stores one comment, and
    both answers succeed.
    """
    if not article.is_published:
        raise PermissionDenied(_("Comments are closed on unpublished articles."))
    if not article.comments_open:
        raise ValidationError(
            _("The discussion of this article is closed."), code="closed"
        )
    check_may_post(author, scope=Scope.COMMENTS, article=article)
    body = clean_comment_body(body)
    if parent is not None:
        if parent.article_id != article.pk or not parent.is_visible:
            raise ValidationError(
                _("The comment you are replying to is not part of this discussion."),
                code="bad_parent",
            )
        # Past the deepest level a reply joins its parent's thread level.
        while parent.depth + 1 >= settings.COMMENTS_MAX_DEPTH and parent.parent_id:
            parent = parent.parent
    key = post_key(token=token, parent=parent, body=body)
    if key:
        posted = Comment.objects.filter(author=author, post_key=key).first()
        if posted is not None:
            return posted
    recent = timezone.now() - timedelta(minutes=5)
    same = Comment.objects.filter(
        article=article, author=author, body=body, created_at__gte=recent
    ).first()
    if same is not None:
        if key and same.post_key == key:
            return same  # the same form, committed by a concurrent request
        raise ValidationError(
            _("You have already posted this comment."), code="duplicate"
        )
    limit, period = settings.COMMENTS_RATE
    # Fails open: only active, logged-in readers comment, and the duplicate
    # check, moderation and restrictions work without the cache.
    if is_over_limit(
        f"comment:{author.pk}", limit=limit, period=period, fail_open=True
    ):
        raise ValidationError(
            _("You are commenting too fast. Please wait a minute and try again."),
            code="rate_limited",
        )
    reason = hold_reason(author=author, body=body)
    comment = Comment(
        article=article,
        author=author,
        parent=parent,
        root=(parent.root or parent) if parent else None,
        depth=parent.depth + 1 if parent else 0,
        body=body,
        status=Comment.Status.HELD if reason else Comment.Status.VISIBLE,
        held_reason=reason,
        notify_replies=notify_replies,
        post_key=key,
    )
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        if not key:
            raise
        # The same form posted at the same moment: the other request won.
        return Comment.objects.get(author=author, post_key=key)
    if comment.is_visible:
        notify_reply(comment=comment, site_url=site_url)
    return comment


def edit_comment(*, comment, user, body):
    """Change the text of one's own comment within the edit window."""
    if not comment.can_edit(user):
        raise PermissionDenied(_("This comment can no longer be edited."))
    comment.body = clean_comment_body(body)
    comment.edited_at = timezone.now()
    reason = hold_reason(author=user, body=comment.body)
    if reason:
        comment.status, comment.held_reason = Comment.Status.HELD, reason
    comment.save(update_fields=["body", "edited_at", "status", "held_reason"])
    return comment


def delete_comment(*, comment, user):
    """Its author removes a comment; replies to it stay in the thread."""
    if not user.is_authenticated or comment.author_id != user.pk:
        raise PermissionDenied(_("You can only delete your own comments."))
    comment.status = Comment.Status.DELETED
    comment.body = ""
    comment.save(update_fields=["status", "body"])
    return comment


def report_comment(*, comment, user):
    """Record a reader's report; enough reports hide the comment for review."""
    if comment.author_id == user.pk:
        raise ValidationError(_("You cannot report your own comment."), code="own")
    with transaction.atomic():
        _report, created = CommentReport.objects.get_or_create(
            comment=comment, user=user
        )
        if not created:
            return comment
        Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
        comment.refresh_from_db(fields=["report_count", "status"])
        if (
            comment.report_count >= settings.COMMENTS_REPORTS_TO_HIDE
            and comment.status == Comment.Status.VISIBLE
        ):
            comment.status = Comment.Status.HELD
            comment.held_reason = _("Reported by readers.")
            comment.save(update_fields=["status", "held_reason"])
    return comment


def moderate_comments(*, comments, status, site_url=""):
    """Approve, reject or mark as spam; approved replies notify their parent."""
    invalidation.articles_changed(comments.values_list("article_id", flat=True))
    approved = []
    if status == Comment.Status.VISIBLE:
        approved = list(
            comments.exclude(status=Comment.Status.VISIBLE).select_related(
                "parent__author", "article__section", "author"
            )
        )
    count = comments.update(status=status, held_reason="")
    for comment in approved:
        notify_reply(comment=comment, site_url=site_url)
    return count


def unsubscribe_token(comment):
    """A signed token that turns off reply e-mails for `comment`."""
    return signing.dumps(comment.pk, salt=UNSUBSCRIBE_SALT)


def comment_from_unsubscribe_token(token):
    """The comment a token names, or None for a forged or broken token."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Comment.objects.filter(pk=pk).first()


def notify_reply(*, comment, site_url):
    """E-mail the parent's author about a visible reply, if they asked for it."""
    parent = comment.parent
    if (
        parent is None
        or not parent.notify_replies
        or parent.author is None
        or not parent.author.is_active
        or parent.author_id == comment.author_id
    ):
        return False
    context = {
        "comment": comment,
        "parent": parent,
        "article": comment.article,
        "comment_url": absolute_url(comment.get_absolute_url(), root=site_url),
        "unsubscribe_url": absolute_url(
            reverse("comments:unsubscribe", args=[unsubscribe_token(parent)]),
            root=site_url,
        ),
    }
    # The site's language: the reader who replied may read another one.
    send_email(
        to=parent.author.email,
        subject_template="comments/email/reply_notification_subject.txt",
        template="comments/email/reply_notification.txt",
        context=context,
        language=settings.LANGUAGE_CODE,
    )
    return True
