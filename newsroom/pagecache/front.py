"""The front door: a cache hit answered before Django builds a request.

Through Django a hit still costs a request object, the request id, security
and WhiteNoise middleware and a response object: more than the hit itself.
So the WSGI and ASGI applications are wrapped by this front. When the page
cache middleware answers a page that may be shared (a hit, or a miss it
stored), it names the entry's key on the request (`note()`); the front then
remembers, for that exact request line (scheme, forwarded proto, host, path,
query string), the key and the headers the middleware outside the page cache
added (security headers). The next identical request without a session or
messages cookie is answered here from the same entry by the same freshness
rule as in the middleware (`middleware.fresh`), with those headers, a request
id, and the Cache-Control of now; a matching If-None-Match gets its 304.

Everything else goes to Django as before: another method, a cookie of a
session or messages, another conditional header, a request line never seen,
an entry this process does not hold or that is no longer fresh. Correctness
stays in one place: the front only repeats an answer the middleware gave for
the same request line, for as long as its entry stays fresh.
"""

import uuid

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.http import parse_etags

from newsroom.middleware import REQUEST_ID
from newsroom.web import is_trusted_address

from . import stores
from .middleware import MESSAGES_COOKIE, NOTE, cache_control, fresh

# Request lines remembered per process (each well under 1 KB: the outer
# headers are shared); the oldest go first.
MAX_LINES = 5_000
# Made anew for each answer, never repeated from the first one.
PER_ANSWER = {"date", "x-request-id", "content-length", "server"}
# Headers a 304 keeps (Django's rule), plus the purge key.
NOT_MODIFIED_KEEPS = (
    "cache-control",
    "content-location",
    "date",
    "etag",
    "expires",
    "last-modified",
    "vary",
    "xkey",
)

_lines = {}
# The distinct sets of outer headers (one or two per process), shared.
_outers = {}


@receiver(setting_changed)
def _forget_lines(*, setting, **kwargs):
    _lines.clear()
    _outers.clear()


def remember(line, noted, status, headers):
    """After Django answered `line`: keep the key and the outer headers."""
    if noted is None or status != 200:
        return
    key, own = noted
    outer = tuple(
        (name, value)
        for name, value in headers
        if name.lower() not in own and name.lower() not in PER_ANSWER
    )
    outer = _outers.setdefault(outer, outer)
    while len(_lines) >= MAX_LINES:
        try:
            del _lines[next(iter(_lines))]
        except (KeyError, RuntimeError, StopIteration):
            break  # another thread changed it meanwhile: no harm
    _lines[line] = (key, outer)


def lookup(line, *, method, cookie, if_none_match, conditional, request_id, remote):
    """(status, [(name, value)], body) for a request the front may answer
    from cache, else None."""
    if method not in ("GET", "HEAD") or conditional or not settings.PAGE_CACHE:
        return None
    if cookie and (
        f"{settings.SESSION_COOKIE_NAME}=" in cookie or f"{MESSAGES_COOKIE}=" in cookie
    ):
        return None
    known = _lines.get(line)
    if known is None:
        return None
    key, outer = known
    store = stores.store()
    entry = fresh(store.get_local(key), store, key)
    if entry is None:
        return None
    if not (
        request_id and REQUEST_ID.fullmatch(request_id) and is_trusted_address(remote)
    ):
        request_id = uuid.uuid4().hex
    headers = dict(entry.headers)
    headers["cache-control"] = ("Cache-Control", cache_control(entry))
    if if_none_match and matches(entry.etag, if_none_match):
        kept = [headers[name] for name in NOT_MODIFIED_KEEPS if name in headers]
        return 304, [*kept, *outer, ("X-Request-ID", request_id)], b""
    headers["x-page-cache"] = ("X-Page-Cache", "hit")
    headers["content-length"] = ("Content-Length", str(len(entry.body)))
    answer = [*headers.values(), *outer, ("X-Request-ID", request_id)]
    return 200, answer, entry.body if method == "GET" else b""


def matches(etag, if_none_match):
    """True when If-None-Match names the entry's ETag (weak comparison)."""
    etags = parse_etags(if_none_match)
    return "*" in etags or etag.removeprefix("W/") in {
        tag.removeprefix("W/") for tag in etags
    }


STATUS_LINES = {200: "200 OK", 304: "304 Not Modified"}


class WSGIFront:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        get = environ.get
        line = (
            get("wsgi.url_scheme"),
            get("HTTP_X_FORWARDED_PROTO"),
            get("HTTP_HOST"),
            get("HTTP_X_FORWARDED_HOST"),
            get("SERVER_NAME"),
            get("SERVER_PORT"),
            get("SCRIPT_NAME"),
            get("PATH_INFO"),
            get("QUERY_STRING"),
        )
        found = lookup(
            line,
            method=get("REQUEST_METHOD"),
            cookie=get("HTTP_COOKIE"),
            if_none_match=get("HTTP_IF_NONE_MATCH"),
            conditional="HTTP_IF_MATCH" in environ
            or "HTTP_IF_MODIFIED_SINCE" in environ
            or "HTTP_IF_UNMODIFIED_SINCE" in environ,
            request_id=get("HTTP_X_REQUEST_ID"),
            remote=get("REMOTE_ADDR") or "",
        )
        if found is not None:
            status, headers, body = found
            start_response(STATUS_LINES[status], headers)
            return [body]

        def start(status, headers, exc_info=None):
            remember(line, environ.get(NOTE), int(status[:3]), headers)
            return start_response(status, headers, exc_info)

        return self.application(environ, start)


class ASGIFront:
    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.application(scope, receive, send)
        headers = {}
        for name, value in scope["headers"]:
            name, value = name.decode("latin-1"), value.decode("latin-1")
            if name in headers:  # several Cookie headers: look at every one
                value = f"{headers[name]}; {value}"
            headers[name] = value
        server = scope.get("server") or (None, None)
        line = (
            scope.get("scheme"),
            headers.get("x-forwarded-proto"),
            headers.get("host"),
            headers.get("x-forwarded-host"),
            server[0],
            server[1],
            scope.get("root_path"),
            scope["path"],
            scope.get("query_string"),
        )
        client = scope.get("client") or ("", 0)
        found = lookup(
            line,
            method=scope["method"],
            cookie=headers.get("cookie"),
            if_none_match=headers.get("if-none-match"),
            conditional="if-match" in headers
            or "if-modified-since" in headers
            or "if-unmodified-since" in headers,
            request_id=headers.get("x-request-id"),
            remote=client[0] or "",
        )
        if found is not None:
            status, answer, body = found
            await send(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [
                        (name.encode("latin-1"), value.encode("latin-1"))
                        for name, value in answer
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return

        async def capture(message):
            if message["type"] == "http.response.start":
                remember(
                    line,
                    scope.get(NOTE),
                    message["status"],
                    [
                        (name.decode("latin-1"), value.decode("latin-1"))
                        for name, value in message.get("headers", ())
                    ],
                )
            await send(message)

        return await self.application(scope, receive, capture)
