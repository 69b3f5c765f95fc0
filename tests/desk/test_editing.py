from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from desk import locks
from desk.models import EditLock
from desk.services import save_article
from tests.desk.test_admin import article_form
from tests.factories import make_article, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_editor():
    return make_staff(groups=["Editors"], email="second@example.com")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_every_save_bumps_the_version(editor):
    article = make_article(status="draft", published_at=None)
    first = article.version

    article.title = "New title"
    article.save()
    save_article(article=article, by=editor, move="publish")

    assert article.version == first + 2


def test_saving_over_a_newer_version_is_refused_naming_who(
    client, editor, other_editor, section
):
    article = make_article(section=section, slug="gas-talks-resume")
    seen = article.version
    # Someone else saves in the meantime.
    article.title = "Their title"
    article.modified_by = other_editor
    article.save()
    client.force_login(editor)

    response = client.post(
        change_url(article), article_form(section, title="My title", seen_version=seen)
    )

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "second@example.com saved this article at" in errors
    article.refresh_from_db()
    assert article.title == "Their title"


def test_saving_the_current_version_goes_through(client, editor, section):
    article = make_article(section=section, slug="gas-talks-resume")
    client.force_login(editor)

    response = client.post(
        change_url(article),
        article_form(section, title="My title", seen_version=article.version),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.modified_by) == ("My title", editor)


def test_form_carries_the_version(client, editor):
    article = make_article()
    client.force_login(editor)

    page = client.get(change_url(article)).content.decode()

    assert f'name="seen_version" value="{article.version}"' in page


def test_second_editor_sees_who_is_editing_since_when(client, editor, other_editor):
    article = make_article()
    client.force_login(editor)
    client.get(change_url(article))
    client.force_login(other_editor)

    page = client.get(change_url(article)).content.decode()

    assert "editor@example.com is editing since" in page
    assert EditLock.objects.get().user == editor


def test_lock_holder_sees_no_warning_and_lock_lapses(
    client, editor, other_editor, monkeypatch
):
    article = make_article()
    client.force_login(editor)
    client.get(change_url(article))

    assert "is editing since" not in client.get(change_url(article)).content.decode()
    later = timezone.now() + timedelta(minutes=16)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert locks.open_for_editing(article=article, user=other_editor) is None
    assert EditLock.objects.get().user == other_editor


def test_saving_releases_the_lock(client, editor, section):
    article = make_article(section=section, slug="gas-talks-resume")
    client.force_login(editor)
    client.get(change_url(article))

    client.post(
        change_url(article), article_form(section, seen_version=article.version)
    )

    assert EditLock.objects.exists() is False
