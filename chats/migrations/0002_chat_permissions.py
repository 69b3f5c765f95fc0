from django.contrib.auth.management import create_permissions
from django.db import migrations

# Moderators and editors read the rooms' messages, delete them and block
# users; nobody adds or edits another user's message through the admin.
PERMISSIONS = [
    "view_chatmessage",
    "delete_chatmessage",
    "view_chatban",
    "add_chatban",
    "change_chatban",
    "delete_chatban",
]
GROUPS = ["Moderators", "Editors"]


def add_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="chats", codename__in=PERMISSIONS
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="chats")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("chats", "0001_initial"),
        ("comments", "0002_moderators_group"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
