"""The purger: a bump reaches the proxy in front as PURGE with an xkey
header, after commit; a proxy that is down never fails the write."""

import http.server
import logging
import socket
import threading

import pytest

from newsroom import freshness, purge


class Recorder(http.server.BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.seen.append((self.command, self.path, self.headers["xkey"]))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_a_bump_purges_its_keys_after_commit(
    proxy, settings, django_capture_on_commit_callbacks
):
    settings.CACHE_PURGE_URLS = [f"http://127.0.0.1:{proxy.server_port}/"]

    with django_capture_on_commit_callbacks(execute=True):
        freshness.bump("article:7", "edition:en")
        assert proxy.seen == []  # not before the commit

    assert proxy.seen == [("PURGE", "/", "article:7 edition:en")]


def test_no_purge_urls_send_nothing(proxy, settings):
    settings.CACHE_PURGE_URLS = []

    freshness.bump_now(["article:7"])

    assert proxy.seen == []


def test_a_proxy_that_is_down_is_logged_and_the_others_still_purged(
    proxy, settings, caplog
):
    settings.CACHE_PURGE_URLS = [
        f"http://127.0.0.1:{closed_port()}/",
        f"http://127.0.0.1:{proxy.server_port}/",
    ]

    with caplog.at_level(logging.ERROR, logger="newsroom.purge"):
        purge.purge_keys(keys=("section:3",))

    assert proxy.seen == [("PURGE", "/", "section:3")]
    assert "Purge of section:3" in caplog.text
