import signal
import time

from django.core.management.base import BaseCommand
from django_tasks_db.models import DBTaskResult

from subscriptions.tasks import send_subscription_mail


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
            self.tick()
            if once:
                return
            time.sleep(interval)

    def tick(self):
        # While the worker is down, one waiting task is enough: the sweep
        # catches up on everything at once.
        waiting = (
            DBTaskResult.objects.ready()
            .filter(task_path=send_subscription_mail.module_path)
            .exists()
        )
        if not waiting:
            send_subscription_mail.enqueue()
