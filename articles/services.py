from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from .models import Article, Section


def latest_per_section(*, per_section=3, exclude_ids=()):
    """The newest published articles of each active section, in one query.

    Returns [(section, [article, ...]), ...] in masthead order. Each section
    adds an `id IN (... LIMIT n)` leg that its index answers, so the cost
    does not grow with the archive.
    """
    sections = list(Section.objects.active().in_edition())
    legs = Q()
    for section in sections:
        latest = (
            Article.objects.published()
            .in_edition()
            .filter(section=section)
            .exclude(id__in=exclude_ids)
            .newest_first()
            .values("id")[:per_section]
        )
        legs |= Q(id__in=latest)
    if not legs:
        return []
    by_section = {section.id: [] for section in sections}
    for article in Article.objects.filter(legs).for_listing().newest_first():
        by_section[article.section_id].append(article)
    return [
        (section, by_section[section.id])
        for section in sections
        if by_section[section.id]
    ]


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
    published = Article.objects.published().in_edition()
    before = (
        published.filter(published_at__lt=start)
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    after = (
        published.filter(published_at__gte=end)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return (
        timezone.localtime(before) if before else None,
        timezone.localtime(after) if after else None,
    )
