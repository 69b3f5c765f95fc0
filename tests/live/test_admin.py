"""Editors run live stories from the admin (through live/services.py);
authors, moderators and readers may not."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles import cachekeys
from live import services
from live.models import LivePost, LiveStory
from tests.factories import make_article, make_author_user, make_staff
from tests.live.conftest import post

pytestmark = pytest.mark.django_db

POST_ADD = reverse("admin:live_livepost_add")
STORY_ADD = reverse("admin:live_livestory_add")
STORIES = reverse("admin:live_livestory_changelist")


def form(story, **fields):
    data = {
        "story": story.pk,
        "kind": "text",
        "body": "Editors post from the admin.",
        "posted_at_0": "2026-11-29",
        "posted_at_1": "12:00:00",
        "quote_author": "",
        "link_url": "",
        "link_title": "",
        "image": "",
    }
    data.update(fields)
    return data


def test_editor_starts_a_story_and_posts(client, editor, bumped):
    article = make_article()
    client.force_login(editor)

    response = client.post(
        STORY_ADD,
        {"article": article.pk, "started_at_0": "2026-11-29", "started_at_1": "10:00"},
    )
    assert response.status_code == 302
    story = LiveStory.objects.get(pk=article.pk)
    response = client.post(POST_ADD, form(story))

    assert response.status_code == 302
    made = LivePost.objects.get()
    assert made.author == editor
    assert made.body == "<p>Editors post from the admin.</p>"
    assert cachekeys.article(article.pk) in bumped


def test_editor_posts_a_library_image(client, editor, story, photo):
    client.force_login(editor)

    response = client.post(
        POST_ADD, form(story, kind="image", body="", image=str(photo.pk))
    )

    assert response.status_code == 302
    assert LivePost.objects.get().image == photo


def test_an_image_post_without_an_image_is_refused(client, editor, story):
    client.force_login(editor)

    response = client.post(POST_ADD, form(story, kind="image", body="A hall"))

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert soup.select_one("#id_image_error").text == "This field is required."
    assert LivePost.objects.count() == 0


def test_the_post_form_chooses_or_uploads_a_library_image(client, editor, story, photo):
    made = post(story, "", kind="image", image=photo)
    client.force_login(editor)

    response = client.get(reverse("admin:live_livepost_change", args=[made.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    chooser = soup.select_one(".image-chooser")
    assert chooser["data-chooser-url"] == reverse("admin:mediabank_image_chooser")
    assert soup.select_one("input#id_image")["value"] == str(photo.pk)
    assert chooser.select_one(".image-chooser__title").text == "Hall"
    upload = chooser.select_one("a.image-chooser__upload")
    assert upload["href"].startswith(reverse("admin:mediabank_image_add"))
    assert "_popup=1" in upload["href"]
    assert soup.select_one("#id_image_alt") is None


def test_editor_edits_and_deletes_a_post(client, editor, story):
    made = post(story)
    client.force_login(editor)
    change = reverse("admin:live_livepost_change", args=[made.pk])

    client.post(change, form(story, body="Corrected."))
    made.refresh_from_db()
    assert made.body == "<p>Corrected.</p>"
    assert made.edited_at is not None

    client.post(reverse("admin:live_livepost_delete", args=[made.pk]), {"post": "yes"})
    assert LivePost.objects.count() == 0


def test_admin_form_shows_field_errors_not_a_500(client, editor, story):
    client.force_login(editor)

    response = client.post(POST_ADD, form(story, kind="link", body=""))

    assert response.status_code == 200
    assert LivePost.objects.count() == 0


def test_closing_from_the_list_freezes_the_story(client, editor, story):
    client.force_login(editor)

    client.post(STORIES, {"action": "close_coverage", "_selected_action": [story.pk]})
    response = client.post(POST_ADD, form(story))

    story.refresh_from_db()
    assert story.is_closed is True
    assert response.status_code == 200
    assert "coverage has ended" in response.content.decode()
    assert LivePost.objects.count() == 0


@pytest.mark.parametrize(
    "make_user",
    [
        make_author_user,
        lambda **kw: make_staff(groups=["Moderators"], **kw),
        lambda **kw: make_staff(groups=[], **kw),
    ],
    ids=["author", "moderator", "staff"],
)
def test_others_may_not_post_edit_or_delete(client, story, make_user):
    made = post(story)
    client.force_login(make_user(email="other@example.com"))

    add = client.post(POST_ADD, form(story))
    change = client.post(
        reverse("admin:live_livepost_change", args=[made.pk]), form(story, body="X")
    )
    delete = client.post(
        reverse("admin:live_livepost_delete", args=[made.pk]), {"post": "yes"}
    )
    close = client.post(
        STORIES, {"action": "close_coverage", "_selected_action": [story.pk]}
    )

    assert add.status_code == 403
    assert change.status_code == 403
    assert delete.status_code == 403
    assert close.status_code == 403
    made.refresh_from_db()
    assert made.body == "<p>Leaders arrive.</p>"
    story.refresh_from_db()
    assert story.is_closed is False


def test_readers_are_sent_to_the_login(client, reader, story):
    client.force_login(reader)

    response = client.post(POST_ADD, form(story))

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert LivePost.objects.count() == 0


def test_editor_pages_render(client, editor, story):
    made = post(story)
    client.force_login(editor)

    for url in [
        POST_ADD,
        reverse("admin:live_livepost_changelist"),
        reverse("admin:live_livepost_change", args=[made.pk]),
        STORIES,
        reverse("admin:live_livestory_change", args=[story.pk]),
        STORY_ADD,
    ]:
        assert client.get(url).status_code == 200, url


def test_editor_moves_the_start_and_deletes_a_story(client, editor, story, bumped):
    post(story)
    client.force_login(editor)
    change = reverse("admin:live_livestory_change", args=[story.pk])

    client.post(change, {"started_at_0": "2026-11-29", "started_at_1": "09:30"})
    story.refresh_from_db()
    assert story.started_at.hour == 6  # 09:30 in Moscow
    assert cachekeys.article(story.pk) in bumped
    bumped.clear()

    client.post(
        reverse("admin:live_livestory_delete", args=[story.pk]), {"post": "yes"}
    )
    assert LiveStory.objects.exists() is False
    assert LivePost.objects.exists() is False
    assert cachekeys.article(story.pk) in bumped


def test_story_list_links_to_adding_and_listing_its_posts(client, editor, story):
    post(story, "Ours.")
    other = services.start_live_story(article=make_article())
    post(other, "Theirs.")
    client.force_login(editor)

    listing = client.get(STORIES).content.decode()
    posts = client.get(
        reverse("admin:live_livepost_changelist") + f"?story={story.pk}"
    ).content.decode()
    add = client.get(POST_ADD + f"?story={story.pk}").content.decode()

    assert f'{POST_ADD}?story={story.pk}"' in listing
    assert "Ours." in posts and "Theirs." not in posts
    assert f'<option value="{story.pk}" selected>' in add
