"""Failed logins slow down before django-axes refuses them: after a few
failures from one address or for one account, the next try must wait, twice
as long each time. Nothing sleeps in a request; the form says how long.

The waits live in the cache. Without it (Redis down or slow) they fail open:
logins go on, and django-axes, which counts in the database, still locks
an address and account out after DJANGO_LOGIN_FAILURE_LIMIT failures."""

import logging
import time

from django.conf import settings
from django.core.cache import cache

from newsroom.web import client_address

logger = logging.getLogger(__name__)


def _keys(request, username):
    keys = [f"login-wait:ip:{client_address(request)}"]
    if username:
        keys.append(f"login-wait:user:{username.strip().lower()}")
    return keys


def seconds_to_wait(request, username):
    """How long the next login attempt must still wait (0: it may go)."""
    now = time.time()
    try:
        states = cache.get_many(_keys(request, username)).values()
    except Exception as error:  # no cache: fail open (see above)
        logger.warning("Login waits unavailable: %s", error)
        return 0
    waits = [state["until"] - now for state in states if state and state["until"] > now]
    return int(max(waits, default=0) + 0.999)


def record_failure(request, username):
    """Count a failed login; from the free tries on, each doubles the wait."""
    now = time.time()
    free = settings.LOGIN_FREE_FAILURES
    keep = int(settings.AXES_COOLOFF_TIME.total_seconds())
    try:
        for key in _keys(request, username):
            failures = (cache.get(key) or {"failures": 0})["failures"] + 1
            delay = 2 ** (failures - free) if failures > free else 0
            cache.set(key, {"failures": failures, "until": now + delay}, timeout=keep)
    except Exception as error:  # no cache: fail open (see above)
        logger.warning("Login waits unavailable: %s", error)


def forget_failures(request, username):
    """A successful login clears the waits."""
    try:
        cache.delete_many(_keys(request, username))
    except Exception as error:  # no cache: nothing to clear
        logger.warning("Login waits unavailable: %s", error)
