"""The image library: each picture once, with its credit, reused by
articles (main image, galleries) and authors (photo)."""

import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from articles.validators import validate_image_file

EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


def library_upload_to(instance, filename):
    """An unguessable name: the original's URL is public (og:image, feeds),
    and neighbouring uploads must not be found by counting."""
    extension = PurePath(filename).suffix.lower()
    if extension not in EXTENSIONS:
        extension = ".jpg"
    now = timezone.now()
    return f"library/{now:%Y/%m}/{secrets.token_urlsafe(18)}{extension}"


class LibraryTag(TagBase):
    """A keyword for finding images in the library; never a public tag
    page (those list taggit's own Tag)."""

    class Meta:
        verbose_name = _("library tag")
        verbose_name_plural = _("library tags")


class TaggedImage(TaggedItemBase):
    content_object = models.ForeignKey("Image", on_delete=models.CASCADE)
    tag = models.ForeignKey(
        LibraryTag, on_delete=models.CASCADE, related_name="tagged_images"
    )

    class Meta:
        unique_together = [("content_object", "tag")]


class ImageQuerySet(models.QuerySet):
    def search(self, query):
        """Images whose title, caption, credit, holder or tags match every
        word of `query`."""
        rows = self
        for word in (query or "").split()[:8]:
            rows = rows.filter(
                Q(title__icontains=word)
                | Q(caption__icontains=word)
                | Q(photographer__icontains=word)
                | Q(copyright_holder__icontains=word)
                | Q(tags__name__icontains=word)
            )
        return rows.distinct() if query else rows

    def newest_first(self):
        """Newest upload first; id breaks ties."""
        return self.order_by("-uploaded_at", "-id")

    def with_use_count(self):
        """Each image's `uses`: the stories showing it as their main image,
        in their gallery or in a live post, each story once. A subquery per
        row of the same query (on the three foreign keys' indexes), so a list
        costs one query."""
        article_model = self.model._meta.get_field("articles").related_model
        stories = (
            article_model._base_manager.filter(
                Q(image=OuterRef("pk"))
                | Q(gallery_items__image=OuterRef("pk"))
                | Q(live_story__posts__image=OuterRef("pk"))
            )
            .order_by()
            .annotate(group=Value(1))
            .values("group")
            .annotate(n=Count("pk", distinct=True))
            .values("n")
        )
        return self.annotate(uses=Coalesce(Subquery(stories), 0))


class Image(models.Model):
    file = models.ImageField(
        _("image file"),
        upload_to=library_upload_to,
        width_field="width",
        height_field="height",
        validators=[validate_image_file],
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("For finding the image in the library; readers do not see it."),
    )
    alt = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the image unless a story gives its own."),
    )
    photographer = models.CharField(
        _("photographer"),
        max_length=120,
        blank=True,
        help_text=_("Who took the picture, e.g. Ivan Petrov."),
    )
    copyright_holder = models.CharField(
        _("copyright holder"),
        max_length=120,
        blank=True,
        help_text=_("Who owns the rights, e.g. Sputnik. Shown as “© holder”."),
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the picture came from: an agency, a reader, a handout."),
    )
    focal_x = models.PositiveSmallIntegerField(
        _("focal point, across (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Where the subject is, from the left edge: 0 to 100. Social "
            "images are cropped around this point."
        ),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point, down (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Where the subject is, from the top edge: 0 to 100."),
    )
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    tags = TaggableManager(
        _("library tags"),
        through=TaggedImage,
        blank=True,
        help_text=_("Keywords for the library's search; not shown to readers."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(
        _("uploaded at"), default=timezone.now, editable=False
    )

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        indexes = [models.Index(fields=["-uploaded_at", "-id"], name="image_new_idx")]

    def __str__(self):
        return self.title

    @property
    def credit(self):
        """“© holder / photographer”, either alone, or empty."""
        names = [name for name in (self.copyright_holder, self.photographer) if name]
        return f"© {' / '.join(names)}" if names else ""

    @property
    def mediabank_url(self):
        """The image's page in the media bank, when MEDIABANK_URL_TEMPLATE
        names one (else empty)."""
        template = settings.MEDIABANK_URL_TEMPLATE
        return template.format(id=self.pk) if template and self.pk else ""


class GalleryItemQuerySet(models.QuerySet):
    def for_gallery(self):
        """The items in the editor's order with their images: one query
        whatever their number."""
        return self.select_related("image").order_by("position", "id")


class GalleryItem(models.Model):
    """One library image in an article's gallery, with this story's
    caption."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="gallery_items",
    )
    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="gallery_items",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("This story's caption; empty: the library caption."),
    )

    objects = GalleryItemQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery")
        indexes = [
            models.Index(fields=["article", "position", "id"], name="gallery_order_idx")
        ]

    def __str__(self):
        return self.image.title

    @property
    def caption_shown(self):
        return self.caption or self.image.caption
