"""Make tests/upgrade/before.sqlite3.gz: a site as the schema of commit e0fa7c0 left it.

Run once, at that commit, to record the database the upgrade test migrates:

    DATABASE_URL=sqlite:////tmp/b.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/b.sqlite3 .venv/bin/python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/b.sqlite3 .venv/bin/python tests/upgrade/make_dump.py

It writes through the models of that commit, so it does not run on a later
schema: the dump it made is what later migrations must carry forward.
"""

import gzip
import os
import sys
from datetime import timedelta
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
django.setup()

from django.contrib.admin.models import CHANGE, LogEntry  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import (  # noqa: E402
    Article,
    Correction,
    EditLock,
    HomeSlot,
    Revision,
    Transition,
)
from chats.models import ChatBan, ChatMessage  # noqa: E402
from comments.models import BlockedWord, Comment, CommentReport, Suspension  # noqa: E402
from subscriptions.models import Subscription  # noqa: E402


def seed():
    now = timezone.now()
    User = get_user_model()
    editor = User.objects.create_user("editor@example.com", "x", display_name="Editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    author = User.objects.create_user("author@example.com", "x", display_name="Author")
    readers = [
        User.objects.create_user(
            f"reader{i}@example.com", "x", display_name=f"Reader {i}"
        )
        for i in range(6)
    ]
    articles = list(Article.objects.order_by("pk")[:6])

    for article in articles:
        Transition.objects.create(
            article=article, user=editor, from_status="review", to_status="published"
        )
        before = Revision.objects.create(
            article=article, title=article.title, body=article.body, user=author
        )
        after = Revision.objects.create(
            article=article,
            title=article.title,
            body=article.body + "<p>Updated.</p>",
            user=editor,
            is_public=True,
            tags=["nato"],
            authors=[[1, "Staff"]],
        )
        Correction.objects.create(
            article=article,
            text="An earlier version misspelt a name.",
            before=before,
            after=after,
        )
    HomeSlot.objects.create(article=articles[0], position=1)
    EditLock.objects.create(article=articles[1], user=editor)

    parent = Comment.objects.create(
        article=articles[0], author=readers[0], body="First."
    )
    reply = Comment.objects.create(
        article=articles[0],
        author=readers[1],
        body="A reply.",
        parent=parent,
        root=parent,
        depth=1,
    )
    Comment.objects.create(
        article=articles[1],
        author=readers[2],
        body="Held.",
        status="held",
        held_reason="blocked word",
    )
    CommentReport.objects.create(comment=reply, user=readers[3])
    BlockedWord.objects.create(phrase="spamword")

    Suspension.objects.create(user=readers[4], reason="Abuse", created_by=editor)
    Suspension.objects.create(
        user=readers[5],
        reason="Cooling off",
        until=now + timedelta(days=3),
        created_by=editor,
    )
    Suspension.objects.create(
        user=readers[0], reason="Expired", until=now - timedelta(days=3)
    )
    ChatBan.objects.create(
        user=readers[2],
        until=now + timedelta(days=1),
        reason="Flooding",
        created_by=editor,
    )
    ChatBan.objects.create(user=readers[3], until=now - timedelta(hours=1))

    ChatMessage.objects.create(article=articles[0], user=readers[0], text="Hello")
    ChatMessage.objects.create(
        section=articles[0].section, user=readers[1], text="Hi", is_deleted=True
    )
    Subscription.objects.create(
        email="reader0@example.com", kind="section", section=articles[0].section
    )

    for obj in [
        articles[0],
        Revision.objects.first(),
        Suspension.objects.first(),
        ChatBan.objects.first(),
    ]:
        LogEntry.objects.log_actions(
            user_id=editor.pk, queryset=[obj], action_flag=CHANGE, change_message="[]"
        )


def dump():
    """The database as one compacted file, gzipped (the SQL text of a dump
    cannot recreate the full-text search tables)."""
    copy = HERE / "before.sqlite3"
    copy.unlink(missing_ok=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    with open(copy, "rb") as data, gzip.open(HERE / "before.sqlite3.gz", "wb") as out:
        out.write(data.read())
    copy.unlink()


if __name__ == "__main__":
    seed()
    dump()
