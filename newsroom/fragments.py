"""Shared fragments: blocks that many pages show (the masthead menu, the
banner, the newsfeed sidebar, teaser cards, an article's own text), kept in
the default cache and fresh by content versions (newsroom/freshness.py).

An entry holds the HTML, the versions of the content keys its rendering
registered with `freshness.depend()`, and the moment it changes by itself
(`freshness.not_after()`: a scheduled publication, the end of a banner).
It is served while every key still has its version and that moment has not
come; otherwise the block is rendered again and the entry replaced. No
lifetime decides freshness: `FRAGMENT_CACHE_TIMEOUT` only lets entries that
nobody asks for any more leave the cache.

The race that matters: a block rendered from rows that a write changed
after they were read, stored under the versions bumped by that write, would
stay stale. So the version clock is read when the request starts, before
the view reads any row (`RenderClockMiddleware`), and an entry is stored
only if none of its keys is newer than that.

Hits and misses both tell the page being rendered what the block showed,
so a page cache around them knows it too. The fragment cache stays on when
the page cache is off (`DJANGO_PAGE_CACHE=0`); a cache or version store that
does not answer means rendering the block, never an error.
"""

import contextvars
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from . import freshness

log = logging.getLogger(__name__)

_request_clock = contextvars.ContextVar("fragments_request_clock", default=None)


class RenderClockMiddleware:
    """Reads the version clock before the view reads any row (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_clock.set(freshness.clock())
        try:
            return self.get_response(request)
        finally:
            _request_clock.reset(token)


def cache_key(name, *parts):
    """The cache key of fragment `name` for `parts`, in the active language."""
    identity = "\x1f".join(map(str, (translation.get_language(), *parts)))
    return f"fragment:{name}:{hashlib.md5(identity.encode()).hexdigest()}"


def cached(key, render):
    """The HTML of `render()`, served from the cache while what it showed is
    unchanged; `key` comes from `cache_key()`."""
    return cached_many([(key, render)])[0]


def cached_many(blocks):
    """The HTML of each (key, render) in `blocks`, in order, with one cache
    round trip and one version read for the hits."""
    if not settings.FRAGMENT_CACHE:
        return [render() for _key, render in blocks]
    entries = _get_many([key for key, _render in blocks])
    fresh = _fresh(entries)
    found, store = [], {}
    for key, render in blocks:
        if key in fresh:
            found.append(fresh[key])
            continue
        html, entry = _render(render)
        found.append(html)
        if entry is not None:
            store[key] = entry
    if store:
        _set_many(store)
    return found


def _fresh(entries):
    """{key: html} of the entries still fresh; tells the page their keys."""
    shown = sorted(
        {k for versions, _until, _html in entries.values() for k in versions}
    )
    current = freshness.depend(*shown)
    if current is None:
        return {}
    current = dict(zip(shown, current, strict=True))
    now = timezone.now()
    fresh = {}
    for key, (versions, until, html) in entries.items():
        if all(current[k] == v for k, v in versions.items()) and (
            until is None or now < until
        ):
            freshness.not_after(until)
            fresh[key] = html
    return fresh


def _render(render):
    """(html, entry to store or None) of one rendering."""
    with freshness.collect() as shown:
        html = render()
    keys = sorted(shown.keys)
    versions = freshness.depend(*keys)
    freshness.not_after(shown.until)
    started = _request_clock.get()
    if started is None:
        started = shown.started
    if (
        not keys
        or versions is None
        or started is None
        or any(v > started for v in versions)
        or (shown.until is not None and shown.until <= timezone.now())
    ):
        return html, None
    return html, (dict(zip(keys, versions, strict=True)), shown.until, html)


def _get_many(keys):
    try:
        return cache.get_many(keys)
    except Exception:
        # Any backend error (a Redis timeout, a refused connection) means
        # rendering the blocks, never a failed page.
        log.warning("Fragment cache unavailable.", exc_info=True)
        return {}


def _set_many(entries):
    try:
        cache.set_many(entries, timeout=settings.FRAGMENT_CACHE_TIMEOUT)
    except Exception:
        log.warning("Fragment cache unavailable.", exc_info=True)
