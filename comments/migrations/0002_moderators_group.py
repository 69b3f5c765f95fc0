from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = {
    "comments": ["comment", "commentreport", "suspension", "blockedword"],
}
# Editors manage the word list and may moderate too.
EDITORS = {"comments": ["comment", "blockedword"]}


def permissions_for(apps, spec):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, models in spec.items():
        for model in models:
            found += Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model
            ).exclude(codename__startswith="add_comment")
    return found


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(*permissions_for(apps, MODERATORS))
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*permissions_for(apps, EDITORS))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Moderators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
