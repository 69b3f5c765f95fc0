"""What a rendering must be to be stored, and what an entry holds."""

import hashlib
from typing import NamedTuple

from django.conf import settings
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.http import http_date

# Headers a stored response may vary on: the cache key holds the language,
# and only requests without a session cookie are answered from it.
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
# Never stored with an entry: they belong to one answer.
PER_RESPONSE = {"x-request-id", "date", "set-cookie"}
# Directives that keep a response out of every shared cache.
PRIVATE = {"private", "no-store", "no-cache"}


class Entry(NamedTuple):
    status: int
    # {lowercase name: (name, value)}, as HttpResponse.headers keeps them: the
    # view's headers with the shared ones (ETag, Vary, xkey), set at once.
    headers: dict
    body: bytes
    versions: dict  # {content key: version} when rendered
    clock: int  # the version clock when they were last found current
    until: float | None  # timestamp when the page changes by itself
    rendered_at: float
    etag: str


def cache_control_directives(response):
    """The lowercase directive names of the response's Cache-Control."""
    value = response.get("Cache-Control", "")
    return {d.split("=", 1)[0].strip().lower() for d in cc_delim_re.split(value) if d}


def refusal(request, response):
    """Why a rendering of a cached page must not be shared (a short reason),
    or "" when it may be: only a plain 200 that nothing per-user touched."""
    if response.status_code != 200:
        return "status"
    if response.streaming:
        return "streaming"
    if response.cookies or response.has_header("Set-Cookie"):
        return "cookie"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or (
        b"csrfmiddlewaretoken" in response.content
    ):
        return "csrf"
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return "nonce"
    if cache_control_directives(response) & PRIVATE:
        return "private"
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
    if vary - HARMLESS_VARY - {""}:
        return "vary"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return "user"
    return ""


def etag_of(body):
    digest = hashlib.md5(body, usedforsecurity=False).hexdigest()
    return f'"{digest}"'


def make_entry(response, *, versions, clock, until, lifetime=None):
    """The entry of a shareable rendering; `until` is a datetime or None."""
    now = timezone.now().timestamp()
    until = None if until is None else until.timestamp()
    if lifetime is not None:
        until = now + lifetime if until is None else min(until, now + lifetime)
    body = response.content
    etag = response.get("ETag") or etag_of(body)
    headers = {
        name.lower(): (name, value)
        for name, value in response.items()
        if name.lower() not in PER_RESPONSE
    }
    headers.setdefault("etag", ("ETag", etag))
    headers.setdefault("last-modified", ("Last-Modified", http_date(now)))
    # The language comes from the path, never from Accept-Language; a
    # session cookie means a page of its own.
    headers["vary"] = ("Vary", "Cookie")
    headers["xkey"] = ("xkey", " ".join(sorted(versions)))
    return Entry(200, headers, body, versions, clock, until, now, etag)


def lifetime_of(page):
    return None if page.lifetime is None else getattr(settings, page.lifetime)
