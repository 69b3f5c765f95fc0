import operator
from datetime import UTC, date, datetime, time, timedelta
from functools import reduce

from django.conf import settings
from django.db import connection
from django.db.models import Case, Q, Subquery, Value, When
from django.http import Http404
from django.utils import timezone
from taggit.models import TaggedItem

from .models import Article, Section, TagListing


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


def related_articles(*, article, limit=4, section_pool=50, tag_pool=50, max_tags=8):
    """Up to `limit` published articles sharing tags or the section with
    `article`: most shared tags first, then newest.

    Candidates are the section's newest `section_pool` and, for each of the
    article's tags (up to `max_tags`), that tag's newest `tag_pool`, read
    from its listing (TagListing): an index walk of a bounded length per
    tag, so a tag of a thousand articles costs what a tag of ten does
    (issue 9). Counted over taggit's table, the shared tags grew with the
    archive.
    """
    in_edition = Article.objects.published().in_edition(article.language)
    shared = dict.fromkeys(
        in_edition.filter(section_id=article.section_id)
        .exclude(pk=article.pk)
        .newest_first()
        .values_list("id", flat=True)[:section_pool],
        0,
    )
    for pk in _newest_of_each_tag(article, tag_pool, max_tags):
        shared[pk] = shared.get(pk, 0) + 1
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


def _newest_of_each_tag(article, per_tag, max_tags):
    """The ids of the newest `per_tag` public articles of `article`'s edition
    under each of its first `max_tags` tags, `article` left out: an id once
    per tag it shares. One query of a LIMIT leg per tag, each wrapped in a
    subquery (SQLite takes no LIMIT in a compound query's own legs); leg `i`
    finds the article's `i`-th tag itself, so the number of queries does not
    depend on the number of tags."""
    article_tags = (
        TaggedItem.objects.filter(
            content_type__app_label="articles",
            content_type__model="article",
            object_id=article.pk,
        )
        .order_by("tag_id")
        .values("tag_id")
    )
    legs = [
        TagListing.objects.filter(tag_id=Subquery(article_tags[i : i + 1]))
        .published()
        .in_edition(article.language)
        .exclude(article_id=article.pk)
        .newest_first()
        .values_list("article_id", flat=True)[:per_tag]
        .query.sql_with_params()
        for i in range(max_tags)
    ]
    sql = " UNION ALL ".join(
        f"SELECT leg{i}.article_id FROM ({leg_sql}) leg{i}"
        for i, (leg_sql, _params) in enumerate(legs)
    )
    params = [p for _sql, leg_params in legs for p in leg_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def newsfeed_page(*, before=None, limit=None):
    """One page of the newsfeed older than the cursor `before` (published_at, id).

    Returns (articles, next_cursor); next_cursor is None on the last page.
    Keyset paging keeps the reader's place while new articles arrive.
    """
    limit = limit or settings.NEWSFEED_SIZE
    articles = (
        Article.objects.published()
        .in_edition()
        .for_headlines()
        .with_live_update()
        .newest_first()
    )
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
