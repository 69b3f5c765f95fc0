"""The front door (newsroom/pagecache/front.py): a hit answered before Django
builds a request, with the same answer Django's path gives."""

import asyncio
from wsgiref.util import setup_testing_defaults

import pytest
from asgiref.sync import async_to_sync
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from articles import cachekeys
from articles.models import Article
from newsroom import freshness
from newsroom.pagecache.front import ASGIFront, WSGIFront
from tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def handled():
    """The requests Django itself handled (the front's answers are not)."""
    seen = []

    def count(**kwargs):
        seen.append(kwargs)

    # As the test client does: the test's transaction must stay open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.connect(count)
    yield seen
    request_started.disconnect(count)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def wsgi():
    application = WSGIFront(WSGIHandler())

    def call(path="/", query="", **headers):
        environ = {}
        setup_testing_defaults(environ)
        environ.update(
            PATH_INFO=path,
            QUERY_STRING=query,
            HTTP_HOST="testserver",
            SERVER_NAME="testserver",
            **headers,
        )
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status[:3])
            answer["headers"] = {
                name.lower(): value for name, value in response_headers
            }

        result = application(environ, start_response)
        try:
            answer["body"] = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        return answer

    return call


def test_the_second_request_is_answered_without_django(
    wsgi, handled, django_assert_num_queries
):
    article = make_article(title="Summit opens")
    first = wsgi(article.get_absolute_url())

    with django_assert_num_queries(0):
        second = wsgi(article.get_absolute_url())

    assert len(handled) == 1
    assert first["headers"]["x-page-cache"] == "miss"
    assert second["headers"]["x-page-cache"] == "hit"
    assert second["status"] == 200
    assert second["body"] == first["body"]
    assert "Summit opens" in second["body"].decode()
    per_answer = {"x-request-id", "date", "x-page-cache"}
    assert {k: v for k, v in second["headers"].items() if k not in per_answer} == {
        k: v for k, v in first["headers"].items() if k not in per_answer
    }
    # The headers the middleware outside the page cache adds are there too.
    assert second["headers"]["x-content-type-options"] == "nosniff"
    assert second["headers"]["referrer-policy"]
    assert second["headers"]["x-request-id"] != first["headers"]["x-request-id"]
    assert second["headers"]["content-length"] == str(len(second["body"]))


def test_a_change_is_seen_at_once(wsgi, handled):
    article = make_article(title="Summit opens")
    wsgi("/")
    Article.objects.filter(pk=article.pk).update(title="Summit closes")
    assert "Summit opens" in wsgi("/")["body"].decode()
    assert len(handled) == 1

    freshness.bump_now([cachekeys.article(article.pk)])
    after = wsgi("/")

    assert len(handled) == 2
    assert "Summit closes" in after["body"].decode()
    assert after["headers"]["x-page-cache"] == "miss"


def test_a_session_or_messages_cookie_goes_to_django(wsgi, handled):
    article = make_article()
    url = article.get_absolute_url()
    wsgi(url)

    with_session = wsgi(url, HTTP_COOKIE="sessionid=abc; theme=dark")
    with_messages = wsgi(url, HTTP_COOKIE="messages=xyz")
    other_cookie = wsgi(url, HTTP_COOKIE="theme=dark")

    assert len(handled) == 3
    assert "private" in with_session["headers"]["cache-control"]
    assert "private" in with_messages["headers"]["cache-control"]
    assert other_cookie["headers"]["x-page-cache"] == "hit"


def test_only_a_request_line_seen_before_is_answered(wsgi, handled):
    article = make_article()
    url = article.get_absolute_url()
    wsgi(url)

    wsgi(url, query="utm_source=newsletter")  # same entry, new line
    again = wsgi(url, query="utm_source=newsletter")
    head = wsgi(url, REQUEST_METHOD="HEAD")
    post = wsgi(url, REQUEST_METHOD="POST")

    assert len(handled) == 3  # the first of each line, and the POST
    assert again["headers"]["x-page-cache"] == "hit"
    assert head["status"] == 200 and head["body"] == b""
    assert head["headers"]["content-length"] == again["headers"]["content-length"]
    assert post["status"] == 403  # no CSRF token


def test_a_conditional_get_is_a_304(wsgi, handled):
    article = make_article()
    url = article.get_absolute_url()
    etag = wsgi(url)["headers"]["etag"]

    unchanged = wsgi(url, HTTP_IF_NONE_MATCH=etag)
    other = wsgi(url, HTTP_IF_NONE_MATCH='"something-else"')
    since = wsgi(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2024 00:00:00 GMT")

    assert len(handled) == 2  # only the If-Modified-Since went to Django
    assert unchanged["status"] == 304 and unchanged["body"] == b""
    assert unchanged["headers"]["etag"] == etag
    assert unchanged["headers"]["cache-control"].startswith("public")
    assert "xkey" in unchanged["headers"]
    assert other["status"] == 200
    assert since["status"] == 200  # a second cannot tell two renderings apart


def test_nothing_is_answered_with_the_page_cache_off(wsgi, handled, settings):
    article = make_article()
    url = article.get_absolute_url()
    wsgi(url)
    settings.PAGE_CACHE = False

    wsgi(url)

    assert len(handled) == 2


def test_a_page_that_may_not_be_shared_is_never_answered(wsgi, handled):
    wsgi("/accounts/login/")
    login = wsgi("/accounts/login/")
    wsgi("/no-such-page/")
    missing = wsgi("/no-such-page/")

    assert len(handled) == 4
    assert "private" in login["headers"]["cache-control"]
    assert missing["status"] == 404


def test_the_asgi_front_answers_a_hit_without_django(handled):
    application = ASGIFront(ASGIHandler())
    article = make_article(title="Summit opens")

    async def call(path, headers=()):
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"testserver"), *headers],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        sent = []
        requests = [{"type": "http.request", "body": b"", "more_body": False}]

        async def receive():
            if requests:
                return requests.pop()
            await asyncio.Event().wait()  # the client never disconnects

        async def send(message):
            sent.append(message)

        await application(scope, receive, send)
        start = sent[0]
        body = b"".join(m.get("body", b"") for m in sent[1:])
        headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
        return start["status"], headers, body

    url = article.get_absolute_url()
    async_to_sync(call)(url)
    status, headers, body = async_to_sync(call)(url)
    async_to_sync(call)(
        url, [(b"cookie", b"theme=dark"), (b"cookie", b"sessionid=abc")]
    )

    # The session cookie in a second Cookie header is seen too.
    assert len(handled) == 2  # the first request, and the one with a session
    assert status == 200
    assert headers["x-page-cache"] == "hit"
    assert headers["x-content-type-options"] == "nosniff"
    assert "Summit opens" in body.decode()


def test_the_served_applications_have_the_front():
    from newsroom.asgi import application as asgi_application
    from newsroom.wsgi import application as wsgi_application

    assert isinstance(wsgi_application, WSGIFront)
    assert isinstance(asgi_application.application_mapping["http"], ASGIFront)
