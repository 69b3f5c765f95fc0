"""An old address of a section or an article, and what now stands there.

The target is the object, not a path: its current address is reversed on
each answer, so a chain of renames (A → B → C) collapses by itself (A and B
both name the article, which is at C) and no row goes stale when the target
moves again. A section's row is a prefix rule: every article address under
the old slug follows it, with no row per article.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles import editions
from articles.models import Article, Section


class RedirectQuerySet(models.QuerySet):
    def at(self, language, section_slug, *article_slugs):
        """The rows of the edition's address `/section_slug/<article_slug>/`
        (`""`: the section's own page), with their targets."""
        return self.filter(
            language=language,
            section_slug=section_slug,
            article_slug__in=article_slugs or [""],
        ).select_related("article__section", "section")


class Redirect(models.Model):
    language = models.CharField(
        _("edition"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    section_slug = models.SlugField(_("old section slug"), max_length=80)
    article_slug = models.SlugField(
        _("old article slug"),
        max_length=200,
        blank=True,
        help_text=_("Empty for a section's address (and every article under it)."),
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="redirects",
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="redirects",
    )
    is_automatic = models.BooleanField(
        _("recorded automatically"), default=False, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        # Newest first by the primary key: the list walks its index.
        ordering = ["-id"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        constraints = [
            # Also the index of the 404 path's one lookup.
            models.UniqueConstraint(
                fields=["language", "section_slug", "article_slug"],
                name="redirect_address_unique",
            ),
            models.CheckConstraint(
                condition=Q(article__isnull=True, section__isnull=False)
                | Q(article__isnull=False, section__isnull=True),
                name="redirect_one_target",
                violation_error_code="one_target",
                violation_error_message=_(
                    "Choose either an article or a section to redirect to."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.old_address} → {self.target}"

    @property
    def target(self):
        return self.article or self.section

    @property
    def old_address(self):
        """The old path, with its edition's prefix."""
        if self.article_slug:
            return editions.reverse_in(
                self.language,
                "articles:detail",
                kwargs={"section": self.section_slug, "slug": self.article_slug},
            )
        return editions.reverse_in(
            self.language, "articles:section", kwargs={"slug": self.section_slug}
        )
