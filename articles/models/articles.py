import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from taggit.managers import TaggableManager

from .. import editions, images
from ..sanitize import clean_body
from ..text import slugify_title
from ..validators import validate_image_file
from .authors import Author
from .sections import Section

# The listing indexes' keys after their filters: newest first, then what
# published() tests besides status.
LISTING_KEYS = ["status", "-published_at", "-id", "expires_at", "embargo_until"]


def public_window(now, *, before=None):
    """Published by now, not yet expired, and out of any embargo.

    expires_at and embargo_until are nullable and rarely set, so they stay
    residual filters on the (status, -published_at, -id) index walk that every
    list uses: a newest-first page reads only the few extra rows it skips.

    `before`, a time no later than now, bounds publication instead of now:
    with two upper bounds on published_at, SQLite's planner may range over
    the looser one (from now back to an archive day: 100 ms at 200,000
    articles), so the tighter one must be the only one.
    """
    if before is not None and before <= now:
        published = Q(published_at__lt=before)
    else:
        published = Q(published_at__lte=now)
    return (
        published
        & (Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        & (Q(embargo_until__isnull=True) | Q(embargo_until__lte=now))
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles the public may see in lists, feeds and pages: published,
        not scheduled for later, not expired, not under embargo."""
        return self.filter(
            public_window(timezone.now()), status=Article.Status.PUBLISHED
        )

    def readable(self):
        """Articles whose own page answers: the published, plus the archived
        (kept at their address, but out of every list and feed)."""
        return self.filter(
            public_window(timezone.now()),
            status__in=[Article.Status.PUBLISHED, Article.Status.ARCHIVED],
        )

    def gone(self):
        """Articles that were public and were taken down or expired: 410."""
        now = timezone.now()
        was_public = Q(published_at__lte=now) & (
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now)
        )
        taken_down = Q(status=Article.Status.UNPUBLISHED) | Q(
            status__in=[Article.Status.PUBLISHED, Article.Status.ARCHIVED],
            expires_at__lte=now,
        )
        return self.filter(was_public & taken_down)

    def in_edition(self, language=None):
        """Articles of the edition `language` (default: the page's edition)."""
        return self.filter(language=language or editions.current())

    def scheduled(self):
        """Published with a time still to come."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def with_bylines(self):
        """Section and bylines (with their authors) in two queries."""
        bylines = Byline.objects.select_related("author")
        return self.select_related("section").prefetch_related(
            models.Prefetch("bylines", queryset=bylines)
        )

    def with_comment_count(self):
        """Each article's number of visible comments, as `comment_count`."""
        comments = self.model._meta.get_field("comments").related_model
        counts = (
            comments.objects.visible()
            .filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(comment_count=Coalesce(Subquery(counts), 0))

    def for_listing(self):
        """What a teaser card renders; the body stays in the database."""
        return self.with_bylines().with_comment_count().defer("body")

    def for_detail(self):
        """What the article page renders: section, bylines, tags, corrections,
        the comment count and the translations in other editions."""
        return (
            self.for_page()
            .with_comment_count()
            .select_related("translation_of__section")
            .prefetch_related(*detail_prefetches())
        )

    def for_page(self):
        """The article page's own row and section. Its cached blocks load
        the rest when they are rendered (`Article.load_detail`)."""
        return self.select_related("section")

    def for_feed(self):
        """What a feed item carries: section, bylines and tags; no body."""
        return self.with_bylines().prefetch_related("tags").defer("body")

    def for_sitemap(self):
        """Just enough for a sitemap entry: URL, title and dates."""
        return self.select_related("section").only(
            "id",
            "slug",
            "title",
            "language",
            "published_at",
            "updated_at",
            "section__slug",
        )

    def for_headlines(self):
        """Just enough for a headline link: no body, no bylines."""
        return (
            self.select_related("section")
            .only(
                "id",
                "title",
                "slug",
                "language",
                "published_at",
                "section__slug",
                "section__name",
            )
            .with_comment_count()
        )

    def for_search_results(self):
        """What a search result shows: title, lead, section and time; no
        bylines, counters or body."""
        return self.select_related("section").only(
            "id",
            "title",
            "slug",
            "lead",
            "language",
            "published_at",
            "section__slug",
            "section__name",
            "section__language",
        )

    def breaking(self):
        """Published articles flagged as breaking news right now."""
        return self.published().filter(breaking_until__gt=timezone.now())

    def flagged_breaking(self):
        """Articles whose breaking flag runs now, public or not; the partial
        index on the flag answers this alone."""
        return self.filter(breaking_until__gt=timezone.now()).order_by(
            "-breaking_until"
        )

    def top_stories(self):
        """The editors' picks for the home page, in their order.

        The few picked ids are read first: joined in SQL, the planners walk
        the whole archive's index to find them (80 ms at 200,000 articles).
        """
        from .desk import HomeSlot  # the desk's models refer to Article

        picked = list(HomeSlot.objects.values_list("article_id", flat=True))
        return (
            self.published()
            .filter(pk__in=picked)
            .order_by("home_slot__position", "-published_at")
        )

    def next_change(self):
        """When published() of these articles next changes by the clock
        alone: a scheduled publication, an embargo's end or an expiry (None
        when none is pending). Each is one step on an index."""
        now = timezone.now()
        published = self.filter(status=Article.Status.PUBLISHED)
        readable = self.filter(
            status__in=[Article.Status.PUBLISHED, Article.Status.ARCHIVED]
        )
        moments = [
            rows.filter(**{f"{field}__gt": now})
            .order_by(field)
            .values_list(field, flat=True)
            .first()
            for field, rows in [
                ("published_at", published),
                ("embargo_until", published),
                ("expires_at", readable),
            ]
        ]
        return min(filter(None, moments), default=None)

    def newest_first(self):
        """Newest publication first; id breaks ties so paging is stable."""
        return self.order_by("-published_at", "-id")

    def published_before(self, moment):
        """Published, before `moment`: one upper bound on published_at."""
        return self.filter(
            public_window(timezone.now(), before=moment),
            status=Article.Status.PUBLISHED,
        )

    def published_between(self, start, end):
        """Published in [start, end): a range the published_at indexes answer."""
        return self.published_before(end).filter(published_at__gte=start)


def detail_prefetches():
    """The related rows the article page shows, for prefetch_related()."""
    versions = Article.objects.select_related("section").only(
        "id", "slug", "language", "status", "published_at", "expires_at",
        "embargo_until", "translation_of_id", "section__slug",
        "section__language",
    )  # fmt: skip
    return [
        models.Prefetch("bylines", queryset=Byline.objects.select_related("author")),
        "tags",
        "corrections",
        models.Prefetch("translations", queryset=versions),
        models.Prefetch("translation_of", queryset=versions),
        models.Prefetch("translation_of__translations", queryset=versions),
    ]


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        ARCHIVED = "archived", _("Archived")

    class CommentsMode(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        AUTO = "auto", _("Close automatically")

    # Fields whose change is an update readers should be told about.
    PUBLIC_FIELDS = frozenset({"title", "lead", "body", "dateline_place", "image"})
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
    image = models.ImageField(
        _("main image"),
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        validators=[validate_image_file],
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_focal_x = models.PositiveSmallIntegerField(
        _("focal point, across (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Where the subject is, from the left edge: 0 to 100. Social "
            "images are cropped around this point."
        ),
    )
    image_focal_y = models.PositiveSmallIntegerField(
        _("focal point, down (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Where the subject is, from the top edge: 0 to 100."),
    )
    image_renditions = models.JSONField(default=dict, blank=True, editable=False)
    image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("credit"), max_length=120, blank=True)
    image_alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
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

    def get_day_archive_url(self):
        """The archive of the local day this article was published on."""
        day = timezone.localtime(self.published_at)
        with override(self.language):
            return reverse(
                "articles:archive_day",
                kwargs={"year": day.year, "month": f"{day:%m}", "day": f"{day:%d}"},
            )

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

    def load_detail(self):
        """Load what the article page shows (bylines, tags, corrections,
        translations) unless it is loaded: its cached blocks call this only
        when they are rendered."""
        models.prefetch_related_objects([self], *detail_prefetches())

    @property
    def edition_versions(self):
        """{language: article} of the readable versions of this article in every
        edition, itself included (uses the prefetches of for_detail())."""
        original = self.translation_of or self
        versions = [original, *original.translations.all()]
        found = {self.language: self}
        for version in versions:
            if version.language not in found and version.is_readable:
                found[version.language] = version
        return {code: found[code] for code in editions.codes() if code in found}

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def state(self):
        """The workflow state: a Status, or "scheduled" for a future time."""
        from .desk import Transition

        if self.is_scheduled:
            return Transition.State.SCHEDULED
        return self.status

    @property
    def state_label(self):
        from .desk import Transition

        return Transition.State(self.state).label

    @property
    def comments_open(self):
        """Whether readers may post now (the article must also be public)."""
        if self.comments_mode == self.CommentsMode.CLOSED:
            return False
        if self.comments_mode == self.CommentsMode.AUTO:
            closes = self.comments_close_at
            return closes is not None and timezone.now() < closes
        return True

    @property
    def comments_close_at(self):
        """When a discussion that closes automatically closes (else None)."""
        if self.comments_mode != self.CommentsMode.AUTO or self.published_at is None:
            return None
        days = timezone.timedelta(days=settings.COMMENTS_AUTO_CLOSE_DAYS)
        return self.published_at + days

    @property
    def was_updated(self):
        return bool(
            self.updated_at
            and self.published_at
            and self.updated_at > self.published_at
        )

    @property
    def word_count(self):
        """Words in the body's text, tags left out."""
        return len(strip_tags(self.body or "").split())

    @property
    def reading_minutes(self):
        """Minutes an average reader needs, at 200 words a minute."""
        return max(1, math.ceil(self.word_count / 200))

    @property
    def byline_authors(self):
        """The authors in the editor's order (uses the bylines prefetch)."""
        return [byline.author for byline in self.bylines.all()]

    def publish(self, *, at=None):
        self.status = self.Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()
        self.save(update_fields=["status", "published_at"])

    def unpublish(self):
        self.status = self.Status.UNPUBLISHED
        self.save(update_fields=["status"])

    def social_image_url(self, ratio="16:9"):
        """Absolute-path URL of the 16:9, 4:3 or 1:1 crop of the main image."""
        found = images.social_image(self, ratio)
        return found[0] if found else None

    def body_with_dateline(self, dateline):
        """The body with `dateline` opening its first paragraph."""
        body = self.body or ""
        if not dateline:
            return mark_safe(body)  # noqa: S308 - sanitized on save
        prefix = format_html('<span class="dateline">{}</span>', dateline)
        if body.startswith("<p>"):
            return mark_safe(f"<p>{prefix}{body[3:]}")  # noqa: S308
        return mark_safe(f"<p>{prefix}</p>{body}")  # noqa: S308


class Byline(models.Model):
    """An author credited on an article, in the order the editor sets."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines"
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


def unique_slug(model, text, *, max_length):
    """A slug from `text` that no row of `model` uses yet (adds -2, -3, ...)."""
    base = slugify_title(text)[: max_length - 8].strip("-") or "item"
    taken = set(
        model.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
