from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from articles.models import Article
from comments import services
from comments.models import Comment
from participation.services import restrict_users
from tests.comments.conftest import make_comment
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def post_url(article):
    return f"/comments/post/{article.pk}/"


def test_anonymous_reader_sees_comments_counter_and_gate(client, article, reader):
    make_comment(article=article, author=reader, body="Visible words")
    make_comment(article=article, author=reader, body="Held words", status="held")

    soup = soup_of(client.get(article.get_absolute_url()))

    assert soup.select_one(".discussion__count").get_text() == "1"
    assert "Visible words" in soup.select_one(".comment-list").get_text()
    assert "Held words" not in soup.get_text()
    assert soup.select_one(".discussion__gate") is not None
    assert soup.select_one("#comment-form") is None


def test_logged_in_reader_posts_and_the_counter_goes_up(client, article, reader):
    client.force_login(reader)
    assert (
        soup_of(client.get(article.get_absolute_url()))
        .select_one(".discussion__count")
        .get_text()
        == "0"
    )

    response = client.post(post_url(article), {"body": "First!\nSecond line"})

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
    soup = soup_of(client.get(article.get_absolute_url()))
    assert soup.select_one(".discussion__count").get_text() == "1"
    assert "First!" in soup.select_one(f"#comment-{comment.pk}").get_text()


def test_held_comment_is_shown_to_its_author_only(client, article, reader, settings):
    settings.COMMENTS_MODERATION = "pre"
    client.force_login(reader)

    client.post(post_url(article), {"body": "Wait for me"})

    mine = soup_of(client.get(article.get_absolute_url()))
    assert "Awaiting moderation" in mine.select_one(".comment").get_text()
    assert mine.select_one(".discussion__count").get_text() == "0"
    client.force_login(make_user())
    assert "Wait for me" not in client.get(article.get_absolute_url()).content.decode()


