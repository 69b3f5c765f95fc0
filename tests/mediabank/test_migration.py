"""articles 0047/0048 move every article image and author photo into the
library, losing nothing, and leave the files (and their URLs) where they
were."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from articles.models import Article, Author
from tests.factories import image_upload, migrate_to_latest

RECORD = {
    "source": "articles/2009/01/summit.jpg",
    "focal": [0.3, 0.7],
    "width": 64,
    "height": 48,
    "sizes": [[64, 48, "renditions/abc-64.jpg", "renditions/abc-64.webp"]],
    "social": {"16:9": [64, 36, "renditions/abc-16x9-30-70.jpg"]},
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_image_fields_move_into_the_library():
    executor = MigrationExecutor(connection)
    executor.migrate([("articles", "0046_desk_models_moved")])
    old = executor.loader.project_state(("articles", "0046_desk_models_moved")).apps
    name = default_storage.save(RECORD["source"], ContentFile(image_upload().read()))
    section = old.get_model("articles", "Section").objects.create(
        name="World", slug="world"
    )
    OldArticle = old.get_model("articles", "Article")
    with_image = OldArticle.objects.create(
        title="Summit",
        slug="summit",
        section=section,
        lead="Lead.",
        body="<p>Body.</p>",
        status="published",
        published_at=timezone.now(),
        image=name,
        image_width=64,
        image_height=48,
        image_focal_x=30,
        image_focal_y=70,
        image_renditions={**RECORD, "source": name},
        image_caption="Leaders at the summit.",
        image_credit="Sputnik",
        image_alt="Two men shake hands.",
    )
    OldArticle.objects.create(
        title="Plain",
        slug="plain",
        section=section,
        lead="Lead.",
        body="<p>Body.</p>",
        status="draft",
    )
    old.get_model("articles", "Author").objects.create(
        name="Ann Lee", slug="ann", photo=name, photo_renditions={"source": name}
    )

    migrate_to_latest()

    article = Article.objects.select_related("image").get(pk=with_image.pk)
    image = article.image
    assert image.file.name == name
    assert (image.width, image.height) == (64, 48)
    assert (image.focal_x, image.focal_y) == (30, 70)
    assert image.renditions == {**RECORD, "source": name}
    assert image.caption == "Leaders at the summit."
    assert article.image_caption_shown == "Leaders at the summit."
    assert image.credit == "© Sputnik"
    assert image.alt == "Two men shake hands."
    # The record still matches: no rendition is made again, URLs keep.
    from articles.images import renditions_of

    assert renditions_of(article) == {**RECORD, "source": name}
    assert Article.objects.get(slug="plain").image is None
    author = Author.objects.select_related("photo").get(slug="ann")
    assert author.photo.file.name == name
    assert author.photo.alt == "Ann Lee"
