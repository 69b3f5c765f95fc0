from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Article
from comments import services
from comments.models import BlockedWord, Comment
from newsroom.text import render_post
from participation.services import restrict_users
from tests.comments.conftest import make_comment
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def post(article, author, body="Interesting.", **kwargs):
    return services.post_comment(article=article, author=author, body=body, **kwargs)


def test_post_moderation_shows_a_comment_at_once(article, reader):
    comment = post(article, reader)

    assert comment.status == Comment.Status.VISIBLE
    assert Article.objects.for_detail().get(pk=article.pk).comment_count == 1


def test_pre_moderation_holds_every_comment(article, reader, settings):
    settings.COMMENTS_MODERATION = "pre"

    comment = post(article, reader)

    assert comment.status == Comment.Status.HELD
    assert Article.objects.for_detail().get(pk=article.pk).comment_count == 0


@pytest.mark.parametrize("body", ["", "   ", "\n\n\t"])
def test_empty_or_blank_comment_is_refused(article, reader, body):
    with pytest.raises(ValidationError, match="Write something"):
        post(article, reader, body)
    assert not Comment.objects.exists()


def test_over_long_comment_is_refused_with_the_limit(article, reader, settings):
    settings.COMMENTS_MAX_LENGTH = 10

    with pytest.raises(ValidationError, match="at most 10 characters"):
        post(article, reader, "x" * 11)


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {"published_at": timezone.now() + timedelta(hours=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_no_comments_on_unpublished_articles(reader, overrides):
    article = make_article(**overrides)

    with pytest.raises(PermissionDenied):
        post(article, reader)


def test_closed_discussion_refuses_comments(reader):
    article = make_article(comments_mode=Article.CommentsMode.CLOSED)

    with pytest.raises(ValidationError, match="closed"):
        post(article, reader)


def test_discussion_closes_automatically_after_the_set_days(reader, settings):
    settings.COMMENTS_AUTO_CLOSE_DAYS = 7
    fresh = make_article(
        comments_mode=Article.CommentsMode.AUTO,
        published_at=timezone.now() - timedelta(days=6),
    )
    old = make_article(
        comments_mode=Article.CommentsMode.AUTO,
        published_at=timezone.now() - timedelta(days=8),
    )

    assert post(fresh, reader).is_visible is True
    with pytest.raises(ValidationError, match="closed"):
        post(old, reader)


def test_reply_to_a_comment_of_another_article_is_refused(article, reader):
    elsewhere = make_comment(article=make_article(), author=reader)

    with pytest.raises(ValidationError, match="not part of this discussion"):
        post(article, reader, parent=elsewhere)


def test_replies_nest_to_the_configured_depth(article, reader, settings):
    settings.COMMENTS_MAX_DEPTH = 3
    top = post(article, reader, "level 0")
    second = post(article, reader, "level 1", parent=top)
    third = post(article, reader, "level 2", parent=second)

    fourth = post(article, reader, "level 3?", parent=third)

    assert [c.depth for c in (top, second, third)] == [0, 1, 2]
    assert fourth.depth == 2
    assert fourth.parent == second
    assert {c.root for c in (second, third, fourth)} == {top}


def test_a_double_submit_is_refused(article, reader):
    post(article, reader, "Same words")

    with pytest.raises(ValidationError, match="already posted"):
        post(article, reader, "Same words")
    assert Comment.objects.count() == 1


def test_commenting_is_rate_limited(article, reader, settings):
    settings.COMMENTS_RATE = (2, 60)
    post(article, reader, "one")
    post(article, reader, "two")

    with pytest.raises(ValidationError, match="too fast"):
        post(article, reader, "three")


def test_more_than_two_links_holds_a_comment(article, reader):
    two = post(article, reader, "See https://a.example and www.b.example")
    three = post(
        article, reader, "https://a.example https://b.example http://c.example"
    )

    assert two.status == Comment.Status.VISIBLE
    assert three.status == Comment.Status.HELD
    assert "links" in three.held_reason


def test_a_word_on_the_list_holds_a_comment(article, reader):
    BlockedWord.objects.create(phrase="Casino")

    held = post(article, reader, "Visit my casino now")
    fine = post(article, reader, "Occasionally true")

    assert held.status == Comment.Status.HELD
    assert fine.status == Comment.Status.VISIBLE


def test_first_time_commenters_can_be_held(article, reader, other_reader, settings):
    settings.COMMENTS_HOLD_FIRST = True
    make_comment(article=article, author=other_reader)

    first = post(article, reader)
    veteran = post(article, other_reader, "Again")

    assert first.status == Comment.Status.HELD
    assert veteran.status == Comment.Status.VISIBLE


def test_suspended_reader_is_told_why_and_until_when(article, reader, other_reader):
    restrict_users(
        users=[reader],
        scope="comments",
        duration=timedelta(days=1),
        reason="Insults",
        by=other_reader,
    )

    with pytest.raises(PermissionDenied, match="until .*Insults"):
        post(article, reader)


def test_suspension_for_good_and_expired_suspension(article, reader, other_reader):
    restrict_users(users=[reader], scope="comments", reason="Spam", by=other_reader)
    with pytest.raises(PermissionDenied, match="no longer comment"):
        post(article, reader)

    reader.restrictions.update(until=timezone.now() - timedelta(minutes=1))
    assert post(article, reader).is_visible is True


def test_reports_hide_a_comment_after_the_threshold(article, reader, settings):
    settings.COMMENTS_REPORTS_TO_HIDE = 3
    comment = make_comment(article=article, author=reader)
    reporters = [make_user() for _ in range(3)]

    services.report_comment(comment=comment, user=reporters[0])
    services.report_comment(comment=comment, user=reporters[0])  # counted once
    services.report_comment(comment=comment, user=reporters[1])
    comment.refresh_from_db()
    assert (comment.report_count, comment.status) == (2, Comment.Status.VISIBLE)

    services.report_comment(comment=comment, user=reporters[2])
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD


def test_reader_cannot_report_their_own_comment(article, reader):
    comment = make_comment(article=article, author=reader)

    with pytest.raises(ValidationError):
        services.report_comment(comment=comment, user=reader)


def test_edit_window_is_ten_minutes_and_only_for_the_author(
    article, reader, other_reader
):
    comment = make_comment(article=article, author=reader)

    services.edit_comment(comment=comment, user=reader, body="Better words")
    with pytest.raises(PermissionDenied):
        services.edit_comment(comment=comment, user=other_reader, body="Hijack")
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    comment.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.edit_comment(comment=comment, user=reader, body="Too late")

    assert comment.body == "Better words"
    assert comment.edited_at is not None


def test_only_the_author_deletes(article, reader, other_reader):
    comment = make_comment(article=article, author=reader)

    with pytest.raises(PermissionDenied):
        services.delete_comment(comment=comment, user=other_reader)
    services.delete_comment(comment=comment, user=reader)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    assert comment.body == ""


def test_reply_notification_is_sent_when_asked_and_can_be_turned_off(
    article, reader, other_reader, django_capture_on_commit_callbacks
):
    parent = post(article, reader, "Question?", notify_replies=True)

    with django_capture_on_commit_callbacks(execute=True):
        post(
            article,
            other_reader,
            "Answer. <script>x</script>",
            parent=parent,
            site_url="http://testserver/",
        )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert "Answer. <script>x</script>" in message.body  # plain text, not HTML
    assert message.alternatives == []
    token = services.unsubscribe_token(parent)
    assert f"/comments/unsubscribe/{token}/" in message.body


def test_no_notification_without_the_choice_or_for_own_replies(
    article, reader, django_capture_on_commit_callbacks
):
    quiet = post(article, reader, "Quiet")
    loud = post(article, reader, "Loud", notify_replies=True)

    with django_capture_on_commit_callbacks(execute=True):
        post(article, make_user(), "reply 1", parent=quiet)
        post(article, reader, "self reply", parent=loud)

    assert mail.outbox == []


def test_approving_a_held_reply_sends_the_notification(
    article, reader, settings, django_capture_on_commit_callbacks
):
    parent = post(article, reader, "Question?", notify_replies=True)
    settings.COMMENTS_MODERATION = "pre"
    with django_capture_on_commit_callbacks(execute=True) as held:
        reply = post(article, make_user(), "Held answer", parent=parent)
    assert held == []

    with django_capture_on_commit_callbacks(execute=True):
        services.moderate_comments(
            comments=Comment.objects.filter(pk=reply.pk),
            status=Comment.Status.VISIBLE,
        )

    assert len(mail.outbox) == 1


def test_a_forged_unsubscribe_token_names_no_comment():
    assert services.comment_from_unsubscribe_token("forged:token") is None


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "javascript:alert(1)",
        '"><svg onload=alert(1)>',
    ],
)
def test_comment_text_never_becomes_markup(text):
    html = render_post(text)

    assert "<script" not in html
    assert "<img" not in html
    assert "<svg" not in html
    assert 'href="javascript' not in html


def test_comment_text_keeps_line_breaks_and_links_urls_as_ugc():
    html = render_post("Line one\nLine two\n\nhttps://example.com/page")

    assert "Line one<br>Line two" in html
    assert '<a href="https://example.com/page" rel="nofollow ugc">' in html
