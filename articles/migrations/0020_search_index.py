"""Full-text search index: a GIN index on PostgreSQL, FTS5 on SQLite.

Migration 0042 replaces both (tags and author names join the document); the
SQL here is this migration's own, as it was.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "article_search_idx"
FTS_TABLE = "articles_article_fts"
FTS5_SQL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title, lead, body,
        content='articles_article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_article_fts_insert
        AFTER INSERT ON articles_article BEGIN
            INSERT INTO {FTS_TABLE}(rowid, title, lead, body)
            VALUES (new.id, new.title, new.lead, new.body);
        END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_article_fts_delete
        AFTER DELETE ON articles_article BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, lead, body)
            VALUES ('delete', old.id, old.title, old.lead, old.body);
        END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_article_fts_update
        AFTER UPDATE OF title, lead, body ON articles_article BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, lead, body)
            VALUES ('delete', old.id, old.title, old.lead, old.body);
            INSERT INTO {FTS_TABLE}(rowid, title, lead, body)
            VALUES (new.id, new.title, new.lead, new.body);
        END""",
]
FTS5_TRIGGERS = (
    "articles_article_fts_insert",
    "articles_article_fts_delete",
    "articles_article_fts_update",
)


def search_index():
    return GinIndex(
        SearchVector("title", weight="A", config="english")
        + SearchVector("lead", weight="B", config="english")
        + SearchVector("body", weight="C", config="english"),
        name=INDEX_NAME,
    )


def install_fts5(cursor):
    for statement in FTS5_SQL:
        cursor.execute(statement)
    cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def uninstall_fts5(cursor):
    for trigger in FTS5_TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), search_index())
    elif vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            install_fts5(cursor)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), search_index())
    elif vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            uninstall_fts5(cursor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_remove_article_allow_comments_article_comments_mode")]

    operations = [migrations.RunPython(create_index, drop_index)]