def test_anonymous_post_goes_to_login_and_changes_nothing(client, article):
    response = client.post(post_url(article), {"body": "Hi"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Comment.objects.exists()


def test_post_without_csrf_token_is_refused(article, reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    response = client.post(post_url(article), {"body": "Hi"})

    assert response.status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {"published_at": timezone.now() + timedelta(hours=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_post_to_an_unpublished_article_is_404(client, reader, overrides):
    article = make_article(**overrides)
    client.force_login(reader)

    assert client.post(post_url(article), {"body": "Hi"}).status_code == 404
    assert client.post("/comments/post/999999/", {"body": "Hi"}).status_code == 404
    assert not Comment.objects.exists()


def test_bad_comment_keeps_the_text_and_says_why(client, article, reader, settings):
    settings.COMMENTS_MAX_LENGTH = 20
    client.force_login(reader)

    response = client.post(post_url(article), {"body": "This text is far too long"})

    assert response.status_code == 400
    soup = soup_of(response)
    assert "at most 20 characters" in soup.select_one(".form__errors").get_text()
    assert soup.select_one("textarea").get_text().strip() == "This text is far too long"
    assert not Comment.objects.exists()


def test_blank_comment_is_a_clear_error(client, article, reader):
    client.force_login(reader)

    response = client.post(post_url(article), {"body": "   "})

    assert response.status_code == 400
    assert "Write something" in response.content.decode()


def test_closed_discussion_says_so_and_refuses_posts(client, reader):
    article = make_article(comments_mode=Article.CommentsMode.CLOSED)
    client.force_login(reader)

    page = soup_of(client.get(article.get_absolute_url()))
    response = client.post(post_url(article), {"body": "Hi"})

    assert "closed" in page.select_one(".discussion__closed").get_text()
    assert page.select_one("#comment-form") is None
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_suspended_reader_sees_why_and_until_when(client, article, reader):
    restrict_users(
        users=[reader], scope="comments", duration=timedelta(days=1), reason="Insults"
    )
    client.force_login(reader)

    page = soup_of(client.get(article.get_absolute_url()))
    response = client.post(post_url(article), {"body": "Hi"})

    assert "Insults" in page.select_one(".discussion__suspended").get_text()
    assert response.status_code == 403
    assert "Insults" in response.content.decode()


def test_reply_to_another_articles_comment_is_refused(client, article, reader):
    elsewhere = make_comment(article=make_article(), author=reader)
    client.force_login(reader)

    response = client.post(post_url(article), {"body": "Hi", "parent": elsewhere.pk})

    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_reply_page_works_without_javascript(client, article, reader, other_reader):
    parent = make_comment(article=article, author=other_reader, body="Question?")
    client.force_login(reader)

    page = soup_of(client.get(f"/comments/{parent.pk}/reply/"))
    client.post(post_url(article), {"body": "Answer", "parent": parent.pk})

    assert page.select_one("input[name=parent]")["value"] == str(parent.pk)
    reply = Comment.objects.get(body="Answer")
    assert reply.parent == parent
    thread = soup_of(client.get(article.get_absolute_url()))
    assert (
        "Answer" in thread.select_one(f"#comment-{parent.pk} .comment-list").get_text()
    )


def test_honeypot_blocks_bots(client, article, reader):
    client.force_login(reader)

    response = client.post(post_url(article), {"body": "Buy", "website": "x"})

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_edit_and_delete_from_both_sides(client, article, reader, other_reader):
    comment = make_comment(article=article, author=reader, body="Original")
    client.force_login(other_reader)

    assert client.get(f"/comments/{comment.pk}/edit/").status_code == 403
    assert (
        client.post(f"/comments/{comment.pk}/edit/", {"body": "X"}).status_code == 403
    )
    assert client.post(f"/comments/{comment.pk}/delete/").status_code == 403
    comment.refresh_from_db()
    assert (comment.body, comment.status) == ("Original", Comment.Status.VISIBLE)

    client.force_login(reader)
    client.post(f"/comments/{comment.pk}/edit/", {"body": "Edited"})
    comment.refresh_from_db()
    assert comment.body == "Edited"
    client.post(f"/comments/{comment.pk}/delete/")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED


def test_report_button_hides_after_enough_reports(client, article, reader, settings):
    settings.COMMENTS_REPORTS_TO_HIDE = 1
    comment = make_comment(article=article, author=reader, body="Rude")
    client.force_login(make_user())

    response = client.post(f"/comments/{comment.pk}/report/")

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD
    assert client.get(f"/comments/{comment.pk}/report/").status_code == 405


def test_unsubscribe_link_turns_reply_mail_off(client, article, reader):
    comment = make_comment(article=article, author=reader, notify_replies=True)
    url = f"/comments/unsubscribe/{services.unsubscribe_token(comment)}/"

    assert client.get(url).status_code == 200
    comment.refresh_from_db()
    assert comment.notify_replies is True  # a GET (mail scanners) changes nothing
    client.post(url)
    comment.refresh_from_db()
    assert comment.notify_replies is False
    assert client.get("/comments/unsubscribe/forged/").status_code == 400


def test_comments_sort_both_ways_and_paginate(client, article, reader, settings):
    settings.COMMENTS_PER_PAGE = 2
    now = timezone.now()
    for i in range(3):
        make_comment(
            article=article,
            author=reader,
            body=f"c{i}",
            created_at=now - timedelta(minutes=10 - i),
        )
    url = article.get_absolute_url()

    def bodies(response):
        return [
            b.get_text(strip=True) for b in soup_of(response).select(".comment__body")
        ]

    assert bodies(client.get(url)) == ["c2", "c1"]
    assert bodies(client.get(url, {"sort": "oldest"})) == ["c0", "c1"]
    assert bodies(client.get(url, {"sort": "oldest", "cpage": 2})) == ["c2"]
    assert bodies(client.get(url, {"sort": "bogus", "cpage": "x"})) == ["c2", "c1"]


def test_script_payloads_show_as_text(client, article, reader):
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    make_comment(article=article, author=reader, body=payload)

    response = client.get(article.get_absolute_url())

    body = soup_of(response).select_one(".comment__body")
    assert body.find("script") is None
    assert body.find("img") is None
    assert payload in body.get_text()


def test_anonymous_article_page_with_comments_sets_no_cookie(client, article, reader):
    make_comment(article=article, author=reader)

    response = client.get(article.get_absolute_url())

    assert response.cookies == {}


@pytest.mark.parametrize("n_comments", [1, 30])
def test_article_page_query_count_is_flat_in_comments(
    client, article, reader, n_comments, django_assert_num_queries
):
    for i in range(n_comments):
        top = make_comment(article=article, author=reader, body=f"top {i}")
        make_comment(
            article=article,
            author=reader,
            body=f"re {i}",
            parent=top,
            root=top,
            depth=1,
        )

    # cold: article, bylines, tags, corrections, translations, related
    # articles (two: this article has no peers), breaking banner, menu, the
    # edition's next time boundary, newsfeed, comment counter, comment page
    # count, page, replies, chat messages, live story (none), gallery (none)
    with django_assert_num_queries(20):
        client.get(article.get_absolute_url())
    # warm: none; the article's row, the chat history and the discussion, the
    # same for every anonymous reader, from the fragment cache
    with django_assert_num_queries(0):
        client.get(article.get_absolute_url())
    # a reader's own discussion: session, user, counter, page count, page,
    # replies, suspension, chat block, permissions
    client.force_login(reader)
    with django_assert_num_queries(10):
        client.get(article.get_absolute_url())


@pytest.mark.parametrize("n_comments", [1, 30])
def test_teaser_counters_cost_no_query_per_teaser(
    client, reader, n_comments, django_assert_num_queries
):
    section_articles = [make_article() for _ in range(3)]
    for article in section_articles:
        for i in range(n_comments):
            make_comment(article=article, author=reader, body=f"c{i}")
    section = section_articles[0].section

    # section, count, the page's ids, the cards' rows with their counters,
    # bylines, banner, menu, the edition's next time boundary, newsfeed
    with django_assert_num_queries(11):
        response = client.get(section.get_absolute_url())
    soup = soup_of(response)
    assert soup.select_one(".card__comments").get_text().startswith(str(n_comments))
