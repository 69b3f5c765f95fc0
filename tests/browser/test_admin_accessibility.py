"""axe-core finds nothing in the admin pages editors spend their day on, in
the admin's light and dark themes, on a desktop and a phone screen."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction
from comments.models import Comment
from tests.browser import axe
from tests.browser.conftest import log_in
from tests.factories import make_article, make_author, make_section, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VARIANTS = [("light", axe.DESKTOP), ("dark", axe.DESKTOP), ("light", axe.PHONE)]


def test_admin_login_page_has_no_axe_violations(axe_browser, asgi_live_server):
    axe_browser.get(asgi_live_server + "/robots.txt")
    axe_browser.delete_all_cookies()

    failures = axe.check(
        axe_browser, asgi_live_server + reverse("admin:login"), variants=VARIANTS
    )

    assert not failures, axe.report(failures)


def test_desk_pages_have_no_axe_violations(axe_browser, asgi_live_server):
    section = make_section(name="Russia", slug="russia")
    article = make_article(
        section=section,
        title="NATO head, Russia's Ivanov to discuss resuming ties Feb. 6",
        authors=[make_author(name="Alexei Korolev")],
        tags=["NATO", "Russia"],
    )
    make_article(
        section=section,
        title="Scheduled story",
        published_at=timezone.now() + timedelta(days=1),
    )
    Correction.objects.create(article=article, text="The meeting is on Feb. 6.")
    Comment.objects.create(
        article=article,
        author=make_user(display_name="Anna"),
        body="A comment awaiting moderation.",
        status=Comment.Status.HELD,
    )
    editor = make_user(is_staff=True, is_superuser=True, display_name="Editor")
    log_in(axe_browser, asgi_live_server, editor)
    pages = [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_revisions", args=[article.pk]),
        reverse("admin:articles_article_calendar"),
        reverse("admin:comments_comment_changelist"),
        reverse("admin:articles_section_changelist"),
        reverse("admin:accounts_user_change", args=[editor.pk]),
    ]

    failures = {}
    for path in pages:
        failures.update(
            axe.check(axe_browser, asgi_live_server + path, variants=VARIANTS)
        )

    assert not failures, axe.report(failures)
