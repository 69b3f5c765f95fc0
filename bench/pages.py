"""Time the reader pages against a large archive, and how they scale.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench1m \
        .venv/bin/python bench/pages.py --articles 1000000 \
        --baseline postgres://postgres@127.0.0.1:5432/newsroom_bench1k

Fills the database named by DATABASE_URL (default: bench/bench.sqlite3) with
an archive of published articles over 10 sections and up to 2,000 tags, two
per article (once; the rows are kept for later runs), then requests each
page in-process with Django's test client and prints the median and 95th
percentile time and the number of queries. Times are server-side (no
network), single process.

With --baseline URL, a second database of the same kind is filled with
--baseline-articles (1,000) and each page is requested on the two in turn,
so a load on the machine weighs on both alike; the last column is the ratio
of the medians (archive / baseline): the cost of the archive's size.

Every cache is off (DJANGO_PAGE_CACHE=0, DJANGO_FRAGMENT_CACHE=0, and a
dummy cache backend) and DEBUG is off, as in production.

--cpu reports CPU time instead of elapsed time: this process's plus, on
PostgreSQL, its server process's (from /proc, so the server must run on this
machine). Other work on the machine stretches elapsed times; CPU times much
less, so their ratios are the steadier figure on a busy machine.
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
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
os.environ["DJANGO_DEBUG"] = "0"
os.environ["DJANGO_SECRET_KEY"] = "bench-only-" + "x" * 50
os.environ["DJANGO_PAGE_CACHE"] = "0"
os.environ["DJANGO_FRAGMENT_CACHE"] = "0"
# No connection pool: Django keys pools by alias, and both archives are
# "default" here, so the baseline would borrow the archive's connections.
os.environ["DJANGO_DB_POOL_MAX"] = "0"

import django  # noqa: E402

django.setup()

from datetime import timedelta  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402
from django.db.utils import ConnectionHandler  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag, TaggedItem  # noqa: E402

from articles.models import Article, Section  # noqa: E402
from newsroom.settings import database_from_url  # noqa: E402

BATCH = 5_000
WORDS = (
    "gas talks ministry summit pipeline reform budget election treaty missile "
    "exports harvest satellite court border"
).split()
NO_CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    for alias in settings.CACHES
}
# No collectstatic for a benchmark: the manifest storage would refuse.
PLAIN_STATIC = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


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
        # Up to 2,000 tags, each on at least 100 articles: a tag page lists
        # a full page at every size, so sizes compare like with like.
        n_tags = max(20, min(2_000, n_articles // 100))
        tags = Tag.objects.bulk_create(
            Tag(name=f"bench tag {i}", slug=f"bench-tag-{i}") for i in range(n_tags)
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
    if have < n_articles:
        with connection.cursor() as cursor:
            cursor.execute(
                "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
            )


def pages_to_time(n_articles):
    """{name: URL} of the reader pages, for the archive now in use."""
    article = Article.objects.published().select_related("section").first()
    middle = Article.objects.get(slug=f"bench-{n_articles // 2}")
    tag = Tag.objects.get(slug="bench-tag-7")
    day = timezone.localtime(middle.published_at)
    return {
        "home": "/",
        "section": "/bench-3/",
        "section, page 500": "/bench-3/?page=500",
        "article (newest)": article.get_absolute_url(),
        "article (archive middle)": middle.get_absolute_url(),
        "tag": f"/tags/{tag.slug}/",
        "newsfeed page": "/newsfeed/",
        "day archive": f"/archive/{day:%Y/%m/%d}/",
        "search": "/search/?q=pipeline+summit",
        "search, one common word": "/search/?q=pipeline",
        "feed (RSS)": "/feeds/rss/",
        "news sitemap": "/sitemap-news-en.xml",
    }


class Archive:
    """One benchmark database: its connection, size and page URLs."""

    def __init__(self, db, n_articles):
        self.db, self.n_articles = db, n_articles
        self.times, self.queries = {}, {}

    def use(self):
        """Route every query (the default alias) to this database."""
        connections["default"] = self.db

    def prepare(self):
        self.use()
        call_command("migrate", verbosity=0)
        fill(self.n_articles)
        self.content_type_id = ContentType.objects.get_for_model(Article).id
        self.urls = pages_to_time(self.n_articles)


def open_database(url):
    """A connection to `url` outside Django's configured aliases."""
    return ConnectionHandler({"default": database_from_url(url)})["default"]


