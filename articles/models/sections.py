from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import editions

# First path segments of the site's own pages (articles/urls.py, newsroom/urls.py)
# that a section's slug must not take.
RESERVED_SLUGS = frozenset(
    """accounts admin archive authors comments corrections feeds media newsfeed
    preview search static subscriptions tags en ru""".split()
)


def validate_section_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is used by the site's own pages; choose another slug."),
            code="reserved_slug",
            params={"slug": value},
        )


class SectionQuerySet(models.QuerySet):
    def active(self):
        """Sections shown to readers, in masthead order."""
        return self.filter(is_active=True).order_by("position", "name")

    def in_edition(self, language=None):
        """Sections of the edition `language` (default: the page's edition)."""
        return self.filter(language=language or editions.current())


class Section(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        validators=[validate_section_slug],
        help_text=_("Unique within the section's edition."),
    )
    language = models.CharField(
        _("edition"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language edition whose menu and pages show the section."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences shown under the section's name."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order in the masthead menu, low first.")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive sections leave the menu; their articles stay online."),
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"], name="section_edition_slug_unique"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # Under the section's own edition prefix, whatever page links to it.
        return editions.reverse_in(
            self.language, "articles:section", kwargs={"slug": self.slug}
        )
