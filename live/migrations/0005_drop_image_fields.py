"""The image fields 0004 copied into the library go; the link to the
library image takes the old name (post.image)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0004_library_images"),
    ]

    operations = [
        *[
            migrations.RemoveField(model_name="livepost", name=name)
            for name in ["image", "image_width", "image_height", "image_alt"]
        ],
        migrations.RenameField("livepost", "library_image", "image"),
        migrations.AlterField(
            model_name="livepost",
            name="image",
            field=models.ForeignKey(
                blank=True,
                help_text="A picture from the image library; its alt text, caption and credit are the library's.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="live_posts",
                to="mediabank.image",
                verbose_name="image",
            ),
        ),
    ]
