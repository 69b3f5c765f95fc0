from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from . import images
from .sanitize import clean_body
from .validators import validate_image_file

# First path segments of the site's own pages (articles/urls.py, newsroom/urls.py)
# that a section's slug must not take.
RESERVED_SLUGS = frozenset(
    """accounts admin archive authors comments feeds media newsfeed preview search
    static subscriptions tags en ru""".split()
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


class Section(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, validators=[validate_section_slug]
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

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})


class AuthorQuerySet(models.QuerySet):
    def with_published_articles(self):
        """Authors credited on at least one article the public may see."""
        bylines = Byline.objects.filter(article__in=Article.objects.published())
        return self.filter(pk__in=bylines.values("author_id"))


class Author(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    bio = models.TextField(_("short bio"), blank=True)
    photo = models.ImageField(
        _("photo"), upload_to="authors/", blank=True, validators=[validate_image_file]
    )
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles the public may see: published, and not scheduled for later."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
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
        """What the article page renders: section, bylines, tags, comment count."""
        return self.with_bylines().with_comment_count().prefetch_related("tags")

    def for_feed(self):
        """What a feed item carries: section, bylines and tags; no body."""
        return self.with_bylines().prefetch_related("tags").defer("body")

    def for_sitemap(self):
        """Just enough for a sitemap entry: URL, title and dates."""
        return self.select_related("section").only(
            "id", "slug", "title", "published_at", "updated_at", "section__slug"
        )

    def for_headlines(self):
        """Just enough for a headline link: no body, no bylines."""
        return (
            self.select_related("section")
            .only(
                "id", "title", "slug", "published_at", "section__slug", "section__name"
            )
            .with_comment_count()
        )

    def newest_first(self):
        """Newest publication first; id breaks ties so paging is stable."""
        return self.order_by("-published_at", "-id")

    def related_to(self, article, *, limit=4, section_pool=50):
        """Published articles sharing tags or the section with `article`, most
        shared tags first, then newest; one query whatever the tag count.

        Uses `article.tags.all()`, prefetched by for_detail(). Candidates are
        the articles with a shared tag plus the section's newest
        `section_pool`, so the grouping never spans a whole section.
        """
        tag_ids = [tag.id for tag in article.tags.all()]
        section_latest = (
            Article.objects.published()
            .filter(section_id=article.section_id)
            .exclude(pk=article.pk)
            .newest_first()
            .values("id")[:section_pool]
        )
        related = self.published().exclude(pk=article.pk)
        if tag_ids:
            related = related.filter(
                Q(id__in=section_latest) | Q(tags__id__in=tag_ids)
            ).annotate(
                shared_tags=models.Count(
                    "tags", filter=Q(tags__id__in=tag_ids), distinct=True
                )
            )
        else:
            related = related.filter(id__in=section_latest).annotate(
                shared_tags=models.Value(0)
            )
        return related.order_by("-shared_tags", "-published_at", "-id")[:limit]

    def published_between(self, start, end):
        """Published in [start, end): a range the published_at indexes answer."""
        return self.published().filter(published_at__gte=start, published_at__lt=end)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class CommentsMode(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        AUTO = "auto", _("Close automatically")

    # Fields whose change is an update readers should be told about.
    PUBLIC_FIELDS = frozenset({"title", "lead", "body", "dateline_place", "image"})

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
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
        _("status"), max_length=10, choices=Status, default=Status.DRAFT
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
            models.Index(
                fields=["section", "status", "-published_at", "-id"],
                name="article_section_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="article_published_has_time",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_body(self.body)
        if not self.slug:
            self.slug = unique_slug(Article, self.title, max_length=200)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "articles:detail", kwargs={"section": self.section.slug, "slug": self.slug}
        )

    def get_day_archive_url(self):
        """The archive of the local day this article was published on."""
        day = timezone.localtime(self.published_at)
        return reverse(
            "articles:archive_day",
            kwargs={"year": day.year, "month": f"{day:%m}", "day": f"{day:%d}"},
        )

    @property
    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and not self.is_published

    @property
    def comments_open(self):
        """Whether readers may post now (the article must also be public)."""
        if self.comments_mode == self.CommentsMode.CLOSED:
            return False
        if self.comments_mode == self.CommentsMode.AUTO:
            days = timezone.timedelta(days=settings.COMMENTS_AUTO_CLOSE_DAYS)
            return (
                self.published_at is not None
                and timezone.now() < self.published_at + days
            )
        return True

    @property
    def was_updated(self):
        return bool(
            self.updated_at
            and self.published_at
            and self.updated_at > self.published_at
        )

    @property
    def byline_authors(self):
        """The authors in the editor's order (uses the bylines prefetch)."""
        return [byline.author for byline in self.bylines.all()]

    def publish(self, *, at=None):
        self.status = self.Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()
        self.save(update_fields=["status", "published_at"])

    def unpublish(self):
        self.status = self.Status.DRAFT
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
    base = slugify(text, allow_unicode=False)[: max_length - 8].strip("-") or "item"
    taken = set(
        model.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
