"""Does each app worker's memory stay bounded with the page cache on?

    .venv/bin/python bench/pages.py --articles 200000   # fills bench/bench.sqlite3
    .venv/bin/python bench/memory.py --requests 100000 --urls 10000

Serves the archive of `bench/pages.py` (DATABASE_URL, default
bench/bench.sqlite3) with gunicorn as in production (DEBUG off, every cache
on, the default local-memory page cache unless REDIS_URL is set), then asks
for `--urls` distinct reader pages (articles, section and tag pages at many
depths, day archives, searches), `--requests` times in all in a random
order, from several client threads. After each tenth of the requests it
reads every worker's resident memory (VmRSS in /proc) and prints it: the
figure to watch is the last half, which must not climb (the cache is full
by then and evicts what it must).
"""

import argparse
import http.client
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = f"sqlite:///{ROOT / 'bench' / 'bench.sqlite3'}"
WORDS = (
    "gas talks ministry summit pipeline reform budget election treaty missile "
    "exports harvest satellite court border"
).split()


def archive_urls(n_urls, rng):
    """`n_urls` distinct reader URLs of the bench archive."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import timezone
    from taggit.models import Tag

    from articles.models import Article, Section

    n_articles = Article.objects.filter(slug__startswith="bench-").count()
    if n_articles == 0:
        sys.exit("No bench archive here: run bench/pages.py --articles N first.")
    # bench/pages.py puts article i in section bench-(i % 10), in position order.
    sections = list(
        Section.objects.filter(slug__startswith="bench-").order_by("position")
    )
    tags = list(Tag.objects.filter(slug__startswith="bench-tag-").values_list("slug"))
    newest = Article.objects.filter(slug="bench-0").get().published_at
    days = sorted(
        {
            timezone.localtime(newest - time_delta).date()
            for time_delta in (
                timedelta(minutes=m) for m in range(0, n_articles, 24 * 60)
            )
        }
    )
    pages = max(1, n_articles // len(sections) // 20)

    def section_page():
        return f"/{rng.choice(sections).slug}/?page={rng.randint(1, pages)}"

    def tag_page():
        return f"/tags/{rng.choice(tags)[0]}/?page={rng.randint(1, 5)}"

    def day_archive():
        return "/archive/{0:%Y}/{0:%m}/{0:%d}/".format(rng.choice(days))

    def search():
        return f"/search/?q={quote(rng.choice(WORDS))}+{rng.randint(1, n_articles)}"

    urls = set()
    for share, make in (
        (0.15, section_page),
        (0.15, tag_page),
        (0.05, day_archive),
        (0.05, search),
    ):
        target = len(urls) + int(n_urls * share)
        for _ in range(n_urls * 20):
            if len(urls) >= target:
                break
            urls.add(make())
    # The rest: article pages.
    while len(urls) < n_urls:
        i = rng.randrange(n_articles)
        urls.add(f"/{sections[i % len(sections)].slug}/bench-{i}/")
    return sorted(urls)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()]


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def serve(port, workers, env):
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "newsroom.wsgi",
        f"--workers={workers}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start")


def drive(port, urls, n_requests, threads, on_tenth):
    """Ask for `n_requests` URLs drawn from `urls`; call on_tenth(done)."""
    lock = threading.Lock()
    state = {"done": 0, "errors": 0}
    tenth = max(1, n_requests // 10)
    order = [urls[i % len(urls)] for i in range(n_requests)]
    random.Random(7).shuffle(order)

    def run():
        while True:
            with lock:
                if state["done"] >= n_requests:
                    return
                url = order[state["done"]]
                state["done"] += 1
                done = state["done"]
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                connection.request("GET", url, headers={"Host": "localhost"})
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    with lock:
                        state["errors"] += 1
            except OSError:
                with lock:
                    state["errors"] += 1
            finally:
                connection.close()
            if done % tenth == 0:
                on_tenth(done)

    pool = [threading.Thread(target=run) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return state["errors"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--urls", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    os.environ["DJANGO_ALLOWED_HOSTS"] = env["DJANGO_ALLOWED_HOSTS"]
    urls = archive_urls(args.urls, random.Random(1))
    print(f"{len(urls):,} distinct URLs, {args.requests:,} requests")
    manage = [str(ROOT / ".venv" / "bin" / "python"), "manage.py"]
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "--verbosity=0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = free_port()
    server = serve(port, args.workers, env)
    rows = []
    started = time.perf_counter()

    def on_tenth(done):
        sizes = [rss_mb(pid) for pid in worker_pids(server.pid)]
        rows.append((done, sizes))
        elapsed = time.perf_counter() - started
        print(
            f"{done:>9,} requests {elapsed:6.0f} s  worker RSS MB: "
            + "  ".join(f"{size:6.1f}" for size in sizes),
            flush=True,
        )

    try:
        errors = drive(port, urls, args.requests, args.threads, on_tenth)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    half = [max(sizes) for done, sizes in rows if done <= args.requests // 2]
    last = [max(sizes) for done, sizes in rows]
    print(f"answers >= 400 or failed: {errors}")
    if half and last:
        print(
            f"largest worker after the first half: {half[-1]:.1f} MB, "
            f"at the end: {last[-1]:.1f} MB, peak: {max(last):.1f} MB"
        )


if __name__ == "__main__":
    main()
