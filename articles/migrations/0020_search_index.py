"""Full-text search index: a GIN index on PostgreSQL, FTS5 on SQLite."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

# The FTS5 table and triggers are shared with articles.search, which puts the
# triggers back (post_migrate) when a later table rebuild drops them.
from articles.search import FTS_TABLE, FTS5_TRIGGERS, install_fts5

INDEX_NAME = "article_search_idx"


def search_index():
    # Must stay the expression articles.search.SEARCH_VECTOR compiles to, or
    # PostgreSQL cannot use the index.
    return GinIndex(
        SearchVector("title", weight="A", config="english")
        + SearchVector("lead", weight="B", config="english")
        + SearchVector("body", weight="C", config="english"),
        name=INDEX_NAME,
    )


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), search_index())
    elif vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            install_fts5(cursor)
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), search_index())
    elif vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            for trigger in FTS5_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_remove_article_allow_comments_article_comments_mode")]

    operations = [migrations.RunPython(create_index, drop_index)]
