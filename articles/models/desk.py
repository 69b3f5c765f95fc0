from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .articles import Article


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


class CorrectionQuerySet(models.QuerySet):
    def public(self):
        """Corrections on articles the public may see, newest first."""
        return self.filter(
            article__in=Article.objects.published().values("id")
        ).order_by("-created_at", "-id")


class Correction(models.Model):
    """A note to readers on a published article: what was corrected or added."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind, default=Kind.CORRECTION
    )
    text = models.TextField(
        _("text"), help_text=_("Shown to readers after the article, with its time.")
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    # The public versions before and after the change, for the readers' diff.
    before = models.ForeignKey(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    after = models.ForeignKey(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="correction_recent_idx")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("articles:correction", kwargs={"pk": self.pk})

    @property
    def has_diff(self):
        return self.before_id is not None and self.after_id is not None


class HomeSlot(models.Model):
    """An article the editors put at the top of the home page."""

    article = models.OneToOneField(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="home_slot",
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Low first; the first is the lead story.")
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("home page top story")
        verbose_name_plural = _("home page top stories")
        indexes = [models.Index(fields=["position"], name="homeslot_position_idx")]

    def __str__(self):
        return f"{self.position}: {self.article}"


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
        verbose_name = _("editing lock")
        verbose_name_plural = _("editing locks")

    def __str__(self):
        return f"{self.user} → {self.article_id}"
