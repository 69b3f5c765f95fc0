"""A fixed-window rate limit kept in the cache (Redis in production, so
every app server counts together).

When the cache cannot be reached (Redis down, or slower than REDIS_TIMEOUT)
each limit degrades the way its caller chose, and the failure is logged:
`fail_open=True` lets the request through (readers who are logged in:
comments, chats), `fail_open=False` refuses it (anonymous requests that send
mail to an address the requester chooses: registration, "send again",
subscriptions). README.md, "When a service is down", lists the choices.
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)


def is_over_limit(key, *, limit, period, fail_open):
    """Count one hit for `key`; True once it exceeds `limit` in `period` seconds.

    Without a cache, True when `fail_open` is False (refuse), else False.
    """
    try:
        return _count(key, limit=limit, period=period)
    except Exception as error:  # any cache failure: the caller's choice
        logger.warning(
            "Rate limit %s unavailable (%s: %s); %s",
            key.split(":", 1)[0],
            type(error).__name__,
            error,
            "allowing" if fail_open else "refusing",
        )
        return not fail_open


def _count(key, *, limit, period):
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
