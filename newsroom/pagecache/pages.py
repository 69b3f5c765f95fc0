"""Which pages the page cache keeps, and the key of a request for one.

A page opts in by its URL name below, naming the query parameters its view
reads: any other parameter (`?utm_source=...`, `?fbclid=...`) answers the
same page from the same entry, so it cannot multiply entries.
"""

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.urls import Resolver404, get_resolver
from django.urls.base import get_urlconf
from django.utils import translation


@dataclass(frozen=True)
class Page:
    params: tuple = ()
    # The setting naming the seconds an entry may be served at most, on top
    # of its content versions: search results (their ranking and window move)
    # and sitemaps (every tag and author slug, too many keys to depend on).
    lifetime: str | None = None


LISTING = Page(params=("page",))
FEED = Page()
SEARCH = Page(
    params=("q", "section", "date_from", "date_to", "page"),
    lifetime="PAGE_CACHE_SHORT_SECONDS",
)
SITEMAP = Page(params=("p",), lifetime="PAGE_CACHE_SHORT_SECONDS")

PAGES = {
    "articles:home": Page(),
    "articles:section": LISTING,
    "articles:tag": LISTING,
    "articles:author": LISTING,
    "articles:detail": Page(params=("sort", "cpage", "page")),
    "articles:newsfeed": Page(params=("before",)),
    "articles:newsfeed_items": Page(params=("before",)),
    "articles:corrections": LISTING,
    "articles:correction": Page(),
    "articles:archive_day": LISTING,
    "articles:archive_month": LISTING,
    "articles:search": SEARCH,
    "articles:feed": FEED,
    "articles:feed_atom": FEED,
    "articles:section_feed": FEED,
    "articles:section_feed_atom": FEED,
    "articles:tag_feed": FEED,
    "articles:tag_feed_atom": FEED,
    "articles:author_feed": FEED,
    "articles:author_feed_atom": FEED,
    "sitemap_index": SITEMAP,
    "sitemap": SITEMAP,
    "robots_txt": Page(),
    "accessibility": Page(),
}


def language_of(path):
    """The language LocaleMiddleware will activate for `path`: the prefix's,
    or the default language (English is unprefixed, so no page of the site
    depends on Accept-Language or a cookie)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


@lru_cache(maxsize=4096)
def _page_of(urlconf, path, language):
    with translation.override(language):
        try:
            match = get_resolver(urlconf).resolve(path)
        except Resolver404:
            return None
    return PAGES.get(match.view_name)


def page_of(request, language):
    """The Page the request asks for, or None when it is not cached."""
    if request.method not in ("GET", "HEAD"):
        return None
    return _page_of(get_urlconf() or settings.ROOT_URLCONF, request.path_info, language)


def cache_key(request, page, language, host):
    """The entry's key: scheme, host, path, language and the page's own query
    parameters, in a fixed order."""
    params = sorted(
        (name, value) for name in page.params for value in request.GET.getlist(name)
    )
    identity = "\x1f".join(
        (request.scheme, host, request.path, language, urlencode(params))
    )
    return "page:" + hashlib.sha1(identity.encode()).hexdigest()
