"""Health endpoints for load balancers and monitoring.

- `/health/live/`: the process answers; no query, no cache (liveness).
- `/health/ready/`: the database answers `SELECT 1` (readiness: without it
  no page can be served; Redis and SMTP only degrade the site).
- `/health/`: django-health-check's report on the database, the cache, the
  channel layer and the task queue (HTML, `?format=json` or text), 500 when
  any fails.
All are marked never to be cached.
"""

import asyncio
import dataclasses
import datetime

from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class ChannelLayer(HealthCheck):
    """A message sent on the chats' channel layer comes back."""

    timeout = datetime.timedelta(seconds=2)

    async def run(self):
        layer = get_channel_layer()
        if layer is None:
            raise ServiceUnavailable("No channel layer configured")
        try:
            channel = await layer.new_channel()
            await layer.send(channel, {"type": "health.check"})
            message = await asyncio.wait_for(layer.receive(channel), timeout=1)
        except (TimeoutError, OSError) as error:
            raise ServiceUnavailable("Channel layer unreachable") from error
        if message.get("type") != "health.check":
            raise ServiceUnavailable("Channel layer returned another message")


@dataclasses.dataclass
class TaskQueue(HealthCheck):
    """Tasks are being run: none has waited in the queue longer than
    TASKS_MAX_WAIT (a worker is down), none is stuck RUNNING."""

    def run(self):
        now = timezone.now()
        try:
            waiting = (
                DBTaskResult.objects.ready()
                .filter(run_after__lt=now - settings.TASKS_MAX_WAIT)
                .exists()
            )
            stuck = (
                DBTaskResult.objects.running()
                .filter(started_at__lt=now - settings.TASKS_RUNNING_TIMEOUT)
                .exists()
            )
        finally:
            connection.close()  # this executor thread's own connection
        if waiting:
            raise ServiceUnavailable("Tasks are waiting: is a worker running?")
        if stuck:
            raise ServiceUnavailable("A task is stuck running")


class ReportView(HealthCheckView):
    checks = (Database, Cache, ChannelLayer, TaskQueue)


@never_cache
def live(request):
    """The process is up and serving: no query, nothing else touched."""
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def ready(request):
    """The database answers: this server can take traffic."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")
