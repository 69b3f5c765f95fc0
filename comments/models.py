from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """Comments every reader sees."""
        return self.filter(status=Comment.Status.VISIBLE)

    def shown_to(self, user):
        """Visible comments, plus the reader's own comments awaiting review."""
        if user.is_authenticated:
            return self.filter(
                Q(status=Comment.Status.VISIBLE)
                | Q(status=Comment.Status.HELD, author=user)
            )
        return self.visible()

    def for_display(self):
        """What a rendered comment needs: its author."""
        return self.select_related("author")

    def moderation_queue(self):
        """Held and reported comments first, then the newest."""
        return self.annotate(
            queue_rank=models.Case(
                models.When(status=Comment.Status.HELD, then=0),
                models.When(report_count__gt=0, status=Comment.Status.VISIBLE, then=1),
                default=2,
            )
        ).order_by("queue_rank", "-created_at")


class Comment(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HELD = "held", _("Held for review")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")
        DELETED = "deleted", _("Deleted by its author")

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    root = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="thread",
    )
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    body = models.TextField(_("comment"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.VISIBLE
    )
    held_reason = models.CharField(_("held because"), max_length=200, blank=True)
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    notify_replies = models.BooleanField(_("e-mail me replies"), default=False)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    # The posting form's one-time token with the text and parent, hashed: the
    # same form posted twice finds the comment it already made.
    post_key = models.CharField(max_length=64, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(
                fields=["article", "status", "parent", "-created_at"],
                name="comment_article_idx",
            ),
            models.Index(fields=["root", "created_at"], name="comment_thread_idx"),
            models.Index(fields=["author", "-created_at"], name="comment_author_idx"),
            models.Index(fields=["status", "-created_at"], name="comment_queue_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "post_key"],
                condition=~models.Q(post_key=""),
                name="comment_posted_once",
            )
        ]

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_visible(self):
        return self.status == self.Status.VISIBLE

    def can_edit(self, user):
        """Its author may edit for a few minutes after posting."""
        window = timezone.timedelta(minutes=settings.COMMENTS_EDIT_MINUTES)
        return (
            user.is_authenticated
            and self.author_id == user.pk
            and self.status in (self.Status.VISIBLE, self.Status.HELD)
            and timezone.now() - self.created_at <= window
        )


class CommentReport(models.Model):
    """A reader's report of a comment; one per reader and comment."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="report_once")
        ]

    def __str__(self):
        return f"{self.user} → {self.comment_id}"


class BlockedWord(models.Model):
    """A word or phrase that holds a comment for review."""

    phrase = models.CharField(_("word or phrase"), max_length=100, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("blocked word")
        verbose_name_plural = _("blocked words")

    def __str__(self):
        return self.phrase
