"""Editors manage the whole library; Authors upload, edit and choose
images for their drafts (deleting one a story may use is the editors')."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = [
    f"{action}_{model}"
    for model in ["image", "librarytag", "taggedimage"]
    for action in ["add", "change", "delete", "view"]
]
AUTHORS = ["add_image", "change_image", "view_image", "add_taggedimage",
           "view_taggedimage", "delete_taggedimage", "add_librarytag",
           "view_librarytag"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("mediabank")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in [("Editors", EDITORS), ("Authors", AUTHORS)]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="mediabank", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.all():
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="mediabank")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mediabank", "0001_initial"),
        ("articles", "0002_editorial_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
