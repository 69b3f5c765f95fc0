"""axe-core finds nothing on any kind of reader page: in both editions,
logged out and logged in, in the light and the dark scheme, on a desktop and
a phone screen (WCAG 2.2 AA and axe's best practices)."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser import axe
from tests.browser.conftest import log_in
from tests.browser.content import make_site
from tests.factories import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The phone layout in the dark scheme has no colours of its own to check.
ANONYMOUS_VARIANTS = [
    ("light", axe.DESKTOP),
    ("dark", axe.DESKTOP),
    ("light", axe.PHONE),
]
# Logged in, the pages differ in the masthead and the forms.
READER_VARIANTS = [("light", axe.DESKTOP), ("dark", axe.DESKTOP)]


def public_pages(site):
    """Every kind of page anyone may open."""
    article, section, day = site["article"], site["section"], site["article"]
    published = day.published_at
    return [
        reverse("articles:home"),
        section.get_absolute_url(),
        article.get_absolute_url(),
        reverse("articles:tag", args=[site["tag"].slug]),
        site["author"].get_absolute_url(),
        reverse("articles:newsfeed"),
        reverse("articles:search") + f"?q={site['word']}",
        article.get_day_archive_url(),
        reverse("articles:archive_month", args=[published.year, published.month]),
        reverse("articles:corrections"),
        site["correction"].get_absolute_url(),
        reverse("chats:section", args=[section.slug]),
        reverse("subscriptions:subscribe", args=["section", section.slug]),
        reverse("accounts:login"),
        reverse("accounts:register"),
        reverse("accounts:password_reset"),
        reverse("accessibility"),
        site["withdrawn"].get_absolute_url(),
        reverse("articles:section", args=["no-such-section"]),
    ]


def reader_pages(site, reader):
    """Pages that change for a logged-in reader, and those only readers see."""
    section, own = site["section"], site["article"].comments.get(author=reader)
    return [
        reverse("articles:home"),
        section.get_absolute_url(),
        site["article"].get_absolute_url(),
        reverse("articles:tag", args=[site["tag"].slug]),
        reverse("chats:section", args=[section.slug]),
        reverse("accounts:profile"),
        reverse("comments:edit", args=[own.pk]),
        reverse("accounts:password_change"),
        reverse("accounts:email_change"),
        reverse("accounts:delete"),
    ]


def check_all(driver, server, paths, variants):
    failures = {}
    for path in paths:
        failures.update(axe.check(driver, server + path, variants=variants))
    return failures


@pytest.mark.parametrize("language", ["en", "ru"])
def test_public_pages_have_no_axe_violations(axe_browser, asgi_live_server, language):
    axe_browser.get(asgi_live_server + "/robots.txt")
    axe_browser.delete_all_cookies()
    with translation.override(language):
        paths = public_pages(make_site(language))

    failures = check_all(axe_browser, asgi_live_server, paths, ANONYMOUS_VARIANTS)

    assert not failures, axe.report(failures)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_reader_pages_have_no_axe_violations(axe_browser, asgi_live_server, language):
    reader = make_user(display_name="Boris")
    with translation.override(language):
        paths = reader_pages(make_site(language, reader=reader), reader)
    log_in(axe_browser, asgi_live_server, reader)

    failures = check_all(axe_browser, asgi_live_server, paths, READER_VARIANTS)

    assert not failures, axe.report(failures)
