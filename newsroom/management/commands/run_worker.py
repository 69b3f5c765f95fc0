from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from newsroom.tasks import reap_stuck_tasks, worker_id


class Command(DBWorkerCommand):
    help = (
        "Run the task worker (django-tasks-db's db_worker) under a host:pid "
        "worker id, after requeueing tasks whose worker died."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The reaper tells a dead worker on this host by its pid.
        parser.set_defaults(worker_id=worker_id())

    def handle(self, *args, **options):
        reaped = reap_stuck_tasks()
        if reaped:
            self.stderr.write(f"Requeued {reaped} task(s) left by a dead worker.")
        return super().handle(*args, **options)
