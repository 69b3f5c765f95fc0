from django.core.management.base import BaseCommand

from articles.search_index import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index (the FTS5 table on SQLite, the "
        "search_document column on PostgreSQL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, database, **options):
        kind = rebuild_index(database)
        if kind is None:
            self.stderr.write("This database has no search index to rebuild.")
            return
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt ({kind})."))
