import multiprocessing
import os
import socket
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from newsroom import freshness


def test_bump_waits_for_the_commit(db, django_capture_on_commit_callbacks):
    before = freshness.versions(["article:1"])

    with django_capture_on_commit_callbacks() as callbacks:
        freshness.bump("article:1")
        assert freshness.versions(["article:1"]) == before
    for callback in callbacks:
        callback()

    assert freshness.versions(["article:1"])["article:1"] > before["article:1"]


def test_a_rolled_back_write_bumps_nothing(db, django_capture_on_commit_callbacks):
    from django.db import transaction

    before = freshness.clock()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            freshness.bump("article:1")
            raise RuntimeError

    assert callbacks == []
    assert freshness.clock() == before


def test_bump_moves_the_clock_and_only_the_keys_named():
    freshness.bump_now(["article:1"])
    start = freshness.clock()

    freshness.bump_now(["section:7", "edition:en"])

    found = freshness.versions(["article:1", "section:7", "edition:en"])
    assert freshness.clock() == start + 1
    assert found == {
        "article:1": start,
        "section:7": start + 1,
        "edition:en": start + 1,
    }


def test_bump_tells_the_purgers():
    heard = []

    def listener(*, keys, **kwargs):
        heard.append(keys)

    freshness.keys_bumped.connect(listener)
    try:
        freshness.bump_now(("tag:3",))
    finally:
        freshness.keys_bumped.disconnect(listener)

    assert heard == [("tag:3",)]


def test_a_rendering_collects_its_keys_and_earliest_boundary():
    soon, later = (
        timezone.now() + timedelta(hours=1),
        timezone.now() + timedelta(days=1),
    )

    with freshness.collect() as shown:
        freshness.depend("article:1", "edition:en")
        freshness.not_after(later)
        freshness.not_after(soon)
        freshness.depend("tag:2")

    assert shown.keys == {"article:1", "edition:en", "tag:2"}
    assert shown.until == soon
    assert freshness.is_fresh(shown.versions_to_store()) is True


def test_depend_outside_a_rendering_only_reads_versions():
    freshness.bump_now(["author:4"])

    assert freshness.depend("author:4") == (freshness.clock(),)


def test_a_key_bumped_while_rendering_is_not_stored():
    with freshness.collect() as shown:
        freshness.depend("article:1")
        freshness.bump_now(["article:1"])  # a write commits mid-render

    assert shown.versions_to_store() is None


def test_a_bump_after_storing_makes_the_stored_versions_stale():
    with freshness.collect() as shown:
        freshness.depend("article:1", "section:2")
    stored = shown.versions_to_store()

    freshness.bump_now(["section:2"])

    assert freshness.is_fresh(stored) is False


def _bump_in_child(path, key):
    store = freshness.SharedMemoryStore(path)
    store.bump([key])


def test_the_file_store_is_shared_by_processes(tmp_path):
    path = tmp_path / "versions"
    store = freshness.SharedMemoryStore(path)
    before = store.versions(["article:9"])["article:9"]

    child = multiprocessing.get_context("spawn").Process(
        target=_bump_in_child, args=(path, "article:9")
    )
    child.start()
    child.join(30)

    assert child.exitcode == 0
    assert store.versions(["article:9"])["article:9"] > before


class _Watched:
    """freshness._SLOT, which runs `after_write` after each write."""

    def __init__(self, slot, after_write):
        self.slot, self.after_write = slot, after_write
        self.size = slot.size

    def unpack_from(self, *args):
        return self.slot.unpack_from(*args)

    def pack_into(self, *args):
        self.slot.pack_into(*args)
        self.after_write()


def test_a_reader_that_sees_a_bumps_clock_sees_its_keys_too(tmp_path, monkeypatch):
    # A page entry found fresh takes the clock it was checked at, and the
    # next reader serves it without reading versions while the clock stays:
    # so the clock must never move before the keys' versions do. Each state
    # between a bump's writes is what a reader on another process may see.
    store = freshness.SharedMemoryStore(tmp_path / "versions")
    before = store.clock()
    seen = []
    monkeypatch.setattr(
        freshness,
        "_SLOT",
        _Watched(
            freshness._SLOT,
            lambda: seen.append((store.clock(), store.versions(["edition:en"]))),
        ),
    )

    store.bump(["edition:en", "article:7"])

    assert seen
    for clock, versions in seen:
        assert clock == before or versions["edition:en"] == clock


def _closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_redis_means_unknown_never_fresh(settings, caplog):
    settings.CONTENT_VERSIONS_REDIS_URL = f"redis://127.0.0.1:{_closed_port()}/0"

    freshness.bump_now(["article:1"])  # logged, not raised

    assert freshness.clock() is None
    assert freshness.versions(["article:1"]) is None
    assert freshness.is_fresh({"article:1": 1}) is False
    with freshness.collect() as shown:
        freshness.depend("article:1")
    assert shown.versions_to_store() is None
    assert "Could not bump" in caplog.text


@pytest.fixture
def redis_store(settings):
    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            pytest.fail("Redis is not running at 127.0.0.1:6379.")
        pytest.skip("Redis is not running here (CI always runs it).")
    settings.CONTENT_VERSIONS_REDIS_URL = url
    store = freshness.store()
    store.prefix = f"test-{uuid.uuid4().hex}"
    yield store
    for name in store.client.scan_iter(f"{store.prefix}:*"):
        store.client.delete(name)


def test_the_redis_store_keeps_the_same_rules(redis_store):
    freshness.bump_now(["article:1"])
    with freshness.collect() as shown:
        freshness.depend("article:1", "edition:en")
    stored = shown.versions_to_store()

    freshness.bump_now(["edition:en"])

    assert stored == {"article:1": 1, "edition:en": 0}
    assert freshness.clock() == 2
    assert freshness.is_fresh(stored) is False


def test_the_file_store_remembers_a_bounded_number_of_key_offsets(tmp_path):
    store = freshness.SharedMemoryStore(tmp_path / "versions")
    store.bump(["article:3"])

    for start in range(0, 3 * freshness.MAX_OFFSETS, 1000):
        store.versions([f"article:{n}" for n in range(start, start + 1000)])

    assert len(store._offsets) <= freshness.MAX_OFFSETS
    assert store.versions(["article:3"])["article:3"] == store.clock()
