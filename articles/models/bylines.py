from django.db import models
from django.utils.translation import gettext_lazy as _

from .authors import Author


class Byline(models.Model):
    """An author credited on an article, in the order the editor sets."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="bylines",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_unique")
        ]

    def __str__(self):
        return str(self.author)
