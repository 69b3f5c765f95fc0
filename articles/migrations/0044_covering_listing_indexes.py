"""Listing indexes that cover published() (issue 9): counting a listing and
skipping to a deep page read the index alone. Tag listings start from taggit's
rows of one tag: an index on (tag, content type, object) gives their articles
without reading taggit's table. Fresh statistics, so the planners know the
new indexes (SQLite has none for an index until ANALYZE)."""

from django.db import migrations, models

TAGGED_INDEX = "articles_tagged_object_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0043_search_tags_and_authors"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="article",
            name="article_edition_idx",
        ),
        migrations.RemoveIndex(
            model_name="article",
            name="article_section_idx",
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["language", "status", "-published_at", "-id", "expires_at", "embargo_until"],
                name="article_edition_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["section", "language", "status", "-published_at", "-id", "expires_at", "embargo_until"],
                name="article_section_idx",
            ),
        ),
        # taggit's table belongs to taggit, so no model state: plain SQL.
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {TAGGED_INDEX} "
            "ON taggit_taggeditem (tag_id, content_type_id, object_id)",
            f"DROP INDEX IF EXISTS {TAGGED_INDEX}",
        ),
        migrations.RunSQL("ANALYZE", migrations.RunSQL.noop),
    ]
