"""The page cache across processes (issue 9): without Redis, servers on one
machine share content versions through a memory-mapped file, so a write in
one process is seen by the pages every other process cached."""

import pytest

from tests.factories import make_article

from .conftest import fetch, manage_shell

pytestmark = pytest.mark.faults


def test_two_servers_without_redis_see_a_write_made_in_a_third_process(servers):
    article = make_article(title="Summit opens")
    first, env = servers()
    second, _env = servers()
    for port in (first, second):
        fetch(port)
        status, body, cached = fetch(port)
        assert (status, cached) == (200, "hit")
        assert b"Summit opens" in body

    manage_shell(
        env,
        "from articles.models import Article; from articles import cachekeys;"
        "from newsroom import freshness;"
        f"Article.objects.filter(pk={article.pk}).update(title='Summit closes');"
        "freshness.bump_now([cachekeys.edition('en')])",
    )

    for port in (first, second):
        status, body, cached = fetch(port)
        assert (status, cached) == (200, "miss")
        assert b"Summit closes" in body
