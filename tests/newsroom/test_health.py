from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsroom.tasks import deliver_email


def test_liveness_answers_without_a_query(client):
    # No django_db mark: any query would raise.
    response = client.get("/health/live/")

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_asks_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/health/ready/")

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_report_checks_database_cache_channel_layer_and_queue(client):
    response = client.get("/health/?format=json")

    assert response.status_code == 200, response.content
    assert "no-cache" in response["Cache-Control"]
    names = " ".join(response.json())
    for check in ("Database", "Cache", "ChannelLayer", "TaskQueue"):
        assert check in names


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_report_fails_when_tasks_wait_with_no_worker(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    deliver_email.enqueue({"to": []})
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(hours=1))

    response = client.get("/health/?format=json")

    assert response.status_code == 500
    assert "worker" in str(response.json())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_report_fails_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": settings.REDIS_OPTIONS,
        }
    }

    response = client.get("/health/?format=json")

    assert response.status_code == 500
