"""Profile the reader pages in-process on the demo content.

    .venv/bin/python bench/render_profile.py              # counts per page
    .venv/bin/python bench/render_profile.py --profile article --top 30
    .venv/bin/python bench/render_profile.py --fresh     # on a throwaway demo DB

Renders each reader page of the demo (load_demo) with Django's test client,
DEBUG off, and prints per page: its queries with the shared fragments cold
and warm, the Python function calls of one warm rendering (cProfile: a count
that does not move with other processes' load, unlike a duration), and the
median in-process time. `--profile PAGE` prints that page's cProfile table.
`--fresh` first builds a throwaway SQLite database (migrate + load_demo) in a
temporary folder, so the figures never depend on a developer's db.sqlite3.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "render-profile-" + "x" * 50)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_PAGE_CACHE", "0")
FRESH = "--fresh" in sys.argv
if FRESH:
    _tmp = tempfile.mkdtemp(prefix="render-profile-")
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/demo.sqlite3"
    os.environ["DJANGO_CONTENT_VERSIONS_FILE"] = f"{_tmp}/content-versions"
    os.environ["DJANGO_MEDIA_ROOT"] = f"{_tmp}/media"

import django  # noqa: E402

django.setup()

if FRESH:
    from django.core.management import call_command  # noqa: E402

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    # Into the temporary folder: tests running in this checkout read its own.
    from django.conf import settings  # noqa: E402

    settings.STATIC_ROOT = f"{_tmp}/static"
    call_command("collectstatic", interactive=False, verbosity=0)

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article  # noqa: E402

REFERENCE_TITLE = "NATO head, Russia's Ivanov to discuss resuming ties Feb. 6"


def pages():
    """The pages the HTTP benchmark measures, plus the other reader pages."""
    article = Article.objects.get(title=REFERENCE_TITLE)
    return {
        "home": "/",
        "section": article.section.get_absolute_url(),
        "article": article.get_absolute_url(),
        "feed": "/feeds/rss/",
        "search": "/search/?q=nato",
        "newsfeed": "/newsfeed/",
        "tag": "/tags/nato/",
        "archive": "/archive/2009/01/26/",
        "ru-home": "/ru/",
    }


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, secure=True)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries.captured_queries)


def calls(client, path):
    profile = cProfile.Profile()
    profile.enable()
    client.get(path, secure=True)
    profile.disable()
    return profile, pstats.Stats(profile).total_calls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", help="print the cProfile table of this page")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--fresh", action="store_true", help="throwaway demo DB")
    args = parser.parse_args()

    client = Client()
    urls = pages()
    if args.profile:
        client.get(urls[args.profile], secure=True)
        client.get(urls[args.profile], secure=True)
        profile, _ = calls(client, urls[args.profile])
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(out.getvalue())
        return
    print(f"{'page':9} {'cold q':>6} {'warm q':>6} {'calls':>8} {'ms':>7}")
    for name, path in urls.items():
        cache.clear()
        cold = count_queries(client, path)
        # Twice: on a fresh demo the first rendering of an image makes its
        # renditions and saves the article (a bump), so the blocks of that
        # request are not stored (newsroom/fragments.py) until the next one.
        client.get(path, secure=True)
        warm = count_queries(client, path)
        _, n_calls = calls(client, path)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            client.get(path, secure=True)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{name:9} {cold:6} {warm:6} {n_calls:8} {statistics.median(times):7.2f}")


if __name__ == "__main__":
    main()
