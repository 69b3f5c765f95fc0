"""The article: its fields, states, saving rules and visibility for one row
(the QuerySet rules are in queries.py, what pages show in reading.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from .. import editions
from ..sanitize import clean_body
from ..text import unique_slug
from .authors import Author
from .queries import LISTING_KEYS, ArticleQuerySet
from .reading import ArticleReading
from .sections import Section


class Article(ArticleReading, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        ARCHIVED = "archived", _("Archived")

    class State(models.TextChoices):
        """Where an article is in the workflow: its status, with a published
        article whose time is still to come told apart as scheduled. The
        moves between states are in desk/workflow.py (MOVES)."""

        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        ARCHIVED = "archived", _("Archived")

    class CommentsMode(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        AUTO = "auto", _("Close automatically")

    # Fields whose change is an update readers should be told about.
    PUBLIC_FIELDS = frozenset({"title", "lead", "body", "dateline_place", "image"})
    # The text a revision keeps and restoring puts back, with the tags and
    # the bylines (desk/revisions.py).
    VERSIONED_FIELDS = ("title", "lead", "body", "dateline_place", "source_credit")
    # Published (live, scheduled, under embargo or expired) or archived: the
    # statuses in which an article is, was or becomes public by the clock
    # alone, so a change to it reaches its edition's lists, feeds, sitemaps
    # and their next time boundary. A draft's change reaches only its page.
    EDITION_STATUSES = frozenset({Status.PUBLISHED, Status.ARCHIVED})
    # What a save is compared with to know what it changed on reader pages
    # (articles/invalidation.py).
    TRACKED_FIELDS = ("status", "language", "translation_of_id")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    language = models.CharField(
        _("edition"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language edition the article appears in; its section's."),
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_(
            "The original in another edition. Every translation of one "
            "original links to it, so readers can switch between them."
        ),
    )
    tags = TaggableManager(_("tags"), blank=True)
    authors = models.ManyToManyField(
        Author,
        verbose_name=_("authors"),
        through="Byline",
        blank=True,
        related_name="articles",
    )
    lead = models.TextField(
        _("lead"), help_text=_("The standfirst: one or two sentences under the title.")
    )
    dateline_place = models.CharField(
        _("dateline place"),
        max_length=80,
        blank=True,
        help_text=_("Where the story was filed, e.g. Brussels. Shown in capitals."),
    )
    source_credit = models.CharField(
        _("source credit"),
        max_length=80,
        blank=True,
        help_text=_("The agency in the dateline, e.g. RIA Novosti."),
    )
    dateline_date = models.DateField(
        _("dateline date"),
        null=True,
        blank=True,
        help_text=_("Only if the copy was filed on another day than it is published."),
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Paragraphs of text. Pasted HTML is cleaned: scripts, styles and "
            "unknown tags are removed."
        ),
    )
    image = models.ForeignKey(
        "mediabank.Image",
        verbose_name=_("main image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_(
            "A picture from the image library; its alt text and credit are "
            "the library's."
        ),
    )
    image_caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("This story's caption; empty: the library caption."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("Also the dateline's date. A future time schedules the article."),
    )
    updated_at = models.DateTimeField(
        _("updated at"),
        null=True,
        blank=True,
        help_text=_("Set when the text of a published article changes."),
    )
    expires_at = models.DateTimeField(
        _("expires at"),
        null=True,
        blank=True,
        help_text=_("Optional. After this time the article is taken down everywhere."),
    )
    breaking_until = models.DateTimeField(
        _("breaking news until"),
        null=True,
        blank=True,
        help_text=_("Optional. Until then a banner on every page shows the article."),
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_("Optional. Before this time nothing about the article is public."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    comments_mode = models.CharField(
        _("comments"),
        max_length=10,
        choices=CommentsMode,
        default=CommentsMode.OPEN,
        help_text=_(
            "“Close automatically” closes the discussion a set number of "
            "days after publication."
        ),
    )
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    modified_at = models.DateTimeField(_("last saved"), null=True, editable=False)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish and schedule articles"))]
        indexes = [
            models.Index(
                fields=["status", "-published_at", "-id"], name="article_feed_idx"
            ),
            # Every public list walks one edition newest first. The keys end
            # with the rest of published(), so counting a listing and
            # skipping to a deep page read the index alone (issue 9).
            models.Index(
                fields=["language", *LISTING_KEYS], name="article_edition_idx"
            ),
            models.Index(
                fields=["section", "language", *LISTING_KEYS],
                name="article_section_idx",
            ),
            models.Index(
                fields=["-breaking_until"],
                name="article_breaking_idx",
                condition=Q(breaking_until__isnull=False),
            ),
            models.Index(
                fields=["expires_at"],
                name="article_expires_idx",
                condition=Q(expires_at__isnull=False),
            ),
            # When the next embargo ends (next_change()), among the few set.
            models.Index(
                fields=["embargo_until"],
                name="article_embargo_idx",
                condition=Q(embargo_until__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "review"])
                | Q(published_at__isnull=False),
                name="article_published_has_time",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, update_fields=None, **kwargs):
        self.body = clean_body(self.body)
        if not self.slug:
            self.slug = unique_slug(Article, self.title, max_length=200)
        # Every save is a new version, for the admin's stale-edit check.
        self.version = (self.version or 0) + 1
        self.modified_at = timezone.now()
        if update_fields is not None:
            update_fields = {*update_fields, "version", "modified_at", "modified_by"}
        super().save(*args, update_fields=update_fields, **kwargs)

    def get_absolute_url(self):
        # Under the article's own edition prefix, whatever page links to it.
        return editions.reverse_in(
            self.language,
            "articles:detail",
            kwargs={"section": self.section.slug, "slug": self.slug},
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.section_id and self.section.language != self.language:
            errors["section"] = _("The section belongs to another edition.")
        original = self.translation_of
        if original is not None:
            if original.pk == self.pk:
                errors["translation_of"] = _("An article cannot translate itself.")
            elif original.translation_of_id is not None:
                errors["translation_of"] = _(
                    "Link to the original, not to another translation."
                )
            elif original.language == self.language or (
                original.translations.exclude(pk=self.pk)
                .filter(language=self.language)
                .exists()
            ):
                errors["translation_of"] = _(
                    "That article already has a version in this edition."
                )
        if errors:
            raise ValidationError(errors)

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        article.remember_state()
        return article

    def remember_state(self):
        """Keep the tracked fields as they are now (the deferred ones are
        left out: unknown) for the next save to compare with."""
        self.stored_state = {
            name: self.__dict__[name]
            for name in self.TRACKED_FIELDS
            if name in self.__dict__
        }

    @property
    def is_published(self):
        """Mirrors ArticleQuerySet.published() for one article."""
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
            and (self.embargo_until is None or self.embargo_until <= now)
        )

    @property
    def is_readable(self):
        """Mirrors ArticleQuerySet.readable() for one article."""
        now = timezone.now()
        return (
            self.status in (self.Status.PUBLISHED, self.Status.ARCHIVED)
            and self.published_at is not None
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
            and (self.embargo_until is None or self.embargo_until <= now)
        )

    @property
    def is_gone(self):
        """Mirrors ArticleQuerySet.gone() for one article: its address
        answers 410."""
        now = timezone.now()
        was_public = (
            self.published_at is not None
            and self.published_at <= now
            and (self.embargo_until is None or self.embargo_until <= now)
        )
        expired = self.expires_at is not None and self.expires_at <= now
        return was_public and (
            self.status == self.Status.UNPUBLISHED
            or (self.status in self.EDITION_STATUSES and expired)
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def state(self):
        """The workflow state: the status, or scheduled for a future time."""
        if self.is_scheduled:
            return self.State.SCHEDULED
        return self.State(self.status)

    @property
    def state_label(self):
        return self.state.label
