"""Subscribing, confirming, unsubscribing, and mailing new articles.

Mailing is at-least-once with a narrow window: a delivery is marked sent
right after the mail server accepts its message. A crash between the two
(or a lost reply from the server) mails that article again once the claim
expires; a failed send leaves the delivery unsent, and the next sweep
retries it. Never marking before sending avoids the worse failure of
losing mail silently.
"""

import logging
import smtplib
import socket
import uuid
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.lookups import find_current
from articles.models import Article, Author, Byline, Section
from newsroom.mail import build_message as build_email
from newsroom.mail import render_email, send_email
from newsroom.web import absolute_url

from .models import Delivery, Dispatch, Subscription

logger = logging.getLogger(__name__)

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
TARGET_MODELS = {"section": Section, "tag": Tag, "author": Author}
# Lower sorts first: an article matching several subscriptions of one address
# goes with the most frequent of them.
FREQUENCY_RANK = {"immediate": 0, "daily": 1, "weekly": 2}
CLAIM_TIMEOUT = timedelta(minutes=10)
# The mail server is out of reach: no point trying the next message now.
SERVER_UNREACHABLE = (
    smtplib.SMTPConnectError,
    smtplib.SMTPServerDisconnected,
    ConnectionError,
    TimeoutError,
    socket.timeout,
)


def get_target(kind, slug):
    """The section, tag or author a subscribe URL names, or None: sections
    and tags public in the page's edition (a section's old slug: Moved);
    authors write for both."""
    if kind in ("section", "tag"):
        return find_current(kind, slug)
    if kind == "author":
        return Author.objects.filter(slug=slug).first()
    return None


def confirmation_token(*, email, kind, target, frequency):
    """A signed, timestamped request; the subscription exists once it returns."""
    data = {"e": email.lower(), "k": kind, "t": target.pk, "f": frequency}
    return signing.dumps(data, salt=CONFIRM_SALT, compress=True)


def request_subscription(*, email, kind, target, frequency):
    """E-mail a confirmation link; nothing is stored or sent before it is used.

    An address already subscribed gets no mail, and the caller shows the same
    page either way, so nobody learns who follows what.
    """
    email = email.lower()
    if subscriptions_for(email=email, kind=kind, target=target).exists():
        return False
    token = confirmation_token(
        email=email, kind=kind, target=target, frequency=frequency
    )
    send_email(
        to=email,
        subject_template="subscriptions/email/confirm_subject.txt",
        template="subscriptions/email/confirm.txt",
        context={
            "target": target,
            "url": absolute_url(reverse("subscriptions:confirm", args=[token])),
            "days": settings.SUBSCRIPTIONS_CONFIRM_DAYS,
        },
        language=settings.LANGUAGE_CODE,
    )
    return True


def subscriptions_for(*, email, kind, target):
    return Subscription.objects.filter(email=email.lower(), kind=kind, **{kind: target})


def subscribe(*, email, kind, target, frequency=Subscription.Frequency.IMMEDIATE):
    """Subscribe a confirmed address; an existing subscription is kept as is."""
    existing = subscriptions_for(email=email, kind=kind, target=target).first()
    if existing is not None:
        return existing, False
    subscription = Subscription(email=email.lower(), kind=kind, frequency=frequency)
    setattr(subscription, kind, target)
    subscription.next_digest_at = next_digest(frequency, timezone.now())
    try:
        with transaction.atomic():
            subscription.save()
    except IntegrityError:  # confirmed twice at the same moment
        return subscriptions_for(email=email, kind=kind, target=target).get(), False
    return subscription, True


def confirm_subscription(*, token):
    """Create the subscription a confirmation link names; None if not valid."""
    max_age = timedelta(days=settings.SUBSCRIPTIONS_CONFIRM_DAYS)
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
        kind, pk, frequency = data["k"], data["t"], data["f"]
        email = data["e"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    model = TARGET_MODELS.get(kind)
    if model is None or frequency not in Subscription.Frequency.values:
        return None
    target = model.objects.filter(pk=pk).first()
    if target is None:
        return None
    subscription, _created = subscribe(
        email=email, kind=kind, target=target, frequency=frequency
    )
    return subscription


def next_digest(frequency, now):
    period = Subscription.PERIODS.get(frequency)
    return now + period if period else None


def change_frequency(*, subscription, frequency):
    """Switch between immediate mail and daily or weekly digests."""
    subscription.frequency = frequency
    subscription.next_digest_at = next_digest(frequency, timezone.now())
    subscription.save(update_fields=["frequency", "next_digest_at"])
    return subscription


def unsubscribe_token(subscriptions):
    """A signed token that ends the given subscriptions (one mail's worth)."""
    return signing.dumps(sorted(s.pk for s in subscriptions), salt=UNSUBSCRIBE_SALT)


def subscriptions_from_unsubscribe_token(token):
    """The subscriptions a token names (maybe none left), or None if forged."""
    try:
        pks = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pks, list) or not all(isinstance(pk, int) for pk in pks):
        return None
    return Subscription.objects.filter(pk__in=pks).select_related(
        "section", "tag", "author"
    )


