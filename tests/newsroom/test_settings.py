import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.settings import database_from_url

ROOT = Path(__file__).resolve().parents[2]


def test_postgres_url_maps_to_the_postgresql_backend():
    db = database_from_url("postgres://news:s%40cret@db.example:5433/newsroom")

    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"]) == ("newsroom", "news", "s@cret")
    assert (db["HOST"], db["PORT"]) == ("db.example", "5433")


def test_sqlite_runs_with_wal_immediate_transactions_and_a_busy_timeout():
    db = database_from_url("sqlite:////tmp/x.sqlite3")

    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert db["OPTIONS"]["timeout"] > 0
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]


@pytest.mark.parametrize("url", ["mysql://root@localhost/x", "oracle://x", "nonsense"])
def test_unknown_database_scheme_is_a_clear_configuration_error(url):
    with pytest.raises(ImproperlyConfigured, match="not supported"):
        database_from_url(url)


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.pop("DATABASE_URL", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_unknown_database_scheme_stops_start_up_without_a_driver_traceback():
    result = run_manage("check", DATABASE_URL="mysql://root@localhost/x")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DATABASE_URL scheme 'mysql' is not supported" in result.stderr


def test_production_settings_pass_check_deploy():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-value",
        DJANGO_ALLOWED_HOSTS="news.example.com",
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
