from django.core.management.base import BaseCommand

from articles.originals import clean_original
from mediabank.models import Image


class Command(BaseCommand):
    help = (
        "Re-encode library images (article images, author photos) that still carry "
        "metadata (EXIF with GPS, XMP, comments). Safe to run again."
    )

    def handle(self, *args, **options):
        cleaned = 0
        for image in Image.objects.exclude(file="").iterator(chunk_size=500):
            cleaned += clean_original(image)
        self.stdout.write(f"Re-encoded {cleaned} original(s) without metadata.")
