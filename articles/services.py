from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Q

from .models import Article, Section


def latest_per_section(*, per_section=3, exclude_ids=()):
    """The newest published articles of each active section, in one query.

    Returns [(section, [article, ...]), ...] in masthead order. Each section
    adds an `id IN (... LIMIT n)` leg that its index answers, so the cost
    does not grow with the archive.
    """
    sections = list(Section.objects.active())
    legs = Q()
    for section in sections:
        latest = (
            Article.objects.published()
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
    articles = Article.objects.published().for_headlines().newest_first()
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
