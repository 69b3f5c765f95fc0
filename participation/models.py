"""What readers' comments and chat messages share: who may not post, where,
and until when."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RestrictionQuerySet(models.QuerySet):
    def active(self):
        """Restrictions in force now: for good, or until a time still ahead."""
        return self.filter(Q(until__isnull=True) | Q(until__gt=timezone.now()))

    def covering(self, *, scope, article=None, section=None):
        """Restrictions that keep their user from posting in `scope` under
        `article` or in `section`'s room: site-wide ones, and those of that
        article or section (an article's own section counts)."""
        place = Q(article__isnull=True, section__isnull=True)
        if article is not None:
            place |= Q(article=article) | Q(section_id=article.section_id)
        if section is not None:
            place |= Q(section=section)
        return self.filter(place, scope__in=[scope, Restriction.Scope.EVERYTHING])

    def longest_first(self):
        """The one lasting longest first: for good, then the latest end."""
        return self.order_by(F("until").desc(nulls_first=True), "-created_at")


class Restriction(models.Model):
    """A reader kept from commenting, from the chats or from both, for a time
    or for good, on the whole site or under one section or article."""

    class Scope(models.TextChoices):
        COMMENTS = "comments", _("Comments")
        CHATS = "chats", _("Chats")
        EVERYTHING = "everything", _("Comments and chats")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reader"),
        on_delete=models.CASCADE,
        related_name="restrictions",
    )
    scope = models.CharField(_("keeps from"), max_length=10, choices=Scope)
    section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Only in this section: its chat room and its articles' discussions "
            "and chats. Leave empty for the whole site."
        ),
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Only under this article: its discussion and its chat. Leave empty "
            "for the whole site."
        ),
    )
    until = models.DateTimeField(
        _("until"), null=True, blank=True, help_text=_("Leave empty for good.")
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(
        _("created at"), default=timezone.now, editable=False
    )

    objects = RestrictionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("restriction")
        verbose_name_plural = _("restrictions")
        indexes = [models.Index(fields=["user", "until"], name="restriction_user_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(section__isnull=True) | Q(article__isnull=True),
                name="restriction_one_place",
                violation_error_message=_("Choose a section or an article, not both."),
            )
        ]

    def __str__(self):
        until = self.until or _("for good")
        return f"{self.user}: {self.get_scope_display()} ({until})"
