"""Issue 10, fault 13: a worker killed (kill -9) in the middle of the mail
sweep. The next worker requeues the task at once (its process is gone) and
the same task resumes the deliveries it had claimed: every mail goes out,
none twice."""

import signal

import pytest
from django.utils import timezone

from subscriptions import services as subscriptions
from subscriptions.tasks import send_subscription_mail
from tests.factories import make_article, make_section

from .conftest import manage_env, start, wait_for
from .servers import HungServer, SMTPSink

pytestmark = pytest.mark.faults


def smtp_env(url, port, **extra):
    return manage_env(
        url,
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_EMAIL_PORT=str(port),
        DJANGO_EMAIL_USE_TLS="0",
        **extra,
    )


def test_a_worker_killed_mid_send_is_reaped_and_its_mail_resumed(
    shared_database, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    section = make_section()
    for n in range(3):
        subscriptions.subscribe(
            email=f"s{n}@example.com", kind="section", target=section
        )
    make_article(section=section, published_at=timezone.now())
    send_subscription_mail.enqueue()
    url = shared_database.publish()
    worker_args = ["manage.py", "run_worker", "--no-startup-delay", "--no-reload"]

    with HungServer() as hung:
        env = smtp_env(url, hung.port, DJANGO_EMAIL_TIMEOUT="60")
        worker = start(worker_args, env)
        try:
            wait_for(
                lambda: hung.connections == 1,
                timeout=60,
                what="the sweep",
                process=worker,
            )
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.communicate(timeout=10)

    status = "SELECT status FROM django_tasks_database_dbtaskresult"
    claimed = "SELECT COUNT(*) FROM subscriptions_delivery WHERE claim != ''"
    assert shared_database.scalar(status) == "RUNNING"
    assert shared_database.scalar(claimed) == 3

    with SMTPSink() as sink:
        env = smtp_env(url, sink.port)
        again = start([*worker_args, "--batch"], env)
        output, _ = again.communicate(timeout=120)

    assert again.returncode == 0, output
    assert "Requeued 1 task" in output
    assert shared_database.scalar(status) == "SUCCESSFUL"
    sent = "SELECT COUNT(*) FROM subscriptions_delivery WHERE sent_at IS NOT NULL"
    assert shared_database.scalar(sent) == 3
    assert len(sink.messages) == 3
