"""Where page cache entries live: this process's memory, bounded in bytes
(the default), or Redis with REDIS_URL (every app server shares entries).

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

    def delete(self, key):
        self.client.delete(self.prefix + key)


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

    def set(self, key, entry):
        self._call(self.store.set, key, entry)

    def delete(self, key):
        self._call(self.store.delete, key)


@cache
def store():
    """The store the settings name (built once per process)."""
    if settings.PAGE_CACHE_REDIS_URL:
        backend = RedisStore(
            settings.PAGE_CACHE_REDIS_URL,
            timeout=settings.PAGE_CACHE_STORE_TIMEOUT,
            lifetime=settings.PAGE_CACHE_ENTRY_SECONDS,
        )
    else:
        backend = LocalMemoryStore(settings.PAGE_CACHE_MAX_BYTES)
    return Guarded(backend)


@receiver(setting_changed)
def _forget_store(*, setting, **kwargs):
    if setting.startswith("PAGE_CACHE"):
        store.cache_clear()
