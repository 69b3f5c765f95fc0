"""The image fields 0047 copied into the library go; the links to library
images take the old names (article.image, author.photo).

SQLite rebuilds articles_article for these, which its search view and the
tag listing's triggers name: they go first and are made again after."""

import django.db.models.deletion
from django.db import migrations, models

from articles.search_index import drop_search, restore_search


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0047_library_images"),
    ]

    operations = [
        migrations.RunPython(drop_search, restore_search),
        *[
            migrations.RemoveField(model_name="article", name=name)
            for name in [
                "image",
                "image_width",
                "image_height",
                "image_focal_x",
                "image_focal_y",
                "image_renditions",
                "image_credit",
                "image_alt",
            ]
        ],
        migrations.RemoveField(model_name="author", name="photo"),
        migrations.RemoveField(model_name="author", name="photo_renditions"),
        migrations.RenameField("article", "library_image", "image"),
        migrations.RenameField("author", "library_photo", "photo"),
        migrations.AlterField(
            model_name="article",
            name="image",
            field=models.ForeignKey(
                blank=True,
                help_text="A picture from the image library; its alt text and credit are the library's.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="articles",
                to="mediabank.image",
                verbose_name="main image",
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="image_caption",
            field=models.CharField(
                blank=True,
                help_text="This story's caption; empty: the library caption.",
                max_length=300,
                verbose_name="caption",
            ),
        ),
        migrations.AlterField(
            model_name="author",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                help_text="A picture from the image library.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="authors",
                to="mediabank.image",
                verbose_name="photo",
            ),
        ),
        migrations.RunPython(restore_search, drop_search),
    ]
