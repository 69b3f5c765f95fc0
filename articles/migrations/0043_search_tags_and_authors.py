"""Tags and author names join the search document (issue 11).

PostgreSQL: a search_document column kept by triggers and filled batch by
batch, so an existing archive stays readable meanwhile; it replaces the GIN
expression indexes of 0020 and 0041 (a search tests the documents of its
window: articles/search.py). SQLite: the FTS5 table is rebuilt over a view
that adds the names.
"""

import importlib

from django.db import migrations, transaction

from articles import search_index

OLD = importlib.import_module("articles.migrations.0020_search_index")
OLD_RU = importlib.import_module("articles.migrations.0041_russian_search_index")

OLD_INDEXES = ["article_search_idx", "article_search_ru_idx"]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            with transaction.atomic(using=schema_editor.connection.alias):
                OLD.uninstall_fts5(cursor)
                search_index.install_fts5(cursor)
                cursor.execute(
                    f"INSERT INTO {search_index.FTS_TABLE}({search_index.FTS_TABLE}) "
                    "VALUES ('rebuild')"
                )
        elif vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS search_document tsvector"
            )
            # Triggers first: rows written during the fill are kept current.
            search_index.install_pg(cursor)
            search_index.refresh_pg(cursor)
            for name in OLD_INDEXES:
                cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            with transaction.atomic(using=schema_editor.connection.alias):
                search_index.uninstall_fts5(cursor)
                OLD.install_fts5(cursor)
        elif vendor == "postgresql":
            article = apps.get_model("articles", "Article")
            for old in [OLD, OLD_RU]:
                schema_editor.add_index(article, old.search_index())
            search_index.uninstall_pg(cursor)
            cursor.execute("ALTER TABLE articles_article DROP COLUMN IF EXISTS search_document")


class Migration(migrations.Migration):
    # Not atomic: PostgreSQL fills the column in batches, each committed, and
    # drops the old indexes concurrently.
    atomic = False

    dependencies = [
        ("articles", "0042_article_embargo_idx"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
