import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.diff import diff_revisions
from desk import revisions, services
from desk.models import Revision
from tests.desk.test_admin import article_form
from tests.factories import make_article, make_author, make_staff

pytestmark = pytest.mark.django_db


def test_every_admin_save_keeps_a_revision(client, editor, section):
    article = make_article(section=section, slug="gas-talks-resume")
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.force_login(editor)

    client.post(url, article_form(section, title="First title"))
    client.post(url, article_form(section, title="Second title", tags="Gas"))

    saved = list(article.revisions.order_by("created_at", "id"))
    assert [r.title for r in saved] == ["First title", "Second title"]
    assert saved[1].tags == ["Gas"]
    assert saved[1].user == editor
    assert saved[1].is_public is True


def test_diff_marks_inserted_and_deleted_words_and_escapes():
    old = Revision(title="Talks <b>stall</b>", body="<p>One two.</p>", authors=[])
    new = Revision(
        title="Talks resume", body="<p>One three.</p><p>Four.</p>", authors=[]
    )

    rows = {
        str(label): (html, changed) for label, html, changed in diff_revisions(old, new)
    }

    assert (
        rows["Title"][0] == "Talks <del>&lt;b&gt;stall&lt;/b&gt;</del><ins>resume</ins>"
    )
    assert rows["Body"][0] == "One <del>two.</del><ins>three.\nFour.</ins>"
    assert rows["Lead"][1] is False


def test_restore_makes_a_new_revision_with_the_old_text(editor):
    author = make_author(name="Olga")
    article = make_article(title="Original", authors=[author], tags=["Gas"])
    first = revisions.record_revision(article=article, by=editor)
    article.title = "Changed"
    article.save()
    article.tags.set(["Oil"])
    article.bylines.all().delete()
    revisions.record_revision(article=article, by=editor)

    restored = services.restore_revision(revision=first, by=editor)

    article.refresh_from_db()
    assert article.title == "Original"
    assert list(article.tags.names()) == ["Gas"]
    assert article.byline_authors == [author]
    assert article.revisions.count() == 3
    assert restored.title == "Original"
    assert f"#{first.pk}" in restored.note


def test_history_page_shows_the_diff_and_restore_works(client, editor):
    article = make_article(title="Original")
    first = revisions.record_revision(article=article, by=editor)
    article.title = "Changed"
    article.save()
    second = revisions.record_revision(article=article, by=editor)
    url = reverse("admin:articles_article_revisions", args=[article.pk])
    client.force_login(editor)

    soup = BeautifulSoup(
        client.get(url, {"a": second.pk, "b": first.pk}).content, "html.parser"
    )
    response = client.post(
        reverse("admin:articles_article_restore", args=[article.pk, first.pk])
    )

    assert soup.select_one(".desk-diff del").get_text() == "Original"
    assert soup.select_one(".desk-diff ins").get_text() == "Changed"
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Original"
    assert article.revisions.count() == 3


@pytest.mark.parametrize("params", [{"a": "x", "b": "1.5"}, {"a": "999999"}, {}])
def test_history_page_copes_with_bad_ids(client, editor, params):
    article = make_article()
    client.force_login(editor)

    url = reverse("admin:articles_article_revisions", args=[article.pk])

    assert client.get(url, params).status_code == 200


def test_restore_needs_a_post_and_change_permission(client, editor):
    author_user = make_staff(groups=["Authors"])
    article = make_article(title="Original", created_by=author_user)
    first = revisions.record_revision(article=article, by=editor)
    url = reverse("admin:articles_article_restore", args=[article.pk, first.pk])
    client.force_login(editor)
    assert client.get(url).status_code == 403

    # A published article is no longer the author's to change.
    client.force_login(author_user)
    assert client.post(url).status_code == 403
