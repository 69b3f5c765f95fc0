"""Every change to a discussion is seen by anonymous readers at once: on
the article's page and in the comment counters of its cards."""

import pytest
from django.urls import reverse

from articles import cachekeys
from comments.models import Comment
from tests.comments.conftest import make_comment
from tests.factories import make_user
from tests.invalidation import Reader, logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous():
    return Reader()


def pages(article):
    """The article's page and the lists whose cards count its comments."""
    return [
        article.get_absolute_url(),
        "/",
        article.section.get_absolute_url(),
        reverse("articles:newsfeed"),
    ]


def test_a_posted_comment_shows_at_once_with_its_counter(anonymous, article, reader):
    anonymous.warm(pages(article))

    logged_in(reader).post(
        reverse("comments:post", args=[article.pk]), {"body": "Worth reading."}
    )

    assert "Worth reading." in anonymous.text(article.get_absolute_url())
    assert anonymous.pages_showing("1 comment", pages(article)) == pages(article)


def test_an_edited_comment_shows_its_new_text(anonymous, article, reader):
    comment = make_comment(article=article, author=reader, body="Frist!")
    anonymous.warm([article.get_absolute_url()])

    logged_in(reader).post(
        reverse("comments:edit", args=[comment.pk]), {"body": "First!"}
    )

    page = anonymous.text(article.get_absolute_url())
    assert "Frist!" not in page
    assert "First!" in page


def test_a_deleted_comment_leaves_the_page_and_the_counter(anonymous, article, reader):
    comment = make_comment(article=article, author=reader, body="Regrettable.")
    anonymous.warm(pages(article))

    logged_in(reader).post(reverse("comments:delete", args=[comment.pk]))

    assert anonymous.pages_showing("Regrettable.", pages(article)) == []
    assert anonymous.pages_showing("1 comment", pages(article)) == []


def test_a_comment_hidden_by_reports_leaves_the_page(
    anonymous, article, reader, settings
):
    settings.COMMENTS_REPORTS_TO_HIDE = 2
    comment = make_comment(article=article, author=reader, body="Offensive.")
    anonymous.warm([article.get_absolute_url()])

    for _ in range(2):
        logged_in(make_user()).post(reverse("comments:report", args=[comment.pk]))

    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD
    assert "Offensive." not in anonymous.text(article.get_absolute_url())


@pytest.mark.parametrize(
    ("action", "status", "shown"),
    [("approve", Comment.Status.HELD, True), ("reject", Comment.Status.VISIBLE, False)],
)
def test_moderating_in_the_admin_shows_or_hides_at_once(
    anonymous, admin_client, article, reader, action, status, shown
):
    comment = make_comment(
        article=article, author=reader, body="Judge me.", status=status
    )
    anonymous.warm(pages(article))

    admin_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": action, "_selected_action": [comment.pk]},
    )

    comment.refresh_from_db()
    assert comment.is_visible is shown
    assert ("Judge me." in anonymous.text(article.get_absolute_url())) is shown
    assert anonymous.pages_showing("1 comment", pages(article)) == (
        pages(article) if shown else []
    )


def test_a_comment_held_on_arrival_bumps_nothing(article, reader, settings, bumped):
    settings.COMMENTS_MODERATION = "pre"

    logged_in(reader).post(
        reverse("comments:post", args=[article.pk]), {"body": "Wait for me."}
    )

    assert Comment.objects.get().is_visible is False
    assert cachekeys.comments(article.pk) not in bumped
