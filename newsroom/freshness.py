"""Content versions: how cached pages and fragments know they are stale.

Every piece of content a page shows has a key ("article:12", "edition:en",
...). A write bumps the keys of what it changed, after its transaction
commits; a bump gives each key a new version taken from one global clock.
A cached page remembers the keys it showed and their versions, and is fresh
while they all still match.

The race that matters: a page renders from the old rows while a write
commits and bumps. So a renderer reads the clock before it reads any row
(`collect()`), and stores its result only if none of its keys was bumped
after that (`Dependencies.versions_to_store()`); a bump that lands after the
store is seen by the next reader's comparison.

The store is shared by every process that serves the site: Redis with
`REDIS_URL` (every app server), otherwise a small memory-mapped file (every
worker process on this machine). Neither ever makes a page fail: a store
that does not answer reads as "unknown", and unknown is never fresh.
"""

import contextvars
import fcntl
import logging
import mmap
import os
import struct
import zlib
from contextlib import contextmanager
from datetime import datetime
from functools import cache

import redis
from django.conf import settings
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import Signal, receiver

log = logging.getLogger(__name__)

# Sent after keys were bumped (after commit), with `keys`: a purger for a
# proxy or CDN in front listens here.
keys_bumped = Signal()

_SLOT = struct.Struct("=Q")
# Key offsets a process remembers (SharedMemoryStore._offsets).
MAX_OFFSETS = 8_192


class StoreUnavailable(Exception):
    """The version store did not answer."""


class SharedMemoryStore:
    """Versions in a memory-mapped file, shared by the processes of one host.

    Slot 0 holds the clock; each key hashes to one of the other slots, so two
    keys may share a slot: a bump then also invalidates the other key's pages
    (never the reverse), which costs a render, never freshness. Bumps take an
    exclusive lock on the file; reads take none (an aligned 8-byte word reads
    as its old or its new value), and a bump writes the clock after its keys.
    """

    def __init__(self, path, slots=1 << 17):
        self.path, self.slots = os.fspath(path), slots
        self._map = self._fd = self._pid = None
        # Each key's byte offset, hashed once: a page reads a hundred keys.
        # Bounded, so a long run over the archive's keys keeps a flat memory
        # line; the hot keys (editions, sections, menus) come back at once.
        self._offsets = {}

    def _mapped(self):
        # A forked child opens the file again: flock() locks belong to an
        # open file, which parent and child would otherwise share.
        if self._map is None or self._pid != os.getpid():
            if self._fd is not None:
                os.close(self._fd)
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                size = self.slots * _SLOT.size
                fcntl.flock(fd, fcntl.LOCK_EX)
                try:
                    if os.fstat(fd).st_size < size:
                        os.ftruncate(fd, size)
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                self._map = mmap.mmap(fd, size)
                self._fd, self._pid = os.dup(fd), os.getpid()
            finally:
                os.close(fd)
        return self._map

    def _slot(self, key):
        return 1 + zlib.crc32(key.encode()) % (self.slots - 1)

    def clock(self):
        return _SLOT.unpack_from(self._mapped(), 0)[0]

    def _offset(self, key):
        if len(self._offsets) >= MAX_OFFSETS:
            self._offsets.clear()
        offset = self._offsets[key] = self._slot(key) * _SLOT.size
        return offset

    def versions(self, keys):
        data, offsets, unpack = self._mapped(), self._offsets, _SLOT.unpack_from
        return {
            key: unpack(data, offsets[key] if key in offsets else self._offset(key))[0]
            for key in keys
        }

    def bump(self, keys):
        data = self._mapped()
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            now = _SLOT.unpack_from(data, 0)[0] + 1
            # The keys first, the clock last: a reader that sees the new
            # clock must see the keys' new versions too, since a page entry
            # found fresh at a clock is served without reading versions
            # until the clock moves again (pagecache.middleware.fresh).
            for key in keys:
                _SLOT.pack_into(data, self._slot(key) * _SLOT.size, now)
            _SLOT.pack_into(data, 0, now)
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        return now


# One round trip: the clock goes up by one and each key takes its value.
_BUMP_SCRIPT = """
local now = redis.call('INCR', KEYS[1])
for i = 2, #KEYS do redis.call('SET', KEYS[i], now) end
return now
"""


