"""Transition, Revision and EditLock now belong to the desk app (desk 0001
took them over with their tables): they leave this app's state only, and
a correction's before/after now point at desk.Revision, the same table.
Their content types move to the desk, so the permissions that point at
them, the groups holding those, and the admin history follow."""

import django.db.models.deletion
from django.db import migrations, models


MODELS = ["transition", "revision", "editlock"]


def move(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    moving = ContentType.objects.filter(app_label=source, model__in=MODELS)
    # A type already under `target` beside the one moving was made by
    # post_migrate while code and schema disagreed (after a rollback): the
    # one moving holds the permissions and history, so it wins.
    ContentType.objects.filter(
        app_label=target, model__in=moving.values("model")
    ).delete()
    moving.update(app_label=target)


def move_content_types(apps, schema_editor):
    move(apps, "articles", "desk")


def move_content_types_back(apps, schema_editor):
    move(apps, "desk", "articles")


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0045_tag_listing'),
        ('desk', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    state_operations = [
        migrations.AlterField(
            model_name='correction',
            name='before',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='desk.revision'),
        ),
        migrations.AlterField(
            model_name='correction',
            name='after',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='desk.revision'),
        ),
        migrations.DeleteModel(name='Transition'),
        migrations.DeleteModel(name='Revision'),
        migrations.DeleteModel(name='EditLock'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
