"""Issue 10, fault 3: the mail server hung (accepts, never answers) or down
(nothing listens). Requests answer as always without touching SMTP; the
worker gives up on each mail after EMAIL_TIMEOUT and schedules a retry."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from comments.models import Comment
from subscriptions import services as subscriptions
from subscriptions.models import Delivery
from tests.factories import make_article, make_section, make_user

from .servers import HungServer, free_port

pytestmark = pytest.mark.faults
PASSWORD = "a-long-test-password"


@pytest.fixture(params=["hung", "down"])
def broken_smtp(request, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 0.5
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    if request.param == "down":
        settings.EMAIL_PORT = free_port()
        yield None
        return
    with HungServer() as server:
        settings.EMAIL_PORT = server.port
        yield server


def same_page(first, second, *texts):
    a, b = first.content.decode(), second.content.decode()
    for text in texts:
        a, b = a.replace(text, "X"), b.replace(text, "X")
    return a == b


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_mail_path_answers_at_once_and_alike(broken_smtp):
    article = make_article(comments_mode="open")
    asker = make_user(email="asker@example.com", display_name="Asker")
    question = Comment.objects.create(
        article=article, author=asker, body="Q?", notify_replies=True
    )
    make_user(email="waiting@example.com", is_active=False)
    replier = make_user(email="replier@example.com", display_name="Replier")
    anonymous, member = Client(), Client()
    member.force_login(replier)
    registration = {
        "display_name": "New",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }

    pages = {
        "register new": anonymous.post(
            "/accounts/register/", {**registration, "email": "new@example.com"}
        ),
        "register taken": anonymous.post(
            "/accounts/register/", {**registration, "email": "asker@example.com"}
        ),
        "resend inactive": anonymous.post(
            "/accounts/activate/resend/", {"email": "waiting@example.com"}
        ),
        "resend unknown": anonymous.post(
            "/accounts/activate/resend/", {"email": "nobody@example.com"}
        ),
        "reset known": anonymous.post(
            "/accounts/password/reset/", {"email": "asker@example.com"}
        ),
        "reset unknown": anonymous.post(
            "/accounts/password/reset/", {"email": "nobody@example.com"}
        ),
        "subscribe": anonymous.post(
            f"/subscriptions/section/{article.section.slug}/",
            {"email": "follower@example.com", "frequency": "immediate"},
        ),
        "login": Client().post(
            "/accounts/login/", {"username": "asker@example.com", "password": PASSWORD}
        ),
        "email change": member.post(
            "/accounts/email/", {"new_email": "moved@example.com", "password": PASSWORD}
        ),
        "reply": member.post(
            f"/comments/post/{article.pk}/", {"body": "A!", "parent": question.pk}
        ),
    }

    assert {name: page.status_code for name, page in pages.items()} == {
        "register new": 200,
        "register taken": 200,
        "resend inactive": 200,
        "resend unknown": 200,
        "reset known": 302,
        "reset unknown": 302,
        "subscribe": 200,
        "login": 302,
        "email change": 200,
        "reply": 302,
    }
    assert same_page(
        pages["register new"],
        pages["register taken"],
        "new@example.com",
        "asker@example.com",
    )
    assert same_page(
        pages["resend inactive"],
        pages["resend unknown"],
        "waiting@example.com",
        "nobody@example.com",
    )
    assert pages["reset known"]["Location"] == pages["reset unknown"]["Location"]
    assert User.objects.filter(email="new@example.com", is_active=False).exists()
    assert Comment.objects.filter(body="A!").exists()
    if broken_smtp is not None:
        assert broken_smtp.connections == 0  # no request talked to the server
    # new, taken, resend, reset, subscribe, e-mail change, reply
    queued = DBTaskResult.objects.ready()
    assert queued.count() == 7

    call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload")

    failed = DBTaskResult.objects.failed()
    assert failed.count() == 7
    retries = DBTaskResult.objects.filter(status="READY", run_after__gt=timezone.now())
    assert retries.count() == 7
    assert {r.args_kwargs["kwargs"]["attempt"] for r in retries} == {2}
    if broken_smtp is not None:
        assert broken_smtp.connections == 7  # each mail tried once


@pytest.mark.django_db
def test_the_sweep_stops_at_an_unreachable_server_and_keeps_its_mail(broken_smtp):
    section = make_section()
    for n in range(3):
        subscriptions.subscribe(
            email=f"s{n}@example.com", kind="section", target=section
        )
    make_article(section=section, published_at=timezone.now())

    assert subscriptions.sweep() == 0

    if broken_smtp is not None:
        assert broken_smtp.connections == 1  # gave up after one timeout
    deliveries = Delivery.objects.all()
    assert deliveries.count() == 3
    assert not deliveries.filter(sent_at__isnull=False).exists()
    assert set(deliveries.values_list("claim", flat=True)) == {""}
