from django.contrib.auth.management import create_permissions
from django.db import migrations

# codename lists per group; the permissions themselves come from the models.
EDITORS = {
    "articles": ["article", "section", "author", "byline"],
    "taggit": ["tag", "taggeditem"],
}
AUTHORS = [
    ("articles", "add_article"),
    ("articles", "change_article"),
    ("articles", "view_article"),
    ("articles", "delete_article"),
    ("articles", "add_byline"),
    ("articles", "change_byline"),
    ("articles", "delete_byline"),
    ("articles", "view_byline"),
    ("articles", "view_section"),
    ("articles", "view_author"),
    ("taggit", "view_tag"),
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    editor_perms = [Permission.objects.get(content_type__app_label="articles",
                                           codename="publish_article")]
    for app_label, models in EDITORS.items():
        for model in models:
            editor_perms += Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model
            )
    editors.permissions.add(*editor_perms)

    authors, _ = Group.objects.get_or_create(name="Authors")
    authors.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in AUTHORS
        ]
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Authors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
