import operator
from datetime import UTC, date, datetime, time, timedelta
from functools import reduce

from django.conf import settings
from django.db import connection
from django.db.models import Case, Count, Q, Value, When
from django.http import Http404
from django.utils import timezone
from taggit.models import TaggedItem

from .models import Article, Section


def latest_per_section(*, per_section=3, exclude_ids=()):
    """The newest published articles of each active section, in one query.

    Returns [(section, [article, ...]), ...] in masthead order. Each section
    is a `LIMIT n` leg that its index answers, so the cost does not grow with
    the archive. PostgreSQL joins the legs with UNION ALL; SQLite, which
    allows no LIMIT inside a compound query, ORs `id IN (leg)` conditions
    (with a hashed subplan per leg, PostgreSQL would scan the whole table).
    """
    sections = list(Section.objects.active().in_edition())
    legs = [
        Article.objects.published()
        .in_edition()
        .filter(section=section)
        .exclude(id__in=exclude_ids)
        .newest_first()
        .values("id")[:per_section]
        for section in sections
    ]
    if not legs:
        return []
    if connection.features.supports_slicing_ordering_in_compound:
        latest = Q(id__in=legs[0].union(*legs[1:], all=True))
    else:
        latest = reduce(operator.or_, (Q(id__in=leg) for leg in legs))
    by_section = {section.id: [] for section in sections}
    for article in Article.objects.filter(latest).for_listing().newest_first():
        by_section[article.section_id].append(article)
    return [
        (section, by_section[section.id])
        for section in sections
        if by_section[section.id]
    ]


def related_articles(*, article, limit=4, section_pool=50, tag_pool=200):
    """Up to `limit` published articles sharing tags or the section with
    `article`: most shared tags first, then newest.

    Candidates are the section's newest `section_pool` and the `tag_pool`
    articles sharing most tags. Shared tags are counted on taggit's table
    alone: joining it from articles casts its object_id, which keeps
    PostgreSQL off its index (2 s on a million articles).
    """
    in_edition = Article.objects.published().in_edition(article.language)
    shared = dict.fromkeys(
        in_edition.filter(section_id=article.section_id)
        .exclude(pk=article.pk)
        .newest_first()
        .values_list("id", flat=True)[:section_pool],
        0,
    )
    article_tags = TaggedItem.objects.filter(
        content_type__app_label="articles",
        content_type__model="article",
    )
    counts = (
        article_tags.filter(
            tag_id__in=article_tags.filter(object_id=article.pk).values("tag_id")
        )
        .exclude(object_id=article.pk)
        .values("object_id")
        .annotate(n=Count("id"))
        .order_by("-n", "-object_id")[:tag_pool]
    )
    shared.update((row["object_id"], row["n"]) for row in counts)
    # Ranked in SQL, so only `limit` rows are read whole: a CASE gives each
    # candidate its number of shared tags (one branch per distinct number).
    by_count = {}
    for pk, n in shared.items():
        by_count.setdefault(n, []).append(pk)
    n_shared = Case(
        *(When(id__in=pks, then=Value(n)) for n, pks in by_count.items()),
        default=Value(0),
    )
    return list(
        in_edition.filter(id__in=shared)
        .for_listing()
        .alias(n_shared=n_shared)
        .order_by("-n_shared", "-published_at", "-id")[:limit]
    )


def newsfeed_page(*, before=None, limit=None):
    """One page of the newsfeed older than the cursor `before` (published_at, id).

    Returns (articles, next_cursor); next_cursor is None on the last page.
    Keyset paging keeps the reader's place while new articles arrive.
    """
    limit = limit or settings.NEWSFEED_SIZE
    articles = Article.objects.published().in_edition().for_headlines().newest_first()
    if before is not None:
        published_at, pk = before
        articles = articles.filter(
            Q(published_at__lt=published_at) | Q(published_at=published_at, id__lt=pk)
        )
    rows = list(articles[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1])


def encode_cursor(article):
    """The newsfeed cursor just past `article`, safe to put in a URL."""
    return f"{article.published_at.timestamp():.6f}_{article.id}"


def decode_cursor(value):
    """(published_at, id) from a cursor, or None for anything malformed."""
    try:
        stamp, pk = (value or "").split("_", 1)
        published_at = datetime.fromtimestamp(float(stamp), tz=UTC)
        return published_at, int(pk)
    except (ValueError, OverflowError, OSError):
        return None


# Archive pages exist for these years only: a typo'd year is a 404, and far-off
# years overflow datetime arithmetic.
ARCHIVE_YEARS = range(1900, 3000)


def archive_period(year, month, day=None):
    """(start, end, first_day) of a local day or month; Http404 if impossible."""
    if year not in ARCHIVE_YEARS:
        raise Http404("No such date.")
    try:
        first_day = date(year, month, day or 1)
    except (ValueError, OverflowError) as exc:
        raise Http404("No such date.") from exc
    if day is None:
        last_day = (first_day + timedelta(days=31)).replace(day=1)
    else:
        last_day = first_day + timedelta(days=1)
    return start_of_day(first_day), start_of_day(last_day), first_day


def start_of_day(day):
    """Midnight at the start of `day` in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def archive_neighbours(*, start, end):
    """Local times of the nearest published articles before `start` and from
    `end` on (None where there is none), for previous/next archive links."""
    before = (
        Article.objects.published_before(start)
        .in_edition()
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    after = (
        Article.objects.published()
        .in_edition()
        .filter(published_at__gte=end)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return (
        timezone.localtime(before) if before else None,
        timezone.localtime(after) if after else None,
    )
