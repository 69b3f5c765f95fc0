"""Which articles may be read, and how to fetch them: the QuerySet rules."""

from django.db import models
from django.db.models import Case, Count, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from .. import editions

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
            public_window(timezone.now()), status=self.model.Status.PUBLISHED
        )

    def readable(self):
        """Articles whose own page answers: the published, plus the archived
        (kept at their address, but out of every list and feed)."""
        return self.filter(
            public_window(timezone.now()),
            status__in=[self.model.Status.PUBLISHED, self.model.Status.ARCHIVED],
        )

    def gone(self):
        """Articles that were public and were taken down or expired: 410."""
        now = timezone.now()
        was_public = Q(published_at__lte=now) & (
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now)
        )
        taken_down = Q(status=self.model.Status.UNPUBLISHED) | Q(
            status__in=[self.model.Status.PUBLISHED, self.model.Status.ARCHIVED],
            expires_at__lte=now,
        )
        return self.filter(was_public & taken_down)

    def in_edition(self, language=None):
        """Articles of the edition `language` (default: the page's edition)."""
        return self.filter(language=language or editions.current())

    def scheduled(self):
        """Published with a time still to come."""
        return self.filter(
            status=self.model.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def with_bylines(self):
        """Section and bylines (with their authors) in two queries."""
        bylines = byline_model(self.model).objects.select_related("author")
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
        return (
            self.with_bylines()
            .with_comment_count()
            .select_related("image")
            .defer("body")
        )

    def for_detail(self):
        """What the article page renders: section, bylines, tags, corrections,
        the comment count and the translations in other editions."""
        return (
            self.for_page()
            .with_comment_count()
            .select_related("translation_of__section")
            .prefetch_related(*detail_prefetches(self.model))
        )

    def for_page(self):
        """The article page's own row, section and main image (its credit
        and alt text are the library's). Its cached blocks load
        the rest when they are rendered (`Article.load_detail`)."""
        return self.select_related("section", "image")

    def for_feed(self):
        """What a feed item carries: section, bylines, tags and the main
        image; no body."""
        return (
            self.with_bylines()
            .select_related("image")
            .prefetch_related("tags")
            .defer("body")
        )

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

    def with_live_update(self):
        """Live stories (live/models.py, the one-to-one `live_story`) get
        `live_updated_at`, when a post last changed them, and `is_live` while
        their coverage runs; other articles None and False. One join."""
        return self.annotate(
            live_updated_at=Case(
                When(
                    live_story__isnull=False,
                    then=Coalesce("updated_at", "published_at"),
                ),
            ),
            is_live=Case(
                When(
                    live_story__isnull=False,
                    live_story__closed_at__isnull=True,
                    then=Value(True),
                ),
                default=Value(False),
            ),
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
        slots = self.model._meta.get_field("home_slot").related_model
        picked = list(slots.objects.values_list("article_id", flat=True))
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
        published = self.filter(status=self.model.Status.PUBLISHED)
        readable = self.filter(
            status__in=[self.model.Status.PUBLISHED, self.model.Status.ARCHIVED]
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
            status=self.model.Status.PUBLISHED,
        )

    def published_between(self, start, end):
        """Published in [start, end): a range the published_at indexes answer."""
        return self.published_before(end).filter(published_at__gte=start)


def byline_model(model):
    return model._meta.get_field("bylines").related_model


def detail_prefetches(model):
    """The related rows the article page shows, for prefetch_related()."""
    bylines = byline_model(model).objects.select_related("author")
    versions = model.objects.select_related("section").only(
        "id",
        "slug",
        "language",
        "status",
        "published_at",
        "expires_at",
        "embargo_until",
        "translation_of_id",
        "section__slug",
        "section__language",
    )
    return [
        models.Prefetch("bylines", queryset=bylines),
        "tags",
        "corrections",
        models.Prefetch("translations", queryset=versions),
        models.Prefetch("translation_of", queryset=versions),
        models.Prefetch("translation_of__translations", queryset=versions),
    ]
