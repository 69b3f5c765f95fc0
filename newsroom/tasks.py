"""Background tasks shared by the apps, and the reaper of lost ones.

django-tasks-db marks a task RUNNING when a worker claims it and never looks
at it again: a worker killed mid-task (kill -9, OOM, a lost machine) leaves
it RUNNING for ever. `reap_stuck_tasks()` puts such tasks back in the queue
(or fails them after a few tries); the scheduler calls it every tick and
`manage.py run_worker` when it starts.
"""

import logging
import os
import socket
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from .mail import build_message

logger = logging.getLogger(__name__)

# Minutes to wait before each next try of a mail the server refused or could
# not be reached for: 1, 5, 30, then the mail is given up (and logged).
MAIL_RETRY_MINUTES = (1, 5, 30)


class WorkerLost(Exception):
    """The worker running a task died before finishing it."""


@task()
def deliver_email(message, attempt=1):
    """Send one rendered e-mail (see newsroom.mail); retry later on failure."""
    try:
        connection = get_connection(timeout=settings.EMAIL_TIMEOUT)
        build_message(message, connection=connection).send()
    except (SMTPException, OSError) as error:
        retry = _schedule_retry(message, attempt)
        logger.warning(
            "Could not send an e-mail (try %d, %s): %s",
            attempt,
            "retrying later" if retry else "given up",
            error,
        )
        raise
    return attempt


def _schedule_retry(message, attempt):
    if attempt > len(MAIL_RETRY_MINUTES):
        return False
    backend = deliver_email.get_backend()
    if not backend.supports_defer:
        return False
    run_after = timezone.now() + timedelta(minutes=MAIL_RETRY_MINUTES[attempt - 1])
    deliver_email.using(run_after=run_after).enqueue(message, attempt=attempt + 1)
    return True


def worker_id():
    """This process's worker id: host and pid, so a reaper on the same host
    can tell a dead worker from a slow one."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def _is_dead_here(worker):
    host, _sep, pid = (worker or "").rpartition(":")
    if host != socket.gethostname()[:40] or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def reap_stuck_tasks(*, now=None):
    """Requeue RUNNING tasks whose worker died; returns how many were reaped.

    A task is taken as lost when its worker was on this host and its process
    is gone, or when it has run longer than TASKS_RUNNING_TIMEOUT (workers on
    other hosts). A task lost TASKS_MAX_ATTEMPTS times is failed instead, so
    a task that kills its worker cannot loop for ever.
    """
    now = now or timezone.now()
    limit = now - settings.TASKS_RUNNING_TIMEOUT
    reaped = 0
    for result in DBTaskResult.objects.running().only("id", "started_at", "worker_ids"):
        last_worker = result.worker_ids[-1] if result.worker_ids else ""
        if not (_is_dead_here(last_worker) or result.started_at < limit):
            continue
        with transaction.atomic():
            result = (
                DBTaskResult.objects.select_for_update()
                .filter(pk=result.pk, status="RUNNING", started_at=result.started_at)
                .first()
            )
            if result is None:
                continue  # finished or reaped meanwhile
            if len(result.worker_ids) >= settings.TASKS_MAX_ATTEMPTS:
                result.set_failed(WorkerLost(f"Lost with worker {last_worker}"))
            else:
                result.status = "READY"
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
        logger.warning(
            "Reaped task %s (%s) from %s", result.pk, result.task_path, last_worker
        )
        reaped += 1
    return reaped
