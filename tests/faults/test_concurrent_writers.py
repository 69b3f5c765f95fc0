"""Issue 10, faults 2 and 6: 64 readers commenting at once against a real
ASGI server (daphne, as `make run` and production serve the site), on
SQLite and on PostgreSQL (its connection pool), then kill -9. No answer is
a 5xx, and every comment acknowledged is stored, once."""

import http.client
import secrets
import signal
import threading
from collections import Counter
from urllib.parse import urlencode

import pytest
from django.test import Client

from tests.factories import make_article, make_user

from .conftest import manage_env, start, wait_for
from .servers import free_port

pytestmark = pytest.mark.faults
WRITERS = 64
POSTS_EACH = 3


def answers_ok(port):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", "/health/live/")
        return connection.getresponse().status == 200
    except OSError:
        return False


def test_64_concurrent_writers_get_no_5xx_and_every_acknowledged_comment_is_kept(
    shared_database,
):
    article = make_article(comments_mode="open")
    cookies = []
    for n in range(WRITERS):
        client = Client()
        client.force_login(make_user(email=f"w{n}@example.com", display_name=f"W{n}"))
        cookies.append(client.cookies["sessionid"].value)
    url = shared_database.publish()
    port = free_port()
    env = manage_env(url, DJANGO_COMMENTS_RATE="1000", ASGI_THREADS="16")
    server = start(
        [
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "newsroom.asgi:application",
        ],
        env,
    )
    statuses, errors = Counter(), []
    barrier = threading.Barrier(WRITERS)

    def write(n):
        csrf = secrets.token_hex(16)  # 32 characters: an unmasked secret
        headers = {
            "Cookie": f"sessionid={cookies[n]}; csrftoken={csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        barrier.wait(timeout=30)
        for i in range(POSTS_EACH):
            body = urlencode(
                {
                    "csrfmiddlewaretoken": csrf,
                    "body": f"Comment {n}-{i}",
                    "token": f"form-{n}-{i}",
                }
            )
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                connection.request(
                    "POST", f"/comments/post/{article.pk}/", body, headers
                )
                response = connection.getresponse()
                landed = "#comment-" in (response.getheader("Location") or "")
                statuses[response.status, landed] += 1
            except OSError as error:
                errors.append(error)

    try:
        wait_for(
            lambda: answers_ok(port),
            timeout=60,
            what="daphne to start",
            process=server,
        )
        threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    finally:
        server.send_signal(signal.SIGKILL)  # no clean shutdown
        output, _ = server.communicate(timeout=10)

    assert errors == [], output[-3000:]
    # Each post answered with a redirect to the comment it stored.
    assert statuses == {(302, True): WRITERS * POSTS_EACH}, output[-3000:]
    stored = shared_database.scalar("SELECT COUNT(*) FROM comments_comment")
    distinct = shared_database.scalar(
        "SELECT COUNT(DISTINCT body) FROM comments_comment"
    )
    assert stored == distinct == statuses[302, True]
