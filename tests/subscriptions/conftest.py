import re

import pytest

from subscriptions import services
from subscriptions.models import Subscription
from tests.factories import make_section


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def russia(db):
    return make_section(name="Russia", slug="russia")


def link_in(message, path_start):
    """The first absolute link in a mail's text whose path starts so."""
    match = re.search(rf"http://testserver({re.escape(path_start)}\S+)", message.body)
    assert match, message.body
    return match.group(1)


def subscribe(email, target, kind="section", frequency="immediate"):
    subscription, _ = services.subscribe(
        email=email, kind=kind, target=target, frequency=frequency
    )
    return subscription


def count_subscriptions():
    return Subscription.objects.count()
