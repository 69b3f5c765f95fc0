from django.core.management.base import BaseCommand

from articles.models import Article, Author
from articles.originals import clean_original


class Command(BaseCommand):
    help = (
        "Re-encode stored article images and author photos that still carry "
        "metadata (EXIF with GPS, XMP, comments). Safe to run again."
    )

    def handle(self, *args, **options):
        cleaned = 0
        for queryset in (
            Article.objects.exclude(image="").only("pk", "image"),
            Author.objects.exclude(photo="").only("pk", "photo"),
        ):
            for obj in queryset.iterator(chunk_size=500):
                cleaned += clean_original(obj)
        self.stdout.write(f"Re-encoded {cleaned} original(s) without metadata.")
