from django.db import models
from django.utils import timezone

from .. import editions
from .articles import Article
from .queries import public_window


class TagListingQuerySet(models.QuerySet):
    def published(self):
        """Entries of articles the public may see (ArticleQuerySet.published())."""
        return self.filter(
            public_window(timezone.now()), status=Article.Status.PUBLISHED
        )

    def in_edition(self, language=None):
        """Entries of the edition `language` (default: the page's edition)."""
        return self.filter(language=language or editions.current())

    def newest_first(self):
        """In the articles' newest_first() order."""
        return self.order_by("-published_at", "-article_id")

    def article_ids(self):
        """The entries' article ids, as a subquery for `id__in`."""
        return self.values_list("article_id", flat=True)


class TagListing(models.Model):
    """A tagged article in its tag's listing, with the article's listing keys
    copied, so that a tag page walks one index of its own, newest first, on
    any archive (issue 9): joined through taggit's table, a tag of a thousand
    articles costs a thousand lookups. Database triggers keep the copies
    (articles/tag_listing.py); no Python code writes them."""

    # The listing index leads with the tag; taggit's own unique constraint
    # keeps one entry per tag and article.
    tag = models.ForeignKey(
        "taggit.Tag", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=7)
    status = models.CharField(max_length=12)
    published_at = models.DateTimeField(null=True)
    expires_at = models.DateTimeField(null=True)
    embargo_until = models.DateTimeField(null=True)

    objects = TagListingQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=[
                    "tag",
                    "language",
                    "status",
                    "-published_at",
                    "-article",
                    "expires_at",
                    "embargo_until",
                ],
                name="taglisting_newest_idx",
            )
        ]

    def __str__(self):
        return f"{self.tag_id}: {self.article_id}"