@transaction.atomic
def unsubscribe(*, subscriptions):
    """End subscriptions; their unsent articles are dropped with them."""
    pks = [s.pk for s in subscriptions]
    Delivery.objects.filter(subscription__in=pks, sent_at__isnull=True).delete()
    return Subscription.objects.filter(pk__in=pks).delete()[0]


def record_deliveries(*, now=None):
    """Write one delivery per (address, article) for articles that became
    public since the last sweep; a scheduled article waits for its time."""
    now = now or timezone.now()
    start = now - timedelta(hours=settings.SUBSCRIPTIONS_CATCH_UP_HOURS)
    articles = dict(
        Article.objects.published()
        .filter(published_at__gte=start, published_at__lte=now, dispatch__isnull=True)
        .values_list("pk", "published_at")[:1000]
    )
    if not articles:
        return 0
    matches = defaultdict(set)  # (kind, target id) -> article ids
    for pk, section_id in Article.objects.filter(pk__in=articles).values_list(
        "pk", "section_id"
    ):
        matches["section", section_id].add(pk)
    for pk, tag_id in Article.objects.filter(
        pk__in=articles, tags__isnull=False
    ).values_list("pk", "tags__id"):
        matches["tag", tag_id].add(pk)
    for pk, author_id in Byline.objects.filter(article__in=articles).values_list(
        "article_id", "author_id"
    ):
        matches["author", author_id].add(pk)
    targets = Q(pk__in=[])
    for kind in TARGET_MODELS:
        ids = [target for (k, target) in matches if k == kind]
        if ids:
            targets |= Q(kind=kind, **{f"{kind}_id__in": ids})
    chosen = {}  # (email, article id) -> subscription
    for sub in Subscription.objects.filter(targets).only(
        "pk",
        "email",
        "kind",
        "frequency",
        "created_at",
        "section_id",
        "tag_id",
        "author_id",
    ):
        for article_id in matches[sub.kind, getattr(sub, f"{sub.kind}_id")]:
            # Only news published after subscribing, never the archive.
            if articles[article_id] < sub.created_at:
                continue
            key = (sub.email, article_id)
            best = chosen.get(key)
            if (
                best is None
                or FREQUENCY_RANK[sub.frequency] < FREQUENCY_RANK[best.frequency]
            ):
                chosen[key] = sub
    with transaction.atomic():
        Delivery.objects.bulk_create(
            [
                Delivery(email=email, article_id=article_id, subscription=sub)
                for (email, article_id), sub in chosen.items()
            ],
            ignore_conflicts=True,
            batch_size=500,
        )
        Dispatch.objects.bulk_create(
            [Dispatch(article_id=pk) for pk in articles], ignore_conflicts=True
        )
    return len(chosen)


def claim_due_deliveries(*, now, claim=""):
    """Claim unsent deliveries that are due, so parallel sweeps never share.

    A sweep run again under the same `claim` (its task, requeued by the
    reaper after its worker died) takes back what it had claimed at once,
    instead of after CLAIM_TIMEOUT.
    """
    claim = claim or uuid.uuid4().hex
    due = Delivery.objects.filter(
        sent_at__isnull=True,
        attempts__lt=settings.SUBSCRIPTIONS_MAX_ATTEMPTS,
        subscription__isnull=False,
    ).filter(
        Q(subscription__frequency=Subscription.Frequency.IMMEDIATE)
        | Q(subscription__next_digest_at__lte=now)
    )
    free = (
        Q(claimed_at__isnull=True)
        | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
        | Q(claim=claim)
    )
    Delivery.objects.filter(pk__in=due.filter(free).values("pk")[:5000]).filter(
        free, sent_at__isnull=True
    ).update(claim=claim, claimed_at=now)
    return list(
        Delivery.objects.filter(claim=claim, sent_at__isnull=True)
        .select_related("article__section", "subscription__section")
        .select_related("subscription__tag", "subscription__author")
        .order_by("email", "-article__published_at", "-article_id")
    )


