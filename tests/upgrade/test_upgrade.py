"""A site upgraded from an earlier schema keeps its data.

before.sqlite3.gz is a SQLite database as the schema of commit e0fa7c0 left it
(made by make_dump.py: the demo site plus users, revisions, transitions,
corrections, comments, suspensions, chat blocks, subscriptions and admin
history). The test migrates a copy with today's migrations, in a process of its
own whatever database the suite runs on, and checks that nothing was lost:
rows of every model, each group's permissions, and the admin history's links.

When a model moves or is replaced, update EXPECTED_ROWS and PERMISSION_MOVES:
the numbers never change, only where the rows live.
"""

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

# Rows each model holds after the upgrade (model label: count).
EXPECTED_ROWS = {
    "accounts.User": 8,
    "articles.Article": 92,
    "articles.Section": 12,
    "articles.Author": 8,
    "articles.Byline": 34,
    "articles.TagListing": 214,
    "taggit.Tag": 86,
    "taggit.TaggedItem": 214,
    "desk.Transition": 6,
    "desk.Revision": 12,
    "articles.Correction": 6,
    "articles.HomeSlot": 1,
    "desk.EditLock": 1,
    "comments.Comment": 3,
    "comments.CommentReport": 1,
    "comments.BlockedWord": 1,
    "chats.ChatMessage": 2,
    # comments.Suspension (3) and chats.ChatBan (2)
    "participation.Restriction": 5,
    "subscriptions.Subscription": 1,
    "admin.LogEntry": 4,
    # The 24 article images and 4 author photos, moved into the library.
    "mediabank.Image": 28,
}

# A permission that moved with its model: (app, codename) before → after.
PERMISSION_MOVES = {
    **{
        ("articles", f"{action}_{model}"): ("desk", f"{action}_{model}")
        for model in ["transition", "revision", "editlock"]
        for action in ["add", "change", "delete", "view"]
    },
    **{
        (app, f"{action}_{model}"): ("participation", f"{action}_restriction")
        for app, model in [("comments", "suspension"), ("chats", "chatban")]
        for action in ["view", "add", "change", "delete"]
    },
}

COUNT_SCRIPT = """
import json
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group

rows = {label: apps.get_model(label).objects.count() for label in LABELS}
groups = {
    group.name: sorted(
        [p.content_type.app_label, p.codename] for p in group.permissions.all()
    )
    for group in Group.objects.prefetch_related("permissions__content_type")
}
history = [
    [entry.content_type.app_label, entry.content_type.model,
     entry.get_edited_object() is not None]
    for entry in LogEntry.objects.select_related("content_type")
]
print(json.dumps({"rows": rows, "groups": groups, "history": history}))
"""


@pytest.fixture
def before_database(tmp_path):
    path = tmp_path / "before.sqlite3"
    with gzip.open(HERE / "before.sqlite3.gz", "rb") as dump:
        path.write_bytes(dump.read())
    return path


def groups_before(path):
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT g.name, ct.app_label, p.codename FROM auth_group g "
            "JOIN auth_group_permissions gp ON gp.group_id = g.id "
            "JOIN auth_permission p ON p.id = gp.permission_id "
            "JOIN django_content_type ct ON ct.id = p.content_type_id"
        ).fetchall()
    groups = {}
    for name, app, codename in rows:
        moved = PERMISSION_MOVES.get((app, codename), (app, codename))
        groups.setdefault(name, set()).add(tuple(moved))
    return groups


def manage(path, *args):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_upgrade_keeps_every_row_permission_and_history(before_database):
    expected_groups = groups_before(before_database)

    manage(before_database, "migrate", "--noinput")
    script = f"LABELS = {sorted(EXPECTED_ROWS)!r}\n" + COUNT_SCRIPT
    after = json.loads(manage(before_database, "shell", "-c", script).splitlines()[-1])

    assert after["rows"] == EXPECTED_ROWS
    for name, permissions in expected_groups.items():
        kept = {tuple(p) for p in after["groups"][name]}
        assert permissions <= kept, (name, sorted(permissions - kept))
    assert len(after["history"]) == EXPECTED_ROWS["admin.LogEntry"]
    assert all(found for _app, _model, found in after["history"]), after["history"]
    # The revision's admin history moved with it to the desk (issue 12).
    assert ["desk", "revision", True] in after["history"]
