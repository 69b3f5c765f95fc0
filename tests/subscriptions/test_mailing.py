from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from subscriptions import services
from subscriptions.models import Delivery
from subscriptions.tasks import send_subscription_mail
from tests.factories import make_article, make_author

from .conftest import subscribe

pytestmark = pytest.mark.django_db


class FailOnceBackend(EmailBackend):
    """Refuses the first message it is given, then delivers like locmem."""

    failed = False

    def send_messages(self, messages):
        if not FailOnceBackend.failed:
            FailOnceBackend.failed = True
            raise OSError("mail server unreachable")
        return super().send_messages(messages)


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_immediate_subscriber_gets_each_new_article_once(russia):
    subscribe("a@example.com", russia)
    first = make_article(section=russia, published_at=timezone.now())
    second = make_article(section=russia, published_at=timezone.now())

    services.sweep()
    services.sweep()

    assert sorted(m.subject for m in mail.outbox) == sorted([first.title, second.title])
    assert [m.to for m in mail.outbox] == [["a@example.com"]] * 2


def test_articles_from_before_subscribing_are_not_mailed(russia):
    make_article(section=russia, published_at=timezone.now() - timedelta(hours=1))
    subscribe("a@example.com", russia)

    services.sweep()

    assert mail.outbox == []


def test_article_matching_several_subscriptions_is_mailed_once(russia):
    author = make_author()
    subscribe("a@example.com", russia)
    subscribe("a@example.com", author, kind="author")
    tag_article = make_article(
        section=russia, tags=["nato"], authors=[author], published_at=timezone.now()
    )
    subscribe("a@example.com", tag_article.tags.get(), kind="tag")

    services.sweep()
    services.sweep()

    assert len(mail.outbox) == 1
    assert Delivery.objects.get().email == "a@example.com"


def test_scheduled_article_is_mailed_when_it_becomes_public_never_before(
    russia, monkeypatch
):
    subscribe("a@example.com", russia)
    now = timezone.now()
    scheduled = make_article(section=russia, published_at=now + timedelta(hours=2))

    services.sweep()
    at(monkeypatch, now + timedelta(hours=1))
    services.sweep()
    assert mail.outbox == []
    assert Delivery.objects.count() == 0

    at(monkeypatch, now + timedelta(hours=2, minutes=1))
    services.sweep()
    assert [m.subject for m in mail.outbox] == [scheduled.title]


def test_drafts_are_never_mailed(russia):
    subscribe("a@example.com", russia)
    make_article(section=russia, status="draft", published_at=timezone.now())

    services.sweep()

    assert mail.outbox == []


def test_daily_digest_waits_a_day_and_collects_the_articles(russia, monkeypatch):
    subscribe("d@example.com", russia, frequency="daily")
    now = timezone.now()
    articles = [make_article(section=russia, published_at=now) for _ in range(3)]

    services.sweep()
    assert mail.outbox == []

    at(monkeypatch, now + timedelta(days=1, minutes=1))
    services.sweep()
    services.sweep()

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert all(article.title in body for article in articles)
    assert "3 new articles" in mail.outbox[0].subject


def test_weekly_digest_is_not_sent_after_a_day(russia, monkeypatch):
    subscribe("w@example.com", russia, frequency="weekly")
    now = timezone.now()
    make_article(section=russia, published_at=now)

    at(monkeypatch, now + timedelta(days=1, minutes=1))
    services.sweep()
    assert mail.outbox == []

    at(monkeypatch, now + timedelta(days=7, minutes=1))
    services.sweep()
    assert len(mail.outbox) == 1


def test_digest_with_nothing_new_sends_nothing_and_moves_on(russia, monkeypatch):
    now = timezone.now()
    subscription = subscribe("d@example.com", russia, frequency="daily")

    at(monkeypatch, now + timedelta(days=1, minutes=1))
    services.sweep()

    subscription.refresh_from_db()
    assert mail.outbox == []
    assert subscription.next_digest_at == now + timedelta(days=2, minutes=1)


def test_failed_send_is_retried_without_duplicates(russia, settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailOnceBackend"
    FailOnceBackend.failed = False
    subscribe("a@example.com", russia)
    subscribe("b@example.com", russia)
    article = make_article(section=russia, published_at=timezone.now())

    services.sweep()
    assert len(mail.outbox) == 1
    failed = Delivery.objects.get(sent_at__isnull=True)
    assert (failed.attempts, failed.last_error) == (1, "mail server unreachable")

    services.sweep()
    services.sweep()

    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.com", "b@example.com"]
    assert {m.subject for m in mail.outbox} == {article.title}
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 0


def test_a_delivery_claimed_by_another_sweep_is_left_alone(russia, monkeypatch):
    subscribe("a@example.com", russia)
    now = timezone.now()
    make_article(section=russia, published_at=now)
    services.record_deliveries()
    Delivery.objects.update(claim="other", claimed_at=now)

    assert services.send_due() == 0
    at(monkeypatch, now + services.CLAIM_TIMEOUT + timedelta(minutes=1))
    assert services.send_due() == 1


def test_mail_has_html_and_text_parts_and_one_click_unsubscribe(russia, client):
    subscription = subscribe("a@example.com", russia)
    article = make_article(section=russia, published_at=timezone.now())

    services.sweep()

    message = mail.outbox[0]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert article.title in html and article.title in message.body
    url = f"http://testserver{article.get_absolute_url()}"
    assert url in html and url in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in message.body and link in html
    mime = message.message()
    assert mime["List-Unsubscribe"].replace("\n ", "") == f"<{link}>"
    assert mime["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mime.get_content_type() == "multipart/alternative"
    assert link.startswith("http://testserver/subscriptions/unsubscribe/")

    response = client.post(
        link.removeprefix("http://testserver"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not type(subscription).objects.exists()


def test_unsubscribing_drops_unsent_articles(russia, monkeypatch):
    subscription = subscribe("d@example.com", russia, frequency="daily")
    make_article(section=russia, published_at=timezone.now())
    services.record_deliveries()

    services.unsubscribe(subscriptions=[subscription])
    at(monkeypatch, timezone.now() + timedelta(days=2))
    services.sweep()

    assert mail.outbox == []
    assert Delivery.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_runs_the_enqueued_task_from_the_database(russia, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscribe("a@example.com", russia)
    article = make_article(section=russia, published_at=timezone.now())

    call_command("run_digest_scheduler", once=True)
    call_command("run_digest_scheduler", once=True)  # one waiting task is enough
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    result = DBTaskResult.objects.get()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 1
    assert [m.subject for m in mail.outbox] == [article.title]

    send_subscription_mail.enqueue()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert len(mail.outbox) == 1