class RedisStore:
    """Versions in Redis, shared by every app server."""

    def __init__(self, url, prefix="newsroom", timeout=0.25):
        self.prefix = prefix
        self.client = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout
        )
        self._bump = self.client.register_script(_BUMP_SCRIPT)

    def _name(self, key):
        return f"{self.prefix}:v:{key}"

    def _call(self, method, *args):
        try:
            return method(*args)
        except redis.RedisError as exc:
            raise StoreUnavailable(str(exc)) from exc

    def clock(self):
        return int(self._call(self.client.get, self._name("@clock")) or 0)

    def versions(self, keys):
        keys = list(keys)
        if not keys:
            return {}
        values = self._call(self.client.mget, [self._name(k) for k in keys])
        return {key: int(value or 0) for key, value in zip(keys, values, strict=True)}

    def bump(self, keys):
        names = [self._name("@clock"), *(self._name(k) for k in keys)]
        return int(self._call(self._bump, names))


@cache
def store():
    """The store the settings name (built once per process)."""
    if settings.CONTENT_VERSIONS_REDIS_URL:
        return RedisStore(
            settings.CONTENT_VERSIONS_REDIS_URL,
            timeout=settings.CONTENT_VERSIONS_TIMEOUT,
        )
    return SharedMemoryStore(settings.CONTENT_VERSIONS_FILE)


@receiver(setting_changed)
def _forget_store(*, setting, **kwargs):
    if setting.startswith("CONTENT_VERSIONS_"):
        store.cache_clear()


def clock():
    """The global clock now, or None when the store does not answer."""
    try:
        return store().clock()
    except StoreUnavailable:
        log.warning("Content version store unavailable.", exc_info=True)
        return None


def versions(keys):
    """{key: version} for `keys`, or None when the store does not answer."""
    try:
        return store().versions(keys)
    except StoreUnavailable:
        log.warning("Content version store unavailable.", exc_info=True)
        return None


def bump(*keys):
    """Mark what `keys` name as changed, once the current transaction commits.

    Call it in the service that writes, inside or outside a transaction: a
    rolled-back write bumps nothing, and readers never see the new version
    before the new rows.
    """
    keys = tuple(dict.fromkeys(k for k in keys if k))
    if keys:
        transaction.on_commit(lambda: bump_now(keys))


def bump_now(keys):
    """Bump `keys` at once (after a commit, or for a time boundary)."""
    try:
        store().bump(keys)
    except StoreUnavailable:
        # Pages cached in the same store are unreachable too while it is
        # down; the error is logged for the operator.
        log.error("Could not bump content versions %s.", keys, exc_info=True)
        return
    keys_bumped.send(sender=None, keys=keys)


class Dependencies:
    """What one rendering showed: its keys, the clock before it started,
    and the earliest time its content changes without a write."""

    def __init__(self):
        self.started = clock()
        self.keys = set()
        self.until = None

    def add(self, keys):
        self.keys.update(keys)

    def not_after(self, moment):
        if moment is not None and (self.until is None or moment < self.until):
            self.until = moment

    def versions_to_store(self):
        """The keys' versions, or None when the result must not be stored:
        the store did not answer, or a key was bumped while rendering."""
        if self.started is None:
            return None
        current = versions(self.keys)
        if current is None or any(v > self.started for v in current.values()):
            return None
        return current


_current = contextvars.ContextVar("freshness_dependencies", default=None)


@contextmanager
def collect():
    """Collect the keys and time limits of everything rendered inside; an
    enclosing collection learns them too (a page cache around a page, a
    caller around the page cache)."""
    outer = _current.get()
    dependencies = Dependencies()
    token = _current.set(dependencies)
    try:
        yield dependencies
    finally:
        _current.reset(token)
        if outer is not None:
            outer.add(dependencies.keys)
            outer.not_after(dependencies.until)


def depend(*keys):
    """Say the content being rendered shows what `keys` name.

    Returns their versions now (a tuple, None when unknown), read before the
    caller reads the rows: a fragment cache keys its entry on them.
    """
    keys = tuple(k for k in keys if k)
    dependencies = _current.get()
    if dependencies is not None:
        dependencies.add(keys)
    found = versions(keys)
    return None if found is None else tuple(found[k] for k in keys)


def not_after(moment: datetime | None):
    """Say the content being rendered changes by itself at `moment`
    (a scheduled publication, an expiry, midnight)."""
    dependencies = _current.get()
    if dependencies is not None:
        dependencies.not_after(moment)


def is_fresh(stored_versions):
    """True when every stored key still has its stored version."""
    if not stored_versions:
        return stored_versions is not None
    current = versions(stored_versions)
    return current is not None and current == stored_versions
