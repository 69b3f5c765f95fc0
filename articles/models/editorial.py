"""What editors add to the public site beside articles: corrections and
updates shown under an article, and the home page's top stories."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .articles import Article


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
        "desk.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    after = models.ForeignKey(
        "desk.Revision",
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
