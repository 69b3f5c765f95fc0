"""Issue 10, fault 15 and supervision: `make run`'s server serves static
files through WhiteNoise (a path escaping STATIC_ROOT is a 404, not a 500
from the development handler), and bin/respawn restarts what dies."""

import http.client
import shlex
import signal
import subprocess
import sys

import pytest

from .conftest import ROOT, manage_env, start, wait_for
from .servers import free_port

pytestmark = pytest.mark.faults


def make_run_server_args(port):
    """The runserver command line `make run PORT=...` would run."""
    plan = subprocess.run(
        ["make", "-n", "run", f"PORT={port}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (line,) = [line for line in plan.splitlines() if "runserver" in line]
    args = shlex.split(line)
    return args[args.index("manage.py") :]


def get(port, path):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path)
        return connection.getresponse().status
    except OSError:
        return None


def test_make_runs_server_answers_404_to_a_path_escaping_static(shared_database):
    port = free_port()
    env = manage_env(shared_database.publish(), DJANGO_DEBUG="1")
    server = start(make_run_server_args(port), env)
    try:
        wait_for(
            lambda: get(port, "/health/live/") == 200,
            timeout=60,
            what="runserver",
            process=server,
        )

        assert get(port, "/static/%2e%2e/db.sqlite3") == 404
        assert get(port, "/static/..%2fmanage.py") == 404
        assert get(port, "/static/css/site.css") == 200
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=20)


def test_respawn_starts_a_dead_command_again_and_stops_with_it(tmp_path):
    runs = tmp_path / "runs"
    script = f"echo run >> {shlex.quote(str(runs))}; exit 1"
    respawn = subprocess.Popen(
        [
            str(ROOT / "bin" / "respawn"),
            sys.executable,
            "-c",
            f"import subprocess; subprocess.run({script!r}, shell=True)",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(
            lambda: runs.exists() and runs.read_text().count("run") >= 2,
            timeout=30,
            what="a second run",
        )
    finally:
        respawn.terminate()
        _, stderr = respawn.communicate(timeout=10)

    assert respawn.returncode == 0
    assert "starting it again" in stderr
