"""Where page cache entries live: this process's memory, bounded in bytes
(the default), or with REDIS_URL Redis (every app server shares entries)
with this process's recently used ones in front of it.

Neither ever makes a page fail: a store that errs or does not answer within
its timeout reads as a miss and is left alone for a few seconds, so a broken
Redis costs one timeout now and then, not one per request.
"""

import logging
import pickle
import threading
import time
from collections import OrderedDict
from functools import cache

import redis
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

log = logging.getLogger(__name__)

# Seconds a store that failed is left alone before it is tried again.
RETRY_AFTER = 5.0
# What an entry costs beyond its body and headers (the tuple, dict, key).
ENTRY_OVERHEAD = 512


def entry_size(key, entry):
    """An entry's size in bytes, near enough to bound memory by."""
    return (
        ENTRY_OVERHEAD
        + len(key)
        + len(entry.body)
        + sum(len(k) + len(v) for k, v in entry.headers.values())
        + sum(len(k) + 8 for k in entry.versions)
    )


class LocalMemoryStore:
    """Least recently used entries of this process, at most `max_bytes`.

    Entries are kept as they are (no pickling): they are immutable.
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.size = 0
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found[0]
            return None

    def set(self, key, entry):
        size = entry_size(key, entry)
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old[1]
            if size > self.max_bytes:
                return
            self._entries[key] = (entry, size)
            self.size += size
            while self.size > self.max_bytes:
                _key, (_entry, dropped) = self._entries.popitem(last=False)
                self.size -= dropped

    refresh = set
    get_local = get

    def delete(self, key):
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old[1]

    def __len__(self):
        return len(self._entries)


class RedisStore:
    """Entries in Redis, each with a lifetime that only lets pages nobody asks
    for leave; Redis itself evicts under memory pressure (README: `maxmemory`
    with `maxmemory-policy volatile-lru`, which spares the content versions:
    they have no lifetime)."""

    def __init__(self, url, *, timeout, lifetime, prefix="newsroom:page:"):
        self.prefix, self.lifetime = prefix, lifetime
        self.client = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout
        )

    def get(self, key):
        data = self.client.get(self.prefix + key)
        return None if data is None else pickle.loads(data)

    def set(self, key, entry):
        data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        self.client.set(self.prefix + key, data, ex=self.lifetime)

    refresh = set

    def delete(self, key):
        self.client.delete(self.prefix + key)


class TwoLevelStore:
    """Redis, shared by every app server, with this process's recently used
    entries in front. An entry is fresh by its content versions wherever it
    is kept, so the local copy answers while they hold (a hit costs one
    read of the version clock, not the page from Redis); Redis is asked for
    pages this process has not kept, or found stale (another server may have
    rendered the page again)."""

    def __init__(self, local, shared):
        self.local, self.shared = local, shared

    def get(self, key):
        entry = self.local.get(key)
        return entry if entry is not None else self.get_shared(key)

    def get_local(self, key):
        return self.local.get(key)

    def get_shared(self, key):
        entry = self.shared.get(key)
        if entry is not None:
            self.local.set(key, entry)
        return entry

    def set(self, key, entry):
        self.local.set(key, entry)
        self.shared.set(key, entry)

    def refresh(self, key, entry):
        # Found fresh again after a bump elsewhere: each process notes it in
        # its own copy; rewriting Redis would cost a page per server.
        self.local.set(key, entry)

    def delete(self, key):
        self.local.delete(key)
        self.shared.delete(key)


class Guarded:
    """A store whose failures read as misses, with a pause after each."""

    def __init__(self, store):
        self.store = store
        self._failed_at = None

    def _call(self, method, *args):
        failed_at = self._failed_at
        if failed_at is not None and time.monotonic() - failed_at < RETRY_AFTER:
            return None
        try:
            result = method(*args)
        except Exception:
            # Whatever the store raises (a timeout, a refused connection, an
            # entry pickled by another release) is a miss, never a 500.
            self._failed_at = time.monotonic()
            log.warning("Page cache store unavailable.", exc_info=True)
            return None
        self._failed_at = None
        return result

    def get(self, key):
        return self._call(self.store.get, key)

    def get_local(self, key):
        """This process's own copy (None without one): never a round trip."""
        return self._call(self.store.get_local, key)

    def get_shared(self, key):
        """The shared tier's entry (None without one)."""
        method = getattr(self.store, "get_shared", None)
        return None if method is None else self._call(method, key)

    def set(self, key, entry):
        self._call(self.store.set, key, entry)

    def refresh(self, key, entry):
        self._call(self.store.refresh, key, entry)

    def delete(self, key):
        self._call(self.store.delete, key)


@cache
def store():
    """The store the settings name (built once per process)."""
    backend = LocalMemoryStore(settings.PAGE_CACHE_MAX_BYTES)
    if settings.PAGE_CACHE_REDIS_URL:
        shared = RedisStore(
            settings.PAGE_CACHE_REDIS_URL,
            timeout=settings.PAGE_CACHE_STORE_TIMEOUT,
            lifetime=settings.PAGE_CACHE_ENTRY_SECONDS,
        )
        backend = TwoLevelStore(backend, shared)
    return Guarded(backend)


@receiver(setting_changed)
def _forget_store(*, setting, **kwargs):
    if setting.startswith("PAGE_CACHE"):
        store.cache_clear()
