import pytest
from django.urls import reverse

from comments.models import BlockedWord, Comment
from participation.models import Restriction
from tests.comments.conftest import make_comment
from tests.factories import make_article, make_staff, make_user

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist")


@pytest.fixture
def moderator():
    return make_staff(groups=["Moderators"], email="mod@example.com")


def test_queue_lists_held_then_reported_then_the_rest(
    client, moderator, article, reader
):
    plain = make_comment(article=article, author=reader, body="plain")
    reported = make_comment(
        article=article, author=reader, body="reported", report_count=2
    )
    held = make_comment(article=article, author=reader, body="held", status="held")
    client.force_login(moderator)

    response = client.get(QUEUE)

    rows = list(response.context["cl"].result_list)
    assert rows[:3] == [held, reported, plain]


def test_queue_filters_by_article_user_and_status(
    client, moderator, reader, other_reader
):
    first, second = make_article(), make_article()
    mine = make_comment(article=first, author=reader)
    make_comment(article=second, author=other_reader, status="held")
    client.force_login(moderator)

    def rows(params):
        return list(client.get(QUEUE, params).context["cl"].result_list)

    assert rows({"article__id__exact": first.pk}) == [mine]
    assert rows({"author__id__exact": reader.pk}) == [mine]
    assert [c.status for c in rows({"status__exact": "held"})] == ["held"]
    assert rows({"reported": "yes"}) == []


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "visible"), ("reject", "rejected"), ("mark_spam", "spam")],
)
def test_bulk_moderation_actions(client, moderator, article, reader, action, status):
    comments = [
        make_comment(article=article, author=reader, body=f"b{i}", status="held")
        for i in range(3)
    ]
    client.force_login(moderator)

    client.post(QUEUE, {"action": action, "_selected_action": [c.pk for c in comments]})

    assert set(Comment.objects.values_list("status", flat=True)) == {status}


def test_suspend_action_bars_the_authors(client, moderator, article, reader):
    comment = make_comment(article=article, author=reader)
    client.force_login(moderator)

    client.post(QUEUE, {"action": "suspend_week", "_selected_action": [comment.pk]})

    suspension = Restriction.objects.get()
    assert suspension.scope == "comments"
    assert suspension.user == reader
    assert suspension.created_by == moderator
    assert suspension.until is not None


@pytest.mark.parametrize("groups", [["Authors"], []])
def test_non_moderators_cannot_moderate(client, article, reader, groups):
    comment = make_comment(article=article, author=reader, status="held")
    client.force_login(make_staff(groups=groups))

    assert client.get(QUEUE).status_code == 403
    client.post(QUEUE, {"action": "approve", "_selected_action": [comment.pk]})

    comment.refresh_from_db()
    assert comment.status == "held"


def test_reader_accounts_cannot_open_the_queue(client, reader):
    client.force_login(reader)

    response = client.get(QUEUE)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_moderators_cannot_publish_articles(client, moderator):
    client.force_login(moderator)

    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403


def test_editors_manage_the_word_list(client, editor):
    client.force_login(editor)
    changelist = reverse("admin:comments_blockedword_changelist")

    added = client.post(reverse("admin:comments_blockedword_add"), {"phrase": "casino"})

    assert added.status_code == 302
    assert added["Location"] == changelist
    word = BlockedWord.objects.get()
    assert word.phrase == "casino"
    assert "casino" in client.get(changelist).content.decode()

    deleted = client.post(
        reverse("admin:comments_blockedword_delete", args=[word.pk]), {"post": "yes"}
    )

    assert deleted["Location"] == changelist
    assert BlockedWord.objects.exists() is False


@pytest.mark.parametrize("n_rows", [1, 40])
def test_queue_query_count_is_flat(
    client, moderator, reader, n_rows, django_assert_num_queries
):
    article = make_article()
    for i in range(n_rows):
        make_comment(article=article, author=make_user(), body=f"c{i}")
    client.force_login(moderator)
    client.get(QUEUE)  # warm the content-type and permission caches

    # session, user, user and group permissions, two counts, rows, and two for
    # the date hierarchy
    with django_assert_num_queries(9):
        client.get(QUEUE)
