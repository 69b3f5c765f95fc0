"""What the reader pages show of an article, beside its fields: dates,
reading time, the discussion's state, editions, the dateline, images."""

import math

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import override

from .. import editions, images
from .queries import detail_prefetches


class ArticleReading:
    """Article's display-only values; the model mixes them in."""

    def get_day_archive_url(self):
        """The archive of the local day this article was published on."""
        day = timezone.localtime(self.published_at)
        with override(self.language):
            return reverse(
                "articles:archive_day",
                kwargs={"year": day.year, "month": f"{day:%m}", "day": f"{day:%d}"},
            )

    def load_detail(self):
        """Load what the article page shows (bylines, tags, corrections,
        translations) unless it is loaded: its cached blocks call this only
        when they are rendered."""
        models.prefetch_related_objects([self], *detail_prefetches(type(self)))

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

    @property
    def image_caption_shown(self):
        """This story's caption of its main image, else the library's."""
        if self.image_caption or self.image is None:
            return self.image_caption
        return self.image.caption

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
