"""The desk in the admin: list, saved filters, dashboard, and who may do what."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from desk import revisions
from tests.factories import (
    make_article,
    make_author,
    make_section,
    make_user,
)

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")


def bulk_articles(n, **fields):
    section, author = make_section(), make_author()
    now = timezone.now()
    articles = Article.objects.bulk_create(
        Article(
            title=f"Row {i}",
            slug=f"row-{i}",
            section=section,
            lead="l",
            body="<p>b</p>",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=i),
            **fields,
        )
        for i in range(n)
    )
    for article in articles:
        article.bylines.create(author=author)
    return articles


@pytest.mark.parametrize("n", [20, 200])
def test_changelist_query_count_is_flat(client, editor, n, django_assert_num_queries):
    bulk_articles(n)
    client.force_login(editor)

    # session, user, permissions (2), section filter, count, filtered count,
    # rows+section, bylines, authors, date hierarchy (2)
    with django_assert_num_queries(12):
        response = client.get(CHANGELIST_URL)
    assert response.status_code == 200


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(a.get_text() for a in soup.select("#result_list tbody th a"))


def test_saved_filters(client, editor, author_user):
    make_article(title="Mine", status="draft", published_at=None, created_by=editor)
    make_article(
        title="Theirs", status="draft", published_at=None, created_by=author_user
    )
    make_article(title="Waiting", status="review", published_at=None)
    make_article(title="Later", published_at=timezone.now() + timedelta(hours=2))
    make_article(title="Live")
    client.force_login(editor)

    assert titles(client.get(CHANGELIST_URL, {"desk": "my_drafts"})) == ["Mine"]
    assert titles(client.get(CHANGELIST_URL, {"desk": "review"})) == ["Waiting"]
    assert titles(client.get(CHANGELIST_URL, {"desk": "scheduled"})) == ["Later"]


def test_dashboard_counts_on_the_admin_index(client, editor, author_user):
    make_article(status="draft", published_at=None, created_by=editor)
    make_article(status="review", published_at=None, created_by=author_user)
    make_article(status="review", published_at=None)
    make_article(published_at=timezone.now() + timedelta(hours=2))
    client.force_login(editor)

    soup = BeautifulSoup(client.get(reverse("admin:index")).content, "html.parser")

    counts = {
        c["data-count"]: c.get_text() for c in soup.select(".desk-dashboard__count")
    }
    assert counts == {"my_drafts": "1", "review": "2", "scheduled": "1"}
    client.force_login(author_user)
    soup = BeautifulSoup(client.get(reverse("admin:index")).content, "html.parser")
    counts = {
        c["data-count"]: c.get_text() for c in soup.select(".desk-dashboard__count")
    }
    # An author counts only their own articles.
    assert counts == {"my_drafts": "0", "review": "1", "scheduled": "0"}


# --- Who may do what, from both sides -------------------------------------


def admin_urls(article, revision):
    return {
        "change": reverse("admin:articles_article_change", args=[article.pk]),
        "revisions": reverse("admin:articles_article_revisions", args=[article.pk]),
        "history": reverse("admin:articles_article_history", args=[article.pk]),
        "delete": reverse("admin:articles_article_delete", args=[article.pk]),
    }


@pytest.fixture
def others_draft(editor):
    article = make_article(status="draft", published_at=None, created_by=editor)
    return article, revisions.record_revision(article=article, by=editor)


@pytest.mark.parametrize(
    "name, status, location",
    [
        ("change", 302, "/admin/"),
        ("revisions", 404, None),
        ("history", 302, "/admin/"),
        ("delete", 302, "/admin/"),
    ],
)
def test_author_cannot_open_other_peoples_articles_by_url(
    client, author_user, others_draft, name, status, location
):
    article, revision = others_draft
    client.force_login(author_user)

    response = client.get(admin_urls(article, revision)[name])

    # The admin's own pages answer "doesn't exist" (a redirect to the index
    # with a message), the desk's revisions page 404: never the page.
    assert response.status_code == status
    assert response.get("Location") == location


def test_author_cannot_restore_or_act_on_other_peoples_articles(
    client, author_user, others_draft
):
    article, revision = others_draft
    client.force_login(author_user)

    restore = client.post(
        reverse("admin:articles_article_restore", args=[article.pk, revision.pk])
    )
    client.post(
        CHANGELIST_URL,
        {"action": "submit_selected", "_selected_action": [article.pk]},
    )
    client.post(
        CHANGELIST_URL,
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )

    assert restore.status_code == 404
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_author_sees_only_own_rows(client, author_user, editor):
    make_article(title="Own", created_by=author_user, status="draft", published_at=None)
    make_article(title="Not own", created_by=editor)
    client.force_login(author_user)

    assert titles(client.get(CHANGELIST_URL)) == ["Own"]


def test_editor_can_open_and_act_on_anyones_article(client, editor, author_user):
    article = make_article(
        created_by=author_user, status="review", published_at=None, title="By author"
    )
    client.force_login(editor)

    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    client.post(
        CHANGELIST_URL,
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )

    assert page.status_code == 200
    article.refresh_from_db()
    assert article.is_published is True


@pytest.mark.parametrize(
    "url",
    [
        CHANGELIST_URL,
        reverse("admin:articles_article_calendar"),
        reverse("admin:articles_article_add"),
        "/admin/articles/homeslot/",
    ],
)
def test_readers_and_anonymous_are_sent_to_the_login(client, url):
    assert "/admin/login/" in client.get(url)["Location"]
    client.force_login(make_user())
    assert "/admin/login/" in client.get(url)["Location"]


def test_reader_cannot_post_admin_actions(client, section):
    article = make_article(section=section, status="draft", published_at=None)
    client.force_login(make_user())

    client.post(
        CHANGELIST_URL,
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_author_cannot_see_corrections_or_home_slots(client, author_user):
    article = make_article(created_by=author_user, status="draft", published_at=None)
    client.force_login(author_user)

    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    assert "corrections-TOTAL_FORMS" not in page.content.decode()
    assert client.get("/admin/articles/homeslot/").status_code == 403


def test_author_bulk_delete_spares_published_and_other_peoples(
    client, author_user, editor
):
    own_draft = make_article(created_by=author_user, status="draft", published_at=None)
    own_published = make_article(created_by=author_user)
    others = make_article(created_by=editor, status="draft", published_at=None)
    client.force_login(author_user)

    def delete(*articles):
        client.post(
            CHANGELIST_URL,
            {
                "action": "delete_selected",
                "_selected_action": [a.pk for a in articles],
                "post": "yes",
            },
        )
        return set(Article.objects.values_list("pk", flat=True))

    # A row the author may not delete refuses the whole batch.
    assert delete(own_draft, own_published) == {
        own_draft.pk,
        own_published.pk,
        others.pk,
    }
    # Other people's ids are not even in the author's list.
    assert delete(own_draft, others) == {own_published.pk, others.pk}
