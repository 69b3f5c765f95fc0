"""Where page cache entries live, and what happens when that store fails:
the page is rendered uncached, never an error."""

import os
import uuid

import pytest
import redis
from django.test import Client

from articles import cachekeys
from articles.models import Article
from newsroom import freshness
from newsroom.pagecache import stores
from newsroom.pagecache.entries import Entry
from tests.factories import make_article
from tests.faults.servers import HungServer, closed_port

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

REDIS = "redis://127.0.0.1:6379/5"


def entry(body):
    headers = {"content-type": ("Content-Type", "text/html")}
    return Entry(200, headers, body, {}, 0, None, 0.0, '"x"')


def test_local_memory_keeps_the_least_recently_used_within_its_bytes():
    store = stores.LocalMemoryStore(max_bytes=3 * (1000 + 600))
    for name in "abc":
        store.set(name, entry(b"x" * 1000))
    store.get("a")

    store.set("d", entry(b"x" * 1000))

    assert store.size <= store.max_bytes
    assert store.get("b") is None
    assert [store.get(k) is not None for k in "acd"] == [True, True, True]


def test_local_memory_never_keeps_an_entry_larger_than_itself():
    store = stores.LocalMemoryStore(max_bytes=1000)

    store.set("big", entry(b"x" * 5000))

    assert store.get("big") is None
    assert store.size == 0


def test_the_page_cache_is_bounded_in_bytes(client, settings):
    settings.PAGE_CACHE_MAX_BYTES = 60_000
    for _ in range(12):
        client.get(make_article().get_absolute_url())

    store = stores.store().store
    assert 0 < len(store) < 12
    assert store.size <= 60_000


@pytest.mark.parametrize("broken", ["down", "hung"])
def test_a_broken_store_means_rendering_uncached(client, settings, broken, caplog):
    make_article(title="Summit opens")
    with closed_port() as port, HungServer() as hung:
        port = port if broken == "down" else hung.port
        settings.PAGE_CACHE_REDIS_URL = f"redis://127.0.0.1:{port}/0"
        settings.PAGE_CACHE_STORE_TIMEOUT = 0.2
        first, second = client.get("/"), client.get("/")

    assert first.status_code == second.status_code == 200
    assert "Summit opens" in second.content.decode()
    assert second["X-Page-Cache"] == "miss"
    assert "Page cache store unavailable" in caplog.text


def test_a_page_stored_again_by_another_server_is_taken_from_redis(
    redis_pages, client, django_assert_num_queries
):
    make_article(title="Summit opens")
    client.get("/")
    mine = stores.store().store
    # Another server renders the page again after a bump...
    freshness.bump_now([cachekeys.edition("en")])
    other = stores.TwoLevelStore(stores.LocalMemoryStore(10**6), redis_pages)
    stores.store().store = other
    Client().get("/")
    stores.store().store = mine

    # ...and this one, whose own copy is stale now, takes it from Redis.
    with django_assert_num_queries(0):
        response = Client().get("/")

    assert response["X-Page-Cache"] == "hit"


def test_a_version_store_that_does_not_answer_means_nothing_is_stored(client, settings):
    make_article(title="Summit opens")
    with closed_port() as port:
        settings.CONTENT_VERSIONS_REDIS_URL = f"redis://127.0.0.1:{port}/0"
        first, second = client.get("/"), client.get("/")

    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in second
    assert "private" in second["Cache-Control"]


@pytest.fixture
def redis_pages(settings):
    try:
        redis.Redis.from_url(REDIS, socket_timeout=1).ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            pytest.fail("Redis is not running at 127.0.0.1:6379.")
        pytest.skip("Redis is not running here (CI always runs it).")
    settings.PAGE_CACHE_REDIS_URL = REDIS
    settings.CONTENT_VERSIONS_REDIS_URL = REDIS
    prefix = f"test-{uuid.uuid4().hex}"
    freshness.store().prefix = prefix
    page_store = stores.store().store.shared
    page_store.prefix = f"{prefix}:page:"
    yield page_store
    for name in page_store.client.scan_iter(f"{prefix}:*"):
        page_store.client.delete(name)


def test_redis_shares_pages_between_servers(
    redis_pages, client, django_assert_num_queries
):
    article = make_article(title="Summit opens")
    client.get("/")
    # Another app server: memory of its own in front of the same Redis.
    other = stores.RedisStore(REDIS, timeout=1, lifetime=60, prefix=redis_pages.prefix)
    local = stores.LocalMemoryStore(max_bytes=10**6)
    stores.store().store = stores.TwoLevelStore(local, other)

    with django_assert_num_queries(0):
        hit = Client().get("/")
    Article.objects.filter(pk=article.pk).update(title="Summit closes")
    freshness.bump_now([cachekeys.edition("en")])
    after = Client().get("/")

    assert hit["X-Page-Cache"] == "hit"
    assert len(local) == 1  # kept in front for the next hit
    assert "Summit closes" in after.content.decode()
    names = list(other.client.scan_iter(f"{redis_pages.prefix}*"))
    assert names
    assert 0 < other.client.ttl(names[0]) <= 24 * 60 * 60
