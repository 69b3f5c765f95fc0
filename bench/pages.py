"""Time the reader pages against a large archive.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \
        .venv/bin/python bench/pages.py --articles 1000000

Fills the database named by DATABASE_URL (default: bench/bench.sqlite3) with
an archive of published articles over 10 sections and 2,000 tags (once; the
rows are kept for later runs), then requests each page in-process with
Django's test client and prints the median and 95th percentile time and the
number of queries. Times are server-side (no network), single process.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from datetime import timedelta  # noqa: E402

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag, TaggedItem  # noqa: E402

from articles.models import Article, Section  # noqa: E402

BATCH = 5_000
WORDS = ("gas talks ministry summit pipeline reform budget election treaty missile "
         "exports harvest satellite court border").split()  # fmt: skip


def fill(n_articles):
    """Create sections, tags and published articles up to `n_articles`."""
    sections = [
        Section.objects.get_or_create(
            slug=f"bench-{i}", defaults={"name": f"Bench {i}", "position": i}
        )[0]
        for i in range(10)
    ]
    tags = list(Tag.objects.filter(slug__startswith="bench-tag-"))
    if not tags:
        tags = Tag.objects.bulk_create(
            Tag(name=f"bench tag {i}", slug=f"bench-tag-{i}") for i in range(2_000)
        )
    have = Article.objects.count()
    now = timezone.now()
    content_type_id = ContentType.objects.get_for_model(Article).id
    started = time.perf_counter()
    for start in range(have, n_articles, BATCH):
        stop = min(start + BATCH, n_articles)
        with transaction.atomic():
            rows = Article.objects.bulk_create(
                Article(
                    title=f"{WORDS[i % 15].title()} {WORDS[(i * 7) % 15]} report {i}",
                    slug=f"bench-{i}",
                    section=sections[i % 10],
                    lead=f"Lead {i}: {WORDS[(i * 3) % 15]} {WORDS[(i * 5) % 15]}.",
                    body=f"<p>Body of report {i} on {WORDS[(i * 11) % 15]}.</p>",
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(minutes=i),
                )
                for i in range(start, stop)
            )
            TaggedItem.objects.bulk_create(
                TaggedItem(
                    tag=tags[(row.pk + offset) % len(tags)],
                    content_type_id=content_type_id,
                    object_id=row.pk,
                )
                for row in rows
                for offset in (0, len(tags) // 2)
            )
        print(
            f"  {stop:>9,} articles ({time.perf_counter() - started:.0f} s)", flush=True
        )
    if connection.vendor == "sqlite" and have < n_articles:
        call_command("rebuild_search_index")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(client, url, repeat):
    """Median and 95th percentile milliseconds, and queries, for GET `url`."""
    client.get(url)  # warm caches and connections
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return statistics.median(times), p95, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    fill(args.articles)
    article = Article.objects.published().select_related("section").first()
    middle = Article.objects.get(slug=f"bench-{args.articles // 2}")
    tag = Tag.objects.get(slug="bench-tag-7")
    day = timezone.localtime(middle.published_at)
    pages = {
        "home": "/",
        "section": "/bench-3/",
        "section, page 500": "/bench-3/?page=500",
        "article (newest)": article.get_absolute_url(),
        "article (archive middle)": middle.get_absolute_url(),
        "tag": f"/tags/{tag.slug}/",
        "newsfeed page": "/newsfeed/",
        "day archive": f"/archive/{day:%Y/%m/%d}/",
        "search": "/search/?q=pipeline+summit",
        "feed (RSS)": "/feeds/rss/",
        "news sitemap": "/sitemap-news-en.xml",
    }
    client = Client()
    print(f"\n{connection.vendor}, {Article.objects.count():,} articles, "
          f"{args.repeat} requests per page")  # fmt: skip
    print(f"{'page':<26}{'median ms':>10}{'p95 ms':>9}{'queries':>9}")
    for name, url in pages.items():
        median, p95, n_queries = measure(client, url, args.repeat)
        print(f"{name:<26}{median:>10.1f}{p95:>9.1f}{n_queries:>9}")


if __name__ == "__main__":
    main()
