"""The redirects admin passes axe in both themes, and a reader's browser
lands on a renamed article's new address."""

import pytest
from django.urls import reverse

from desk.services import save_article
from redirects.models import Redirect
from tests.browser import axe
from tests.browser.conftest import log_in
from tests.factories import make_article, make_editor, make_section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VARIANTS = [("light", axe.DESKTOP), ("dark", axe.DESKTOP), ("light", axe.PHONE)]


def test_redirect_admin_pages_have_no_axe_violations(axe_browser, asgi_live_server):
    world = make_section(name="World", slug="world")
    story = make_article(section=world, title="Gas talks", slug="gas-talks")
    editor = make_editor(display_name="Editor")
    story.slug = "gas-deal"
    save_article(article=story, by=editor, changed=["slug"])
    redirect = Redirect.objects.get()
    log_in(axe_browser, asgi_live_server, editor)
    pages = [
        reverse("admin:redirects_redirect_changelist"),
        reverse("admin:redirects_redirect_add"),
        reverse("admin:redirects_redirect_change", args=[redirect.pk]),
    ]

    failures = {}
    for path in pages:
        failures.update(
            axe.check(axe_browser, asgi_live_server + path, variants=VARIANTS)
        )

    assert not failures, axe.report(failures)


def test_a_reader_following_an_old_link_lands_on_the_article(browser, asgi_live_server):
    world = make_section(name="World", slug="world")
    story = make_article(section=world, title="Gas talks", slug="gas-talks")
    story.slug = "gas-deal"
    save_article(article=story, by=make_editor(), changed=["slug"])

    browser.get(asgi_live_server + "/world/gas-talks/")

    assert browser.current_url == asgi_live_server + "/world/gas-deal/"
    assert browser.find_element("css selector", "h1").text == "Gas talks"
