"""Every e-mail the site sends, word for word: the senders share
newsroom.mail, and what each mail says must not change with it.

mail_senders.json holds each mail as the senders wrote it before they shared
the templated sender (issue 12), with signed tokens, user ids in links and
comment ids masked.
"""

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail import get_connection
from django.test import RequestFactory
from django.utils import translation

from accounts import services as accounts
from accounts.forms import ReaderPasswordResetForm
from comments import services as comments
from subscriptions import services as subscriptions
from subscriptions.models import Delivery
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db

SITE = "http://testserver/"
EXPECTED = json.loads((Path(__file__).parent / "mail_senders.json").read_text())
MASKS = [
    (
        re.compile(r"/(activate|reset)/[A-Za-z0-9_-]+/[A-Za-z0-9_:-]+/"),
        r"/\1/<uid>/<token>/",
    ),
    (re.compile(r"/[A-Za-z0-9_:-]{20,}/"), "/<token>/"),
    (re.compile(r"#comment-\d+"), "#comment-<pk>"),
]


def mask(text):
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_NAME = "Sputnik International"
    settings.SITE_URL = "http://testserver"
    settings.TIME_ZONE = "UTC"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block after which the mail it enqueued has been sent."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def sent():
    """The one mail sent, as plain data, masked."""
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[0]
    html = message.alternatives[0][0] if message.alternatives else ""
    return {
        "to": message.to,
        "subject": message.subject,
        "body": mask(message.body),
        "html": mask(html),
        "headers": {key: mask(v) for key, v in message.extra_headers.items()},
    }


def reader(**fields):
    return make_user(email="ann@example.com", display_name="Ann", **fields)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_activation_mail(language, committed):
    with committed(), translation.override(language):
        accounts.register_reader(
            email="ann@example.com",
            password="x" * 12,
            display_name="Ann",
            site_url=SITE,
            next_url="/world/",
        )
    assert sent() == EXPECTED[f"activation_{language}"]


def test_already_registered_mail(committed):
    reader()
    with committed():
        accounts.register_reader(
            email="ann@example.com",
            password="x" * 12,
            display_name="Ann",
            site_url=SITE,
        )
    assert sent() == EXPECTED["already_registered"]


def test_email_change_mail(committed):
    user = reader()
    with committed():
        accounts.request_email_change(
            user=user, new_email="new@example.com", site_url=SITE
        )
    assert sent() == EXPECTED["email_change"]


def test_password_reset_mail(committed):
    reader()
    form = ReaderPasswordResetForm({"email": "ann@example.com"})
    assert form.is_valid()
    with committed():
        form.save(request=RequestFactory().get("/"), domain_override="testserver")
    assert sent() == EXPECTED["password_reset"]


def test_reply_notification_mail_is_in_the_site_language(committed):
    article = make_article(
        section=make_section(name="World", slug="world"),
        title="Talks in Geneva",
        slug="talks-in-geneva",
    )
    parent = comments.post_comment(
        article=article, author=reader(), body="Question?", notify_replies=True
    )
    mail.outbox.clear()
    with committed(), translation.override("ru"):
        comments.post_comment(
            article=article,
            author=make_user(display_name="Bob"),
            body="An answer & more.",
            parent=parent,
            site_url=SITE,
        )
    assert sent() == EXPECTED["reply"]


def test_subscription_confirmation_mail(committed):
    section = make_section(name="World", slug="world")
    with committed():
        subscriptions.request_subscription(
            email="ann@example.com",
            kind="section",
            target=section,
            frequency="daily",
        )
    assert sent() == EXPECTED["confirm"]


@pytest.mark.parametrize("digest", [False, True])
def test_news_mail_alone_and_as_digest(digest):
    section = make_section(name="World", slug="world")
    subscription, _ = subscriptions.subscribe(
        email="ann@example.com", kind="section", target=section, frequency="daily"
    )
    at = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    articles = [
        make_article(
            section=section,
            title=f"Storm & rain {i}",
            slug=f"storm-{i}",
            lead=f"Lead {i}.",
            published_at=at - timedelta(hours=i),
        )
        for i in range(2 if digest else 1)
    ]
    deliveries = [
        Delivery.objects.create(
            subscription=subscription, article=a, email="ann@example.com"
        )
        for a in articles
    ]
    subscriptions.build_message(
        email="ann@example.com",
        deliveries=deliveries,
        digest=digest,
        connection=get_connection(),
    ).send()
    assert sent() == EXPECTED[f"news_{digest}"]
