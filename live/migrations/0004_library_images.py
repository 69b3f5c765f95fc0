"""Live post images move into the image library, as article images did
(articles 0047): each post's image becomes a mediabank.Image with its alt
text, size, uploader (the post's author) and upload time (the post's), the
file kept where it is (live/<year>/<month>/, so its URL keeps answering).
Its renditions are made on first display, as for any library image
without them. 0005 drops the old fields."""

import django.db.models.deletion
from django.db import migrations, models


def library_image(Image, name, **fields):
    """A library row for the stored file `name`. The name is set by an
    update: an ImageField given a file measures it when the row is made,
    and a file missing from this machine's media must not stop the
    upgrade."""
    image = Image.objects.create(file="", **fields)
    Image.objects.filter(pk=image.pk).update(file=name)
    return image


def to_library(apps, schema_editor):
    LivePost = apps.get_model("live", "LivePost")
    Image = apps.get_model("mediabank", "Image")
    # Values, not instances: loading a row measures an image whose stored
    # size is missing.
    posts = LivePost.objects.exclude(image="").exclude(image__isnull=True)
    for post in posts.order_by("pk").values(
        "pk",
        "image",
        "image_width",
        "image_height",
        "image_alt",
        "author_id",
        "posted_at",
        "story__article__title",
    ):
        image = library_image(
            Image,
            post["image"],
            width=post["image_width"],
            height=post["image_height"],
            # What it shows finds it in the library; else its story.
            title=(post["image_alt"] or post["story__article__title"])[:200],
            alt=post["image_alt"],
            uploaded_by_id=post["author_id"],
            uploaded_at=post["posted_at"],
        )
        LivePost.objects.filter(pk=post["pk"]).update(library_image=image)


def from_library(apps, schema_editor):
    LivePost = apps.get_model("live", "LivePost")
    for post in LivePost.objects.exclude(library_image=None).values(
        "pk",
        "library_image__file",
        "library_image__width",
        "library_image__height",
        "library_image__alt",
    ):
        LivePost.objects.filter(pk=post["pk"]).update(
            image=post["library_image__file"],
            image_width=post["library_image__width"],
            image_height=post["library_image__height"],
            image_alt=post["library_image__alt"][:300],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0003_post_image_size"),
        ("mediabank", "0003_gallery"),
    ]

    operations = [
        migrations.AddField(
            model_name="livepost",
            name="library_image",
            field=models.ForeignKey(
                null=True,
                blank=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="mediabank.image",
            ),
        ),
        migrations.RunPython(to_library, from_library),
    ]
