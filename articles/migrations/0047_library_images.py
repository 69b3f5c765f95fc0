"""Main images and author photos move into the image library (issue 13):
each article image and author photo becomes a mediabank.Image with its
caption, credit, alt text, focal point, size and renditions, the file
kept where it is (so rendition and og:image URLs keep answering). The
caption moves to the library (the story's own caption starts empty). 0048 drops the old
fields."""

import django.db.models.deletion
from django.db import migrations, models

from articles.search_index import drop_search, restore_search


def title_from(text, fallback):
    return (text or fallback or "")[:200]


def library_image(Image, name, **fields):
    """A library row for the stored file `name`. The name is set by an
    update: an ImageField given a file measures it when the row is made,
    and a file missing from this machine's media must not stop the
    upgrade."""
    image = Image.objects.create(file="", **fields)
    Image.objects.filter(pk=image.pk).update(file=name)
    return image


def to_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Author = apps.get_model("articles", "Author")
    Image = apps.get_model("mediabank", "Image")
    # Values, not instances: loading a row measures an image whose stored
    # size is missing.
    articles = Article.objects.exclude(image="").exclude(image__isnull=True)
    for article in articles.values(
        "pk",
        "title",
        "image",
        "image_width",
        "image_height",
        "image_caption",
        "image_alt",
        "image_credit",
        "image_focal_x",
        "image_focal_y",
        "image_renditions",
        "created_by_id",
        "created_at",
    ):
        image = library_image(
            Image,
            article["image"],
            width=article["image_width"],
            height=article["image_height"],
            title=title_from(article["image_caption"], article["title"]),
            alt=article["image_alt"],
            caption=article["image_caption"],
            # The old credit was shown as “© credit”: the holder's line.
            copyright_holder=article["image_credit"],
            focal_x=article["image_focal_x"],
            focal_y=article["image_focal_y"],
            renditions=article["image_renditions"] or {},
            uploaded_by_id=article["created_by_id"],
            uploaded_at=article["created_at"],
        )
        # The caption is the library's now; the story's own starts empty.
        Article.objects.filter(pk=article["pk"]).update(
            library_image=image, image_caption=""
        )
    authors = Author.objects.exclude(photo="").exclude(photo__isnull=True)
    for author in authors.values("pk", "name", "photo", "photo_renditions"):
        record = author["photo_renditions"] or {}
        image = library_image(
            Image,
            author["photo"],
            width=record.get("width"),
            height=record.get("height"),
            title=author["name"][:200],
            alt=author["name"][:300],
            renditions=record,
        )
        Author.objects.filter(pk=author["pk"]).update(library_photo=image)


def from_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Author = apps.get_model("articles", "Author")
    for article in Article.objects.exclude(library_image=None).values(
        "pk",
        "image_caption",
        "library_image__file",
        "library_image__width",
        "library_image__height",
        "library_image__alt",
        "library_image__caption",
        "library_image__copyright_holder",
        "library_image__photographer",
        "library_image__focal_x",
        "library_image__focal_y",
        "library_image__renditions",
    ):
        image = {
            key.removeprefix("library_image__"): value
            for key, value in article.items()
        }
        Article.objects.filter(pk=article["pk"]).update(
            image=image["file"],
            image_width=image["width"],
            image_height=image["height"],
            image_alt=image["alt"],
            image_caption=article["image_caption"] or image["caption"],
            image_credit=" / ".join(
                filter(None, [image["copyright_holder"], image["photographer"]])
            ),
            image_focal_x=image["focal_x"],
            image_focal_y=image["focal_y"],
            image_renditions=image["renditions"],
        )
    for author in Author.objects.exclude(library_photo=None).values(
        "pk", "library_photo__file", "library_photo__renditions"
    ):
        Author.objects.filter(pk=author["pk"]).update(
            photo=author["library_photo__file"],
            photo_renditions=author["library_photo__renditions"],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0046_desk_models_moved"),
        ("mediabank", "0001_initial"),
    ]

    # Going back, SQLite rebuilds both tables, which the search names.
    operations = [
        migrations.RunPython(drop_search, restore_search),
        migrations.AddField(
            model_name="article",
            name="library_image",
            field=models.ForeignKey(
                null=True,
                blank=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="mediabank.image",
            ),
        ),
        migrations.AddField(
            model_name="author",
            name="library_photo",
            field=models.ForeignKey(
                null=True,
                blank=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="mediabank.image",
            ),
        ),
        migrations.RunPython(to_library, from_library),
        migrations.RunPython(restore_search, drop_search),
    ]
