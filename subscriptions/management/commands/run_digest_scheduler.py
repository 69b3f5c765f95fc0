import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django_tasks_db.models import DBTaskResult

from newsroom.tasks import reap_stuck_tasks
from subscriptions.tasks import send_subscription_mail

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Enqueue the subscription mail task every --interval seconds, for "
        "`manage.py db_worker` to run. Without cron, this is the clock."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0)
        parser.add_argument(
            "--once", action="store_true", help="Enqueue once and exit."
        )

    def handle(self, *args, interval, once, **options):
        # Started in the background by `make run`, where the shell ignores
        # Ctrl-C for background jobs; stop with the server instead.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        while True:
            try:
                self.tick()
            except DatabaseError as error:
                if once:
                    raise
                # A locked or unreachable database: the next tick tries again.
                logger.warning("Scheduler tick failed: %s", error)
                close_old_connections()
            if once:
                return
            time.sleep(interval)

    def tick(self):
        # Tasks whose worker died go back in the queue (newsroom.tasks).
        reap_stuck_tasks()
        # While the worker is down, one waiting task is enough: the sweep
        # catches up on everything at once.
        waiting = (
            DBTaskResult.objects.ready()
            .filter(task_path=send_subscription_mail.module_path)
            .exists()
        )
        if not waiting:
            send_subscription_mail.enqueue()
