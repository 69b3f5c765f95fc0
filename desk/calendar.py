"""The editors' calendar: what is published or scheduled, and what expires,
day by day in one month."""

import calendar
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from articles.models import Article


def parse_month(value):
    """date(year, month, 1) from "2009-01"; this month for anything else."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        # Far years would overflow the month arithmetic.
        if 1900 <= year <= 2999:
            return date(year, month, 1)
    except (TypeError, ValueError):
        pass
    return timezone.localdate().replace(day=1)


def month_bounds(first):
    """Aware datetimes [start, end) of the month starting `first`."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    start = timezone.make_aware(datetime.combine(first, time.min))
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min))
    return start, end


def month_agenda(*, articles, first):
    """[(day, [(kind, time, article), ...]), ...] for days with anything on.

    `articles` is the queryset the user may see; two queries in all.
    """
    start, end = month_bounds(first)
    base = articles.select_related("section").defer("body")
    events = defaultdict(list)
    now = timezone.now()
    appearing = base.filter(
        status=Article.Status.PUBLISHED, published_at__gte=start, published_at__lt=end
    )
    for article in appearing:
        kind = "scheduled" if article.published_at > now else "published"
        events[timezone.localdate(article.published_at)].append(
            (kind, article.published_at, article)
        )
    expiring = base.filter(
        status__in=[Article.Status.PUBLISHED, Article.Status.ARCHIVED],
        expires_at__gte=start,
        expires_at__lt=end,
    )
    for article in expiring:
        events[timezone.localdate(article.expires_at)].append(
            ("expires", article.expires_at, article)
        )
    return [
        (day, sorted(events[day], key=lambda event: event[1])) for day in sorted(events)
    ]


def neighbour_months(first):
    """(previous, next) first days of the months around `first`."""
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return previous, following
