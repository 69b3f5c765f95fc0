"""A fixed-window rate limit kept in the cache (Redis in production, so
every app server counts together)."""

import time

from django.core.cache import cache


def is_over_limit(key, *, limit, period):
    """Count one hit for `key`; True once it exceeds `limit` in `period` seconds."""
    window = int(time.time() // period)
    cache_key = f"ratelimit:{key}:{window}"
    if cache.add(cache_key, 1, timeout=period):
        return limit < 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, timeout=period)
        count = 1
    return count > limit


def client_address(request):
    """The client's address as the web server saw it."""
    return request.META.get("REMOTE_ADDR", "unknown")