def build_message(*, email, deliveries, digest, connection):
    """One e-mail: HTML and text parts, and one-click unsubscribe headers."""
    subscriptions = {d.subscription.pk: d.subscription for d in deliveries}
    token = unsubscribe_token(subscriptions.values())
    unsubscribe_url = absolute_url(reverse("subscriptions:unsubscribe", args=[token]))
    articles = [d.article for d in deliveries]
    context = {
        "articles": [
            (article, absolute_url(article.get_absolute_url())) for article in articles
        ],
        "subscriptions": list(subscriptions.values()),
        "digest": digest,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url,
        "manage_url": absolute_url(reverse("accounts:profile")),
    }
    message = render_email(
        to=email,
        subject_template="subscriptions/email/news_subject.txt",
        template="subscriptions/email/news.txt",
        html_template="subscriptions/email/news.html",
        context=context,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        language=settings.LANGUAGE_CODE,
    )
    return build_email(message, connection=connection)


def send_due(*, now=None, claim=""):
    """Mail what is due: each immediate article alone, digests per address.

    When the mail server cannot be reached (refused, timed out after
    EMAIL_TIMEOUT, hung up), the sweep stops at once and releases what it
    claimed: the next sweep tries again, instead of this one waiting out the
    timeout for every message.
    """
    now = now or timezone.now()
    batches = []  # (email, deliveries, digest)
    digests = defaultdict(list)
    deliveries_claimed = claim_due_deliveries(now=now, claim=claim)
    for delivery in deliveries_claimed:
        if delivery.subscription.frequency == Subscription.Frequency.IMMEDIATE:
            batches.append((delivery.email, [delivery], False))
        else:
            digests[delivery.email].append(delivery)
    batches += [(email, items, True) for email, items in digests.items()]
    sent, failed_subscriptions = 0, set()
    connection = get_connection(timeout=settings.EMAIL_TIMEOUT)
    for email, deliveries, digest in batches:
        pks = [d.pk for d in deliveries]
        try:
            message = build_message(
                email=email, deliveries=deliveries, digest=digest, connection=connection
            )
            message.send()
        except Exception as error:  # any failure: keep unsent, retry next sweep
            logger.warning("Could not mail %s: %s", email, error)
            failed_subscriptions |= {d.subscription_id for d in deliveries}
            Delivery.objects.filter(pk__in=pks).update(
                attempts=F("attempts") + 1,
                last_error=str(error)[:300],
                claim="",
                claimed_at=None,
            )
            if isinstance(error, SERVER_UNREACHABLE):
                unsent = [d.pk for d in deliveries_claimed]
                Delivery.objects.filter(pk__in=unsent, sent_at__isnull=True).update(
                    claim="", claimed_at=None
                )
                failed_subscriptions |= {d.subscription_id for d in deliveries_claimed}
                break
            continue
        Delivery.objects.filter(pk__in=pks).update(
            sent_at=timezone.now(), claim="", claimed_at=None
        )
        sent += 1
    advance_digests(now=now, keep=failed_subscriptions)
    return sent


def advance_digests(*, now, keep=()):
    """Move due digests to their next date; failed ones stay due for a retry."""
    for frequency, period in Subscription.PERIODS.items():
        Subscription.objects.filter(
            frequency=frequency, next_digest_at__lte=now
        ).exclude(pk__in=list(keep)).update(next_digest_at=now + period)


def sweep(*, now=None, claim=""):
    """Record what became public, then mail what is due; returns mails sent."""
    now = now or timezone.now()
    record_deliveries(now=now)
    return send_due(now=now, claim=claim)


def subscriber_counts():
    """Subscriptions per followed section, tag and author, most followed first."""
    rows = []
    for kind, model in TARGET_MODELS.items():
        for obj in (
            model.objects.annotate(subscribers=Count("subscriptions"))
            .filter(subscribers__gt=0)
            .order_by("-subscribers", "pk")
        ):
            rows.append((Subscription.Kind(kind).label, obj, obj.subscribers))
    return sorted(rows, key=lambda row: -row[2])
