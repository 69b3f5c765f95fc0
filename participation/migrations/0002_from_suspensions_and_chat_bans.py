"""Every comment suspension and chat block becomes a restriction with the same
meaning (who, until, what it keeps from, why, by whom, when). The groups and
users that could manage the old ones get the same permissions on
restrictions, the admin history of the old rows follows them, and the old
content types and permissions go."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (app label, model, scope of the restrictions its rows become)
OLD_MODELS = [("comments", "suspension", "comments"), ("chats", "chatban", "chats")]
ACTIONS = ["view", "add", "change", "delete"]


def make_permissions(apps):
    # Permissions are normally created after all migrations; make them now,
    # for the models as they are at this migration (`apps`), old ones too.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def copy_rows(apps, app_label, model_name, scope):
    """The old rows as restrictions; {old pk: new pk}."""
    Old = apps.get_model(app_label, model_name)
    Restriction = apps.get_model("participation", "Restriction")
    moved = {}
    for old in Old.objects.order_by("pk").iterator():
        new = Restriction.objects.create(
            user_id=old.user_id,
            scope=scope,
            until=old.until,
            reason=old.reason,
            created_by_id=old.created_by_id,
            created_at=old.created_at,
        )
        moved[old.pk] = new.pk
    return moved


def carry_permissions(apps, app_label, model_name):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("accounts", "User")
    Permission = apps.get_model("auth", "Permission")
    for action in ACTIONS:
        old = Permission.objects.filter(
            content_type__app_label=app_label, codename=f"{action}_{model_name}"
        ).first()
        if old is None:
            continue
        new = Permission.objects.get(
            content_type__app_label="participation", codename=f"{action}_restriction"
        )
        for group in Group.objects.filter(permissions=old):
            group.permissions.add(new)
        for user in User.objects.filter(user_permissions=old):
            user.user_permissions.add(new)


def carry_history(apps, app_label, model_name, moved):
    ContentType = apps.get_model("contenttypes", "ContentType")
    LogEntry = apps.get_model("admin", "LogEntry")
    old_type = ContentType.objects.filter(
        app_label=app_label, model=model_name
    ).first()
    if old_type is None:
        return
    new_type, _ = ContentType.objects.get_or_create(
        app_label="participation", model="restriction"
    )
    for entry in LogEntry.objects.filter(content_type=old_type):
        entry.content_type = new_type
        try:
            entry.object_id = str(moved[int(entry.object_id)])
        except (KeyError, TypeError, ValueError):
            pass  # a row deleted since: the entry keeps its old id
        entry.save(update_fields=["content_type", "object_id"])
    # The old model's permissions go with it (and from every group).
    old_type.delete()


def forwards(apps, schema_editor):
    make_permissions(apps)
    for app_label, model_name, scope in OLD_MODELS:
        moved = copy_rows(apps, app_label, model_name, scope)
        carry_permissions(apps, app_label, model_name)
        carry_history(apps, app_label, model_name, moved)


def backwards(apps, schema_editor):
    """Site-wide restrictions of one scope go back to their old model (a
    chat block needs an end); wider ones and the new permissions stay."""
    Restriction = apps.get_model("participation", "Restriction")
    site_wide = Restriction.objects.filter(section=None, article=None)
    for app_label, model_name, scope in OLD_MODELS:
        Old = apps.get_model(app_label, model_name)
        rows = site_wide.filter(scope=scope)
        if model_name == "chatban":
            rows = rows.exclude(until=None)
        Old.objects.bulk_create(
            Old(
                user_id=row.user_id,
                until=row.until,
                reason=row.reason,
                created_by_id=row.created_by_id,
                created_at=row.created_at,
            )
            for row in rows
        )
        rows.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("comments", "0003_comment_posted_once"),
        ("chats", "0002_chat_permissions"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
