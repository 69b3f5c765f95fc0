"""Every write of a live story goes through live/services.py: sanitized,
validated, the article's keys bumped, its published time left alone."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from articles import cachekeys
from live import broadcast, services
from live.models import LivePost
from mediabank.models import Image
from tests.factories import make_article
from tests.live.conftest import post

pytestmark = pytest.mark.django_db


def test_post_is_sanitized_and_stored(story, editor):
    made = services.post_update(
        story=story,
        author=editor,
        body='Talks begin <script>alert(1)</script><a href="javascript:x">x</a>',
    )

    made.refresh_from_db()
    assert made.author == editor
    assert "<script" not in made.body
    assert "javascript:" not in made.body
    assert made.body.startswith("<p>Talks begin")


@pytest.mark.parametrize(
    ("kind", "fields", "missing"),
    [
        ("text", {}, "body"),
        ("quote", {"quote_author": "Ivanov"}, "body"),
        ("link", {"body": "Read"}, "link_url"),
        ("image", {"body": "The hall"}, "image"),
    ],
)
def test_each_kind_requires_its_fields_and_saves_nothing(story, kind, fields, missing):
    with pytest.raises(ValidationError) as error:
        services.post_update(story=story, author=None, kind=kind, **fields)

    assert missing in error.value.message_dict
    assert LivePost.objects.count() == 0


def test_link_must_be_a_web_address(story):
    with pytest.raises(ValidationError):
        post(story, kind="link", link_url="javascript:alert(1)")


def test_image_post_shows_a_library_image_and_stores_no_file(story, photo):
    files = Image.objects.values_list("file", flat=True)
    before = set(files)

    made = post(story, "", kind="image", image=photo)

    made.refresh_from_db()
    assert made.image == photo
    assert set(files) == before


def test_a_post_changed_to_text_lets_go_of_its_image(story, photo):
    made = post(story, "Seats fill up.", kind="image", image=photo)

    services.edit_post(post=made, kind="text")

    made.refresh_from_db()
    assert made.image is None
    assert photo.live_posts.exists() is False


def test_a_library_image_in_a_post_cannot_be_deleted(story, photo):
    post(story, "", kind="image", image=photo)

    with pytest.raises(ProtectedError):
        photo.delete()

    assert Image.objects.filter(pk=photo.pk).exists() is True


def test_posting_updates_the_article_but_never_its_publication_time(
    story, bumped, django_capture_on_commit_callbacks
):
    article = story.article
    published_at = article.published_at

    with django_capture_on_commit_callbacks(execute=True):
        post(story)

    article.refresh_from_db()
    assert article.published_at == published_at
    assert article.updated_at > published_at
    assert set(bumped) == {
        cachekeys.article(article.pk),
        cachekeys.edition(article.language),
    }


def test_edit_changes_the_post_and_marks_it_edited(
    story, bumped, django_capture_on_commit_callbacks
):
    made = post(story)

    with django_capture_on_commit_callbacks(execute=True):
        services.edit_post(post=made, body="Leaders arrived at noon.")

    made.refresh_from_db()
    assert made.body == "<p>Leaders arrived at noon.</p>"
    assert made.edited_at is not None
    assert cachekeys.article(story.pk) in bumped


def test_delete_removes_the_post_and_bumps(
    story, bumped, django_capture_on_commit_callbacks
):
    made = post(story)

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_post(post=made)

    assert LivePost.objects.count() == 0
    assert cachekeys.article(story.pk) in bumped


def test_closed_story_refuses_posts_and_edits_with_a_clear_message(story):
    made = post(story)

    services.close_story(story=story)

    with pytest.raises(ValidationError, match="coverage has ended"):
        post(story, "One more")
    with pytest.raises(ValidationError, match="coverage has ended"):
        services.edit_post(post=made, body="Changed")
    with pytest.raises(ValidationError):
        services.close_story(story=story)
    assert LivePost.objects.count() == 1
    story.refresh_from_db()
    assert story.is_closed is True


def test_starting_twice_returns_the_same_story(story):
    again = services.start_live_story(article=story.article)

    assert again.pk == story.pk


def test_draft_article_posts_do_not_touch_its_update_time(db):
    story = services.start_live_story(article=make_article(status="draft"))

    post(story)

    story.article.refresh_from_db()
    assert story.article.updated_at is None


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"status": "draft"},
        {"published_at": timezone.now() + timedelta(hours=1)},
        {"embargo_until": timezone.now() + timedelta(hours=1)},
    ],
    ids=["published", "draft", "scheduled", "embargoed"],
)
def test_only_a_public_story_tells_its_open_pages(
    overrides, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(broadcast, "chats_broadcast", lambda s, e: sent.append(e))
    story = services.start_live_story(article=make_article(**overrides))

    with django_capture_on_commit_callbacks(execute=True):
        made = post(story, "Maybe secret.")
        services.edit_post(post=made, body="Still secret.")
        services.delete_post(post=made)
        services.close_story(story=story)

    kinds = [event["type"] for event in sent]
    assert kinds == (["post", "edited", "deleted", "closed"] if not overrides else [])


def test_deleting_an_image_post_keeps_the_library_image_and_its_file(
    story, photo, django_capture_on_commit_callbacks
):
    made = post(story, "", kind="image", image=photo)
    storage, name = photo.file.storage, photo.file.name

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_post(post=made)

    assert LivePost.objects.exists() is False
    assert Image.objects.filter(pk=photo.pk).exists() is True
    assert storage.exists(name) is True


def test_an_image_post_reaches_open_pages_as_the_page_shows_it(
    client, story, photo, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(broadcast, "chats_broadcast", lambda s, e: sent.append(e))

    with django_capture_on_commit_callbacks(execute=True):
        made = post(story, "Seats fill up.", kind="image", image=photo)
    page = client.get(story.get_absolute_url()).content.decode()

    (event,) = sent
    html = event["html"].strip()
    assert 'class="live-post__figure"' in html
    assert "© Sputnik / Ivan Petrov" in html
    assert f'id="post-{made.pk}"' in html
    assert html in page
