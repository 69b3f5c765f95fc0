"""Issue 10: a double-clicked comment is stored once; reader text cleaned."""

import threading

import pytest
from django.db import close_old_connections, connection

from comments import services
from comments.models import Comment
from tests.factories import make_article, make_user


def post_url(article):
    return f"/comments/post/{article.pk}/"


@pytest.mark.django_db
def test_the_same_form_posted_twice_stores_one_comment_and_both_succeed(
    client, article, reader
):
    client.force_login(reader)
    form = {"body": "First!", "token": "5f0e7c3a-form-token"}

    first = client.post(post_url(article), form)
    second = client.post(post_url(article), form)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Comment.objects.filter(author=reader).count() == 1


@pytest.mark.django_db
def test_one_form_reused_for_another_text_or_reply_posts_again(article, reader):
    first = services.post_comment(
        article=article, author=reader, body="One", token="t-1"
    )
    other_text = services.post_comment(
        article=article, author=reader, body="Two", token="t-1"
    )
    reply = services.post_comment(
        article=article, author=reader, body="Three", token="t-1", parent=first
    )

    assert len({first.pk, other_text.pk, reply.pk}) == 3


@pytest.mark.django_db
def test_the_comment_form_carries_a_one_time_token(client, article, reader):
    client.force_login(reader)

    first = client.get(article.get_absolute_url()).content.decode()
    second = client.get(article.get_absolute_url()).content.decode()

    token = 'name="token" value="'
    assert token in first
    first_value = first.split(token, 1)[1].split('"', 1)[0]
    second_value = second.split(token, 1)[1].split('"', 1)[0]
    assert first_value and first_value != second_value


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_posts_of_one_form_store_one_comment():
    article = make_article(comments_mode="open")
    reader = make_user(email="clicker@example.com")
    barrier = threading.Barrier(2)
    results, errors = [], []

    def click():
        try:
            barrier.wait(timeout=10)
            results.append(
                services.post_comment(
                    article=article, author=reader, body="Hello", token="double"
                ).pk
            )
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert Comment.objects.filter(author=reader).count() == 1


@pytest.mark.django_db
def test_comment_text_loses_bidi_overrides_and_zero_width_characters(article, reader):
    comment = services.post_comment(
        article=article,
        author=reader,
        body="evil\u202etxt.exe\u200b \u2066x\u2069 \ufeffok "
        "\U0001f469\u200d\U0001f4bb",
    )

    assert comment.body == "eviltxt.exe x ok \U0001f469\u200d\U0001f4bb"
