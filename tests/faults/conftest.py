import http.client
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from .servers import free_port

ROOT = Path(__file__).resolve().parents[2]


class SharedDatabase:
    """The test database as another process can open it: PostgreSQL's test
    database itself, or for SQLite (in memory in the suite) a file copy made
    by `publish()` once the test's rows are written."""

    def __init__(self, tmp_path):
        self.vendor = connection.vendor
        self.path = tmp_path / "shared.sqlite3"

    def publish(self):
        """Make what the test wrote visible to subprocesses; their URL."""
        if self.vendor == "sqlite":
            target = sqlite3.connect(self.path)
            connection.ensure_connection()
            connection.connection.backup(target)
            target.close()
            return f"sqlite:///{self.path}"
        db = connection.settings_dict
        return (
            f"postgres://{db['USER']}:{db['PASSWORD']}@"
            f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )

    def scalar(self, sql, *params):
        """One value from the database the subprocesses wrote to."""
        if self.vendor == "sqlite":
            with sqlite3.connect(self.path) as db:
                return db.execute(sql, params).fetchone()[0]
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("?", "%s"), params)
            return cursor.fetchone()[0]


@pytest.fixture
# Serialized rollback, as every transactional test here: the flush at its end
# would delete the groups the data migrations made (tests/browser/conftest.py).
def shared_database(django_db_serialized_rollback, transactional_db, tmp_path):
    return SharedDatabase(tmp_path)


def manage_env(database_url, **extra):
    """The environment of a `manage.py` subprocess: production-like settings,
    this database, nothing inherited that could point elsewhere."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.pop("PORT", None)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_DEBUG="0",
        # The test's own key: sessions it made stay valid there.
        DJANGO_SECRET_KEY=settings.SECRET_KEY,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_LOG_FORMAT="text",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def start(args, env, **kwargs):
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **kwargs,
    )


def wait_for(condition, *, timeout, what, process=None):
    """Poll `condition` until it is true; fail the test after `timeout` s, or
    as soon as `process` (the subprocess it waits on) has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if process is not None and process.poll() is not None:
            output, _ = process.communicate()
            pytest.fail(f"{what}: the process exited ({process.returncode}):\n{output}")
        time.sleep(0.05)
    output = ""
    if process is not None:
        process.kill()
        output, _ = process.communicate()
    pytest.fail(f"Timed out waiting for {what}\n{output}")


def fetch(port, path="/"):
    """(status, body, X-Page-Cache) of one GET, on a new connection."""
    link = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        link.request("GET", path)
        response = link.getresponse()
        return response.status, response.read(), response.getheader("X-Page-Cache")
    finally:
        link.close()


def answers(port):
    try:
        return fetch(port, "/health/live/")[0] == 200
    except OSError:
        return False


@pytest.fixture
def servers(shared_database, tmp_path):
    """Start gunicorn servers on the test's database and one version file."""
    started = []

    def serve(*, workers=1):
        port = free_port()
        env = manage_env(
            shared_database.publish() if not started else started[0][2],
            # DEBUG on: static files without collectstatic.
            DJANGO_DEBUG="1",
            DJANGO_CONTENT_VERSIONS_FILE=str(tmp_path / "content-versions"),
        )
        process = start(
            # No access log: nobody reads the pipe while the test runs, and a
            # full pipe would stop the server.
            ["-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
            + ["newsroom.wsgi"],
            env,
            start_new_session=True,  # the workers go with the master
        )
        started.append((process, port, env["DATABASE_URL"]))
        wait_for(lambda: answers(port), timeout=60, what="gunicorn", process=process)
        return port, env

    yield serve
    for process, _port, _url in started:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=10)


def manage_shell(env, code):
    """Run `code` in `manage.py shell` with the servers' settings: another
    process, as an editor's admin request or the task worker would be."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
