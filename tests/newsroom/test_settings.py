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


def settings_value(expression, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.pop("DATABASE_URL", None)
    environment.pop("PORT", None)
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", f"import newsroom.settings as s; print({expression})"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


PRODUCTION = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "k" * 60}


def test_hsts_preload_is_the_operators_choice():
    assert settings_value("s.SECURE_HSTS_PRELOAD", **PRODUCTION) == "False"
    assert (
        settings_value("s.SECURE_HSTS_PRELOAD", DJANGO_HSTS_PRELOAD="1", **PRODUCTION)
        == "True"
    )


def test_the_site_url_follows_make_runs_port():
    assert settings_value("s.SITE_URL", PORT="8123") == "http://127.0.0.1:8123"
    assert (
        settings_value("s.SITE_URL", PORT="8123", DJANGO_SITE_URL="https://x.example")
        == "https://x.example"
    )


def test_postgresql_uses_a_sized_pool_and_no_persistent_connections(monkeypatch):
    monkeypatch.setenv("DJANGO_DB_POOL_MIN", "1")
    monkeypatch.setenv("DJANGO_DB_POOL_MAX", "5")

    db = database_from_url("postgres://news@db/newsroom")

    assert db["CONN_MAX_AGE"] == 0
    assert db["OPTIONS"]["pool"]["min_size"] == 1
    assert db["OPTIONS"]["pool"]["max_size"] == 5
    assert db["CONN_HEALTH_CHECKS"] is True


def test_without_a_pool_each_request_closes_its_connection(monkeypatch):
    monkeypatch.setenv("DJANGO_DB_POOL_MAX", "0")

    db = database_from_url("postgres://news@db/newsroom")

    assert db["CONN_MAX_AGE"] == 0
    assert "pool" not in db.get("OPTIONS", {})


def test_redis_clients_get_short_timeouts():
    expression = "s.CACHES['default']['OPTIONS'], s.CHANNEL_LAYERS['default']"
    value = settings_value(
        expression, REDIS_URL="redis://127.0.0.1:6379/1", DJANGO_REDIS_TIMEOUT="0.3"
    )

    assert "'socket_connect_timeout': 0.3" in value
    assert "'socket_timeout': 0.3" in value
    assert value.count("socket_timeout") == 2  # the cache and the channel layer


def test_a_bad_trusted_proxy_stops_start_up():
    result = run_manage("check", DJANGO_TRUSTED_PROXIES="10.0.0.0/8,nginx")

    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES" in result.stderr
