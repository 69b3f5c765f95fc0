"""Datelines at the start of agency copy.

Formats handled (each has a test in tests/desk/test_wire.py):

1. ``BRUSSELS, January 26 (RIA Novosti) - text``  place, full month, source
2. ``MOSCOW (Sputnik) - text``                    place and source, no date
3. ``WASHINGTON, Jan 26 (Reuters) - text``        abbreviated month
4. ``LONDON, Jan. 26 (AP) — text``                month with a dot; em dash
5. ``PARIS, 26 January (AFP) – text``             day first; en dash
6. ``BERLIN, Feb 3 (dpa) -- text``                two hyphens
7. ``NEW YORK, March 5 (Reuters) - text``         place of several words
8. ``ST. PETERSBURG (RIA Novosti) - text``        place with a dot
9. ``ULAN-UDE, Sept 9 - text``                    hyphenated place, no source
10. ``МОСКВА, 26 января (РИА Новости) - text``     Russian place and month

A place alone (``NATO - text``) is not a dateline: a date or a source must
follow it, so an acronym opening a sentence is left alone.
"""

import re
from datetime import date

from django.utils import timezone

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}

UPPER = "A-ZА-ЯЁ"
WORD = rf"[{UPPER}][{UPPER}.'\-]*"
MONTH = r"[^\W\d_]{3,9}\.?"
DATELINE = re.compile(
    rf"""^\s*
    (?P<place>{WORD}(?:\ {WORD}){{0,3}})
    (?:,\s*(?:(?P<month1>{MONTH})\s+(?P<day1>\d{{1,2}})
            |(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH})))?
    (?:\s*\((?P<source>[^()\n]{{2,40}})\))?
    \s*(?:--|[-–—])\s+
    """,
    re.VERBOSE,
)
SMALL_WORDS = {"De", "Da", "Do", "La", "Le", "Du", "Of", "On", "Am", "Del"}


def _place(text):
    words = text.title().split(" ")
    return " ".join(
        w.lower() if i and w in SMALL_WORDS else w for i, w in enumerate(words)
    )


def _date(month_name, day, today):
    month = MONTHS.get(month_name.rstrip(".").lower())
    if month is None:
        return False
    try:
        found = date(today.year, month, int(day))
    except ValueError:
        return False
    # Copy is never dated ahead (a day's leeway for time zones): a later
    # day of the year means last year, e.g. December copy read in January.
    if (found - today).days > 1:
        found = found.replace(year=today.year - 1)
    return found


def parse_wire_dateline(text, *, today=None):
    """(place, date or None, source, rest) from copy opening with a dateline.

    Returns ("", None, "", text) when the text does not start with one.
    """
    match = DATELINE.match(text or "")
    if match is None:
        return "", None, "", text
    month = match["month1"] or match["month2"]
    day = match["day1"] or match["day2"]
    source = (match["source"] or "").strip()
    when = None
    if month:
        when = _date(month, day, today or timezone.localdate())
        if when is False:
            return "", None, "", text
    if when is None and not source:
        return "", None, "", text
    return _place(match["place"]), when, source, text[match.end() :]


def split_body_dateline(body, *, today=None):
    """parse_wire_dateline() for a body that may open with <p>."""
    opening = re.match(r"\s*<p[^>]*>", body or "")
    prefix = opening.group(0) if opening else ""
    place, when, source, rest = parse_wire_dateline(
        (body or "")[len(prefix) :], today=today
    )
    if not place:
        return "", None, "", body
    return place, when, source, prefix + rest
