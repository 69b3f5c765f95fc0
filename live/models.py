from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LiveStory(models.Model):
    """An article covered as a live story: it takes timestamped posts until
    an editor closes it."""

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="live_story",
    )
    started_at = models.DateTimeField(
        _("coverage starts"),
        default=timezone.now,
        help_text=_("When the live coverage began (coverageStartTime)."),
    )
    closed_at = models.DateTimeField(
        _("coverage ended"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("live story")
        verbose_name_plural = _("live stories")

    def __str__(self):
        return str(self.article)

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    @property
    def is_closed(self):
        return self.closed_at is not None

    @property
    def group_name(self):
        """The channel-layer group of the story's open pages."""
        return f"live.{self.pk}"

    @property
    def socket_path(self):
        return f"/ws/live/{self.pk}/"


class LivePostQuerySet(models.QuerySet):
    def newest_first(self):
        """Posts as readers see them: newest first (the story's index)."""
        return self.order_by("-posted_at", "-id")

    def for_display(self):
        """With the author and library image a post shows, so a page of posts
        is one query."""
        return self.select_related("author", "image")


class LivePost(models.Model):
    """One timestamped update of a live story."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        IMAGE = "image", _("Image")
        QUOTE = "quote", _("Quote")
        LINK = "link", _("Link")

    story = models.ForeignKey(
        LiveStory,
        verbose_name=_("live story"),
        on_delete=models.CASCADE,
        related_name="posts",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind, default=Kind.TEXT)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "The update; for a quote, the words quoted; for an image or a "
            "link, an optional comment."
        ),
    )
    quote_author = models.CharField(_("quote author"), max_length=200, blank=True)
    link_url = models.URLField(_("link"), max_length=500, blank=True)
    link_title = models.CharField(_("link title"), max_length=200, blank=True)
    image = models.ForeignKey(
        "mediabank.Image",
        verbose_name=_("image"),
        # A library image shown in a post cannot be deleted until the post
        # stops using it: SET_NULL would leave an image post with none.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="live_posts",
        help_text=_(
            "A picture from the image library; its alt text, caption and "
            "credit are the library's."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    posted_at = models.DateTimeField(_("posted at"), default=timezone.now)
    edited_at = models.DateTimeField(
        _("edited at"), null=True, blank=True, editable=False
    )

    objects = LivePostQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_at", "-id"]
        verbose_name = _("live post")
        verbose_name_plural = _("live posts")
        indexes = [
            models.Index(fields=["story", "-posted_at", "-id"], name="live_post_idx")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.posted_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return f"{self.story.get_absolute_url()}#post-{self.pk}"

    @property
    def anchor(self):
        return f"post-{self.pk}"

    def clean(self):
        required = {
            self.Kind.TEXT: ["body"],
            self.Kind.QUOTE: ["body"],
            self.Kind.LINK: ["link_url"],
            # Its alt text is the library image's, which requires it.
            self.Kind.IMAGE: ["image"],
        }.get(self.kind, [])
        missing = {
            name: ValidationError(
                _("A post of this kind needs this field."), code="required"
            )
            for name in required
            if not getattr(self, self._meta.get_field(name).attname)
        }
        if missing:
            raise ValidationError(missing)
