"""The desk's records of an article: its moves through the workflow, the
revisions of its text and who has it open.

They moved here from `articles` (issue 12) and keep their tables, which
were made there (db_table): migration desk 0001 takes them over without
touching a row, and moves their content types, so their permissions and the
admin history follow.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class Transition(models.Model):
    """One step of an article through the workflow: who, when, from, to, why."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="transitions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    from_status = models.CharField(_("from"), max_length=12, choices=Article.State)
    to_status = models.CharField(_("to"), max_length=12, choices=Article.State)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        db_table = "articles_transition"
        verbose_name = _("transition")
        verbose_name_plural = _("workflow history")
        indexes = [
            models.Index(
                fields=["article", "-created_at"], name="transition_article_idx"
            )
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Revision(models.Model):
    """The article's text as one save left it; restoring makes a new one."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="revisions"
    )
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), blank=True)
    dateline_place = models.CharField(_("dateline place"), max_length=80, blank=True)
    source_credit = models.CharField(_("source credit"), max_length=80, blank=True)
    tags = models.JSONField(_("tags"), default=list)
    authors = models.JSONField(_("authors"), default=list)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Saved while published or scheduled: the text readers get."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        db_table = "articles_revision"
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [
            models.Index(fields=["article", "-created_at"], name="revision_article_idx")
        ]

    def __str__(self):
        return f"#{self.pk} {self.title}"

    @property
    def author_names(self):
        return [name for _pk, name in self.authors]


class EditLock(models.Model):
    """Who has an article open in the admin, and since when; it lapses after
    settings.EDIT_LOCK_MINUTES without a refresh. A warning, not a bar: the
    version check is what keeps a save from overwriting a newer one."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="edit_lock"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    refreshed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "articles_editlock"
        verbose_name = _("editing lock")
        verbose_name_plural = _("editing locks")

    def __str__(self):
        return f"{self.user} → {self.article_id}"
