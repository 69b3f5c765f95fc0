"""live 0004/0005 move each post's image into the library, losing nothing,
and leave the file (and its URL) where it was."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from live.models import LivePost
from tests.factories import image_upload, make_article, make_user, migrate_to_latest

OLD = ("live", "0003_post_image_size")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_post_images_move_into_the_library(client):
    article = make_article(title="Summit live")
    author = make_user(email="desk@example.com")
    posted_at = timezone.now() - timedelta(hours=2)
    executor = MigrationExecutor(connection)
    executor.migrate([OLD])
    old = executor.loader.project_state(OLD).apps
    name = default_storage.save(
        "live/2026/11/hall.jpg", ContentFile(image_upload().read())
    )
    story = old.get_model("live", "LiveStory").objects.create(
        article_id=article.pk, started_at=posted_at
    )
    OldPost = old.get_model("live", "LivePost")
    with_image = OldPost.objects.create(
        story=story,
        kind="image",
        body="<p>Seats fill up.</p>",
        image=name,
        image_width=64,
        image_height=48,
        image_alt="The conference hall.",
        author_id=author.pk,
        posted_at=posted_at,
    )
    OldPost.objects.create(story=story, kind="text", body="<p>Talks begin.</p>")

    migrate_to_latest()

    made = LivePost.objects.select_related("image").get(pk=with_image.pk)
    image = made.image
    assert image.file.name == name
    assert (image.width, image.height) == (64, 48)
    assert image.alt == "The conference hall."
    assert image.title == "The conference hall."
    assert image.uploaded_by == author
    assert image.uploaded_at == posted_at
    assert LivePost.objects.get(kind="text").image is None
    # Its renditions are made from the kept file on the first display.
    html = client.get(article.get_absolute_url()).content
    img = BeautifulSoup(html, "html.parser").select_one(".live-post__figure img")
    assert img["alt"] == "The conference hall."
    assert "renditions/" in img["src"]
    image.refresh_from_db()
    assert image.renditions["source"] == name

    # Going back puts the file, size and alt text on the post again.
    executor = MigrationExecutor(connection)
    executor.migrate([OLD])
    old = executor.loader.project_state(OLD).apps
    back = old.get_model("live", "LivePost").objects.get(pk=with_image.pk)
    assert (back.image.name, back.image_alt) == (name, "The conference hall.")
    assert (back.image_width, back.image_height) == (64, 48)
    migrate_to_latest()
