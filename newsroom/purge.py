"""Purges a proxy or CDN in front (deploy/varnish/newsroom.vcl): when a write
commits and bumps content keys (freshness.keys_bumped), every page showing
one of them is dropped there at once.

Each URL of DJANGO_CACHE_PURGE_URLS (none: off) gets `PURGE` with the keys in
an `xkey` header, the surrogate-key header pages are tagged with. A purge is
sent before the write's request answers, so the editor's next look through
the proxy is fresh; it waits at most CACHE_PURGE_TIMEOUT and never fails the
write: an error is logged for the operator (the page then lives until its
s-maxage).
"""

import http.client
import logging
from urllib.parse import urlsplit

from django.conf import settings

log = logging.getLogger(__name__)


def purge_keys(sender=None, *, keys, **kwargs):
    """Send the bumped `keys` to every purge URL (a keys_bumped receiver)."""
    for url in settings.CACHE_PURGE_URLS:
        try:
            status = send_purge(url, keys)
        except (OSError, http.client.HTTPException):
            log.error("Purge of %s at %s failed.", " ".join(keys), url, exc_info=True)
            continue
        if status >= 300:
            log.error("Purge of %s at %s answered %s.", " ".join(keys), url, status)


def send_purge(url, keys):
    """One `PURGE` of `keys` to `url`; returns the HTTP status."""
    parts = urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection
        if parts.scheme == "https"
        else http.client.HTTPConnection
    )
    connection = connection_class(
        parts.hostname, parts.port, timeout=settings.CACHE_PURGE_TIMEOUT
    )
    try:
        connection.request("PURGE", parts.path or "/", headers={"xkey": " ".join(keys)})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()
