"""Mail leaves through the task queue after commit; lost tasks are reaped."""

import os
import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsroom import tasks
from newsroom.mail import send_email

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def mail_to(address="reader@example.com"):
    send_email(
        to=address,
        subject_template="accounts/email/email_change_subject.txt",
        template="accounts/email/email_change.txt",
        context={"user": None, "url": "http://testserver/x/"},
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_is_enqueued_only_when_the_transaction_commits(settings):
    settings.TASKS = DB_TASKS

    with transaction.atomic():
        mail_to()
        assert DBTaskResult.objects.count() == 0
    with pytest.raises(RuntimeError), transaction.atomic():
        mail_to("rolled-back@example.com")
        raise RuntimeError

    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "newsroom.tasks.deliver_email"
    assert queued.args_kwargs["args"][0]["to"] == ["reader@example.com"]
    assert queued.args_kwargs["args"][0]["subject"] == (
        "Confirm your new e-mail address"
    )
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_task_sends_the_rendered_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail_to()

    assert mail.outbox[0].to == ["reader@example.com"]
    assert "http://testserver/x/" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_refused_mail_is_retried_later_then_given_up(settings):
    settings.TASKS = DB_TASKS
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    message = {"to": ["a@example.com"], "subject": "s", "body": "b"}

    with pytest.raises(OSError):
        tasks.deliver_email.call(message)
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + timedelta(seconds=50)

    with pytest.raises(OSError):
        tasks.deliver_email.call(message, attempt=len(tasks.MAIL_RETRY_MINUTES) + 1)
    assert DBTaskResult.objects.count() == 1  # the last try schedules no more


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def running_task(*, worker, started_minutes_ago=0, attempts=1):
    result = tasks.deliver_email.using(backend="default").enqueue({"to": []})
    return DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING",
        started_at=timezone.now() - timedelta(minutes=started_minutes_ago),
        worker_ids=[worker] * attempts,
    )


@pytest.fixture
def db_tasks(settings, db):
    settings.TASKS = DB_TASKS


def dead_pid():
    pid = os.getpid()
    while True:
        pid += 7919
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            continue


def test_a_task_whose_worker_died_on_this_host_is_requeued_at_once(db_tasks):
    running_task(worker=f"{socket.gethostname()[:40]}:{dead_pid()}")

    assert tasks.reap_stuck_tasks() == 1

    task = DBTaskResult.objects.get()
    assert task.status == "READY"
    assert DBTaskResult.objects.ready().exists()


def test_a_live_worker_keeps_its_task(db_tasks):
    running_task(worker=tasks.worker_id())  # this very process
    running_task(worker="other-host:123")  # elsewhere, recently started

    assert tasks.reap_stuck_tasks() == 0
    assert DBTaskResult.objects.running().count() == 2


def test_a_task_running_past_the_timeout_elsewhere_is_requeued(db_tasks, settings):
    settings.TASKS_RUNNING_TIMEOUT = timedelta(minutes=15)
    running_task(worker="other-host:123", started_minutes_ago=16)

    assert tasks.reap_stuck_tasks() == 1


def test_a_task_lost_too_often_is_failed(db_tasks, settings):
    running_task(
        worker=f"{socket.gethostname()[:40]}:{dead_pid()}",
        attempts=settings.TASKS_MAX_ATTEMPTS,
    )

    tasks.reap_stuck_tasks()

    task = DBTaskResult.objects.get()
    assert task.status == "FAILED"
    assert task.exception_class_path == "newsroom.tasks.WorkerLost"


def test_the_scheduler_survives_a_locked_database(db, monkeypatch):
    from django.core.management import call_command
    from django.db import OperationalError

    from subscriptions.management.commands import run_digest_scheduler

    ticks = []

    def tick(self):
        ticks.append(1)
        if len(ticks) == 1:
            raise OperationalError("database is locked")

    def sleep(seconds):
        if len(ticks) >= 2:
            raise KeyboardInterrupt  # stop the endless loop here

    monkeypatch.setattr(run_digest_scheduler.Command, "tick", tick)
    monkeypatch.setattr(run_digest_scheduler.time, "sleep", sleep)

    with pytest.raises(KeyboardInterrupt):
        call_command("run_digest_scheduler", interval=0)

    assert len(ticks) == 2
