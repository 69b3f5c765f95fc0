"""Failed logins slow down before django-axes refuses them: after a few
failures from one address or for one account, the next try must wait, twice
as long each time. Nothing sleeps in a request; the form says how long."""

import time

from django.conf import settings
from django.core.cache import cache

from newsroom.ratelimit import client_address


def _keys(request, username):
    keys = [f"login-wait:ip:{client_address(request)}"]
    if username:
        keys.append(f"login-wait:user:{username.strip().lower()}")
    return keys


def seconds_to_wait(request, username):
    """How long the next login attempt must still wait (0: it may go)."""
    now = time.time()
    waits = [
        state["until"] - now
        for state in cache.get_many(_keys(request, username)).values()
        if state and state["until"] > now
    ]
    return int(max(waits, default=0) + 0.999)


def record_failure(request, username):
    """Count a failed login; from the free tries on, each doubles the wait."""
    now = time.time()
    free = settings.LOGIN_FREE_FAILURES
    keep = int(settings.AXES_COOLOFF_TIME.total_seconds())
    for key in _keys(request, username):
        failures = (cache.get(key) or {"failures": 0})["failures"] + 1
        delay = 2 ** (failures - free) if failures > free else 0
        cache.set(key, {"failures": failures, "until": now + delay}, timeout=keep)


def forget_failures(request, username):
    """A successful login clears the waits."""
    cache.delete_many(_keys(request, username))
