from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChatMessageQuerySet(models.QuerySet):
    def visible(self):
        """Messages not removed by a moderator."""
        return self.filter(is_deleted=False)

    def in_room(self, room):
        """Messages of one room: an article's or a section's."""
        return self.filter(**{room.kind: room.target})

    def latest_for_display(self, limit):
        """The newest `limit` visible messages with their authors, newest first."""
        return (
            self.visible().select_related("user").order_by("-created_at", "-id")[:limit]
        )


class ChatMessage(models.Model):
    """One line said in an article's or a section's chat room."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="chat_messages",
    )
    section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="chat_messages",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="chat_messages",
    )
    text = models.TextField(_("message"))
    is_deleted = models.BooleanField(_("deleted"), default=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    objects = ChatMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, section__isnull=True)
                | Q(article__isnull=True, section__isnull=False),
                name="chat_message_one_room",
            )
        ]
        indexes = [
            models.Index(
                fields=["article", "is_deleted", "-created_at"],
                name="chat_article_idx",
            ),
            models.Index(
                fields=["section", "is_deleted", "-created_at"],
                name="chat_section_idx",
            ),
            models.Index(fields=["user", "-created_at"], name="chat_user_idx"),
        ]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        from .rooms import room_for

        return room_for(self.article or self.section).page_url
