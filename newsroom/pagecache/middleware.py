"""The page cache middleware: right after WhiteNoise, before sessions, auth
and CSRF, so a hit costs no query and no session lookup.

A request without a session cookie for a page of `pages.PAGES` is answered
from the store while the entry is fresh: every content key it showed still
has its version (one read of the version clock when nothing was bumped since)
and the moment it changes by itself (`until`) has not come. Otherwise the
view runs inside `freshness.collect()` and its answer is stored when
`entries.refusal()` finds nothing per-user in it and no key it showed was
bumped while it rendered.

Every answer of a cached page carries the HTTP caching headers for a proxy
in front: `public, max-age=0, s-maxage=...` and `xkey` (the content keys, for
purging) when shareable, `private, no-cache` otherwise (a session cookie, a
404, a form); an ETag, with 304 to a matching If-None-Match. DJANGO_PAGE_CACHE=0
turns the store off and keeps the headers.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control

from newsroom import freshness

from . import entries, pages, stores

# django.contrib.messages' cookie storage (the fallback's first choice).
MESSAGES_COOKIE = CookieStorage.cookie_name
# Where a shareable answer names its entry for the front door (front.py):
# the WSGI environ (request.META) or the ASGI scope.
NOTE = "newsroom.page_cache"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = pages.language_of(request.path_info)
        page = pages.page_of(request, language)
        if page is None or self.has_own_page(request):
            return private(self.get_response(request))
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # Django answers 400
        key = pages.cache_key(request, page, language, host)
        store = stores.store() if settings.PAGE_CACHE else None
        if store is not None:
            entry = fresh(store.get(key), store, key)
            if entry is None:
                # Another server may have stored the page again meanwhile.
                entry = fresh(store.get_shared(key), store, key)
            if entry is not None:
                return note(request, key, answer(request, entry, "hit"))
        with freshness.collect() as shown:
            response = self.get_response(request)
        entry = shareable(request, response, shown, page)
        if entry is None:
            return private(response)
        if store is None:
            return answer(request, entry, "miss", response)
        store.set(key, entry)
        return note(request, key, answer(request, entry, "miss", response))

    @staticmethod
    def has_own_page(request):
        """A session (a reader logged in, a form's state) or messages waiting
        to be shown: the page is this reader's own."""
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies


def note(request, key, response):
    """Name entry `key` on the request, with the headers the answer has now,
    for the front door: it may answer the same request line from the entry
    next time, adding only what the middleware outside this one adds."""
    own = frozenset(name.lower() for name in response.headers)
    request.META[NOTE] = (key, own)
    scope = getattr(request, "scope", None)
    if scope is not None:
        scope[NOTE] = (key, own)
    return response


def fresh(entry, store, key):
    """The entry if it may be served now (refreshed when its keys were found
    current after a bump elsewhere), else None."""
    if entry is None:
        return None
    if entry.until is not None and timezone.now().timestamp() >= entry.until:
        return None
    clock = freshness.clock()
    if clock is None:
        return None
    if clock == entry.clock:
        return entry  # nothing at all was bumped since
    if not freshness.is_fresh(entry.versions):
        return None
    # Read before the versions, so later bumps move the clock past it.
    entry = entry._replace(clock=clock)
    store.refresh(key, entry)
    return entry


def shareable(request, response, shown, page):
    """The entry of a rendering that may be shared, or None."""
    if entries.refusal(request, response):
        return None
    until = shown.until
    if until is not None and until <= timezone.now():
        return None
    versions = shown.versions_to_store()
    if versions is None:
        return None  # the store did not answer, or a key changed meanwhile
    return entries.make_entry(
        response,
        versions=versions,
        clock=shown.started,
        until=until,
        lifetime=entries.lifetime_of(page),
    )


CONDITIONS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def answer(request, entry, outcome, response=None):
    """The entry's answer to `request` (the view's own on a miss), with the
    shared caching headers; 304 when the client holds this version."""
    if response is None:
        response = HttpResponse(entry.body, status=entry.status)
        # Checked when the entry was made: no need to validate them again
        # on every hit (the hit path's largest cost).
        response.headers._store = dict(entry.headers)
    else:
        for name, value in entry.headers.values():
            response.headers[name] = value
    response.headers["Cache-Control"] = cache_control(entry)
    response.headers["X-Page-Cache"] = outcome
    if not any(name in request.META for name in CONDITIONS):
        return response
    conditional = get_conditional_response(request, etag=entry.etag, response=response)
    if conditional is not response:
        conditional.headers["xkey"] = response.headers["xkey"]
    return conditional


def cache_control(entry):
    """What a proxy may do with a shareable answer: keep it at most
    PAGE_CACHE_S_MAXAGE, never past `until`, and serve it stale only where
    that cannot outlast `until` (an expiry, an embargo); takedowns are
    purged by key, hard."""
    s_maxage = settings.PAGE_CACHE_S_MAXAGE
    stale = settings.PAGE_CACHE_STALE_SECONDS
    if entry.until is not None:
        remaining = int(entry.until - timezone.now().timestamp())
        s_maxage = max(0, min(s_maxage, remaining))
        stale = min(stale, remaining - s_maxage)
    control = f"public, max-age=0, s-maxage={s_maxage}"
    if stale > 0:
        control += f", stale-while-revalidate={stale}, stale-if-error={stale}"
    return control


def private(response):
    """Keep per-user and uncacheable answers out of shared caches."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)
    return response
