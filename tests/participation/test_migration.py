from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from participation.models import Restriction
from tests.factories import migrate_to_latest

BEFORE = [
    ("participation", "0001_initial"),
    ("comments", "0003_comment_posted_once"),
    ("chats", "0002_chat_permissions"),
    ("admin", "0003_logentry_add_action_flag_choices"),
]


@pytest.fixture
def old_apps():
    """The database and models as they were before restrictions, with the
    old models' content types and permissions as a site of then had them."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model in [("comments", "suspension"), ("chats", "chatban")]:
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        for action in ["view", "add", "change", "delete"]:
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
    yield apps
    migrate_to_latest()  # a failed test leaves the database whole too


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_suspensions_and_chat_blocks_become_restrictions_with_their_meaning(
    old_apps,
):
    apps = old_apps
    User = apps.get_model("accounts", "User")
    reader = User.objects.create(email="reader@example.com", is_active=True)
    moderator = User.objects.create(email="mod@example.com", is_staff=True)
    week = timezone.now() + timedelta(days=7)
    hour = timezone.now() + timedelta(hours=1)
    created = timezone.now() - timedelta(days=2)
    suspension = apps.get_model("comments", "Suspension").objects.create(
        user=reader,
        until=None,
        reason="Spam",
        created_by=moderator,
        created_at=created,
    )
    apps.get_model("comments", "Suspension").objects.create(
        user=moderator, until=week, reason="Insults"
    )
    apps.get_model("chats", "ChatBan").objects.create(
        user=reader, until=hour, reason="", created_by=moderator
    )
    suspension_type = apps.get_model("contenttypes", "ContentType").objects.get(
        app_label="comments", model="suspension"
    )
    apps.get_model("admin", "LogEntry").objects.create(
        user_id=moderator.pk,
        content_type=suspension_type,
        object_id=str(suspension.pk),
        object_repr="reader@example.com (for good)",
        action_flag=1,
    )
    Permission = apps.get_model("auth", "Permission")
    chat_blockers = apps.get_model("auth", "Group").objects.create(name="Blockers")
    chat_blockers.permissions.add(Permission.objects.get(codename="add_chatban"))
    moderator.user_permissions.add(Permission.objects.get(codename="view_suspension"))

    migrate_to_latest()

    rows = {
        (r.user.email, r.scope, r.until, r.reason, r.created_by_id)
        for r in Restriction.objects.select_related("user")
    }
    assert rows == {
        ("reader@example.com", "comments", None, "Spam", moderator.pk),
        ("mod@example.com", "comments", week, "Insults", None),
        ("reader@example.com", "chats", hour, "", moderator.pk),
    }
    moved = Restriction.objects.get(reason="Spam")
    assert moved.created_at == created
    assert (moved.section_id, moved.article_id) == (None, None)
    entry = LogEntry.objects.get()
    assert entry.content_type == ContentType.objects.get_for_model(Restriction)
    assert entry.object_id == str(moved.pk)
    assert {
        p.codename for p in Group.objects.get(name="Blockers").permissions.all()
    } == {"add_restriction"}
    assert {
        p.codename
        for p in Group.objects.get(name="Moderators").permissions.filter(
            content_type__app_label="participation"
        )
    } == {
        "view_restriction",
        "add_restriction",
        "change_restriction",
        "delete_restriction",
    }
    reloaded = type(moved.user).objects.get(pk=moderator.pk)
    assert reloaded.has_perm("participation.view_restriction") is True
    assert not ContentType.objects.filter(model__in=["suspension", "chatban"]).exists()
