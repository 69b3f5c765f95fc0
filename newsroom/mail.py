"""The one way the site sends e-mail: a subject template, a text template and
optionally an HTML one, rendered with the same context (plus `site_name`).

A request never talks to the mail server: `send_email()` renders the message
now (in the language active now) and, once the current transaction commits,
enqueues a task that the worker (`manage.py db_worker`) sends with the SMTP
timeout `EMAIL_TIMEOUT`. So no request waits on SMTP, no transaction holds a
lock while mailing, a rolled-back request sends nothing, and the reader sees
the same answer whatever the mail server does. A failed send is retried by
the task a few times, later (see `newsroom.tasks.deliver_email`).

The subscription sweep already runs in the worker and marks each delivery
sent only once the server accepted it, so it renders with `render_email()`
and sends `build_message()` itself, on one connection with the same timeout.
"""

import logging
from contextlib import nullcontext
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import override

logger = logging.getLogger(__name__)


def render_email(
    *,
    to,
    subject_template,
    template,
    context,
    html_template=None,
    headers=None,
    language=None,
):
    """The message as plain data (JSON for the task queue): subject (one
    line), text and optional HTML part rendered from templates, with
    `site_name` in context, in `language` or else the active one."""
    context = {"site_name": settings.SITE_NAME, **context}
    with override(language) if language else nullcontext():
        subject = render_to_string(subject_template, context)
        message = {
            "to": [to] if isinstance(to, str) else list(to),
            "subject": " ".join(subject.split()),
            "body": render_to_string(template, context),
            "html": render_to_string(html_template, context) if html_template else "",
            "headers": dict(headers or {}),
        }
    return message


def build_message(message, *, connection=None):
    """An EmailMultiAlternatives from `render_email()`'s data."""
    email = EmailMultiAlternatives(
        message["subject"],
        message["body"],
        None,
        message["to"],
        connection=connection,
        headers=message.get("headers") or None,
    )
    if message.get("html"):
        email.attach_alternative(message["html"], "text/html")
    return email


def send_email(**kwargs):
    """Render an e-mail now and send it from the task queue after commit."""
    from .tasks import deliver_email

    message = render_email(**kwargs)
    transaction.on_commit(partial(_enqueue, deliver_email, message), robust=True)
    return message


def _enqueue(task, message):
    task.enqueue(message)