def elapsed_clock():
    """Milliseconds of elapsed time."""
    return time.perf_counter() * 1000


def cpu_clock():
    """Milliseconds of CPU time of this process and its database server."""
    used = time.process_time_ns()
    if connection.vendor == "postgresql":
        with open(f"/proc/{connection.connection.info.backend_pid}/schedstat") as f:
            used += int(f.read().split()[0])
    return used / 1e6


clock = elapsed_clock


def request(client, url):
    started = clock()
    response = client.get(url, secure=True)
    spent = clock() - started
    assert response.status_code == 200, (url, response.status_code)
    return spent


def measure(client, archives, page, repeat):
    """Time GET of `page` on each archive in turn, `repeat` times each."""
    for archive in archives:
        archive.use()
        request(client, archive.urls[page])  # warm caches and connections
        archive.times[page] = []
        with CaptureQueriesContext(connection) as queries:
            request(client, archive.urls[page])
        archive.queries[page] = len(queries)
    for _ in range(repeat):
        for archive in archives:
            archive.use()
            archive.times[page].append(request(client, archive.urls[page]))


def summary(times):
    """Median and 95th percentile of `times`."""
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def report(archives, pages):
    big = archives[0]
    vendor = big.db.vendor
    heads = [f"{a.n_articles:,} articles" for a in archives]
    kind = "CPU" if clock is cpu_clock else "elapsed"
    print(f"\n{vendor}, {kind} ms, median / p95 (queries)")
    row = f"{'page':<26}" + "".join(f"{h:>24}" for h in heads)
    print(row + (f"{'ratio':>8}" if len(archives) > 1 else ""))
    for page in pages:
        cells = []
        for archive in archives:
            median, p95 = summary(archive.times[page])
            cells.append(f"{median:.1f} / {p95:.1f} ({archive.queries[page]})")
        line = f"{page:<26}" + "".join(f"{c:>24}" for c in cells)
        if len(archives) > 1:
            ratio = summary(big.times[page])[0] / summary(archives[1].times[page])[0]
            line += f"{ratio:>7.2f}x"
        print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--baseline", metavar="URL", help="a second database to compare with"
    )
    parser.add_argument("--baseline-articles", type=int, default=1_000)
    parser.add_argument(
        "--cpu", action="store_true", help="CPU time instead of elapsed time"
    )
    parser.add_argument(
        "--page", action="append", help="time only this page (repeatable)"
    )
    args = parser.parse_args()
    global clock
    clock = cpu_clock if args.cpu else elapsed_clock

    archives = [Archive(connections["default"], args.articles)]
    if args.baseline:
        baseline = open_database(args.baseline)
        if baseline.vendor != archives[0].db.vendor:
            parser.error("--baseline must be a database of the same kind")
        archives.append(Archive(baseline, args.baseline_articles))
    for archive in reversed(archives):
        archive.prepare()
    if len({a.content_type_id for a in archives}) > 1:
        # ContentType's cache is per alias: both must agree on the ids.
        sys.exit("The two databases number their content types differently.")
    pages = list(archives[0].urls)
    if args.page:
        pages = [p for p in pages if p in args.page]
    client = Client()
    with override_settings(CACHES=NO_CACHES, STORAGES=PLAIN_STATIC):
        for page in pages:
            measure(client, archives, page, args.repeat)
    report(archives, pages)


if __name__ == "__main__":
    main()
