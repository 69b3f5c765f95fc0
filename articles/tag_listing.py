"""The triggers that keep TagListing (articles/models/tags.py) a copy of
taggit's article rows with their articles' listing keys.

PostgreSQL: statement triggers on taggit's table (one INSERT for a whole
bulk_create) and a row trigger on articles. SQLite: row triggers. Django's
SQLite schema editor drops a table's triggers when it rebuilds the table, so
post_migrate puts missing ones back and copies the listings afresh.
"""

from django.db import connections

from .search_index import ARTICLE_TYPE, sqlite_names

TABLE = "articles_taglisting"
KEYS = "language, status, published_at, expires_at, embargo_until"
CHANGED = " OR ".join(
    f"old.{key} IS NOT new.{key}" for key in KEYS.split(", ")
)  # SQLite's IS NOT: PostgreSQL reads IS DISTINCT FROM (below)


def _copy(tagged, where):
    """INSERT the listing rows of the taggit rows `tagged` (a FROM item)."""
    return (
        f"INSERT INTO {TABLE} (tag_id, article_id, {KEYS}) "
        f"SELECT t.tag_id, a.id, a.language, a.status, a.published_at, "
        f"a.expires_at, a.embargo_until FROM {tagged} "
        f"JOIN articles_article a ON a.id = t.object_id "
        f"WHERE t.content_type_id = {ARTICLE_TYPE}{where}"
    )


UPDATE_KEYS = (
    f"UPDATE {TABLE} SET language = new.language, status = new.status, "
    "published_at = new.published_at, expires_at = new.expires_at, "
    "embargo_until = new.embargo_until WHERE article_id = new.id"
)
REFRESH = [f"DELETE FROM {TABLE}", _copy("taggit_taggeditem t", "")]

SQLITE_TRIGGERS = {
    "articles_listing_tagged": (
        "AFTER INSERT ON taggit_taggeditem",
        _copy(
            "(SELECT new.tag_id AS tag_id, new.object_id AS object_id, "
            "new.content_type_id AS content_type_id) t",
            "",
        )
        + ";",
    ),
    "articles_listing_untagged": (
        "AFTER DELETE ON taggit_taggeditem",
        f"DELETE FROM {TABLE} WHERE tag_id = old.tag_id "
        f"AND article_id = old.object_id AND old.content_type_id = {ARTICLE_TYPE};",
    ),
    "articles_listing_retagged": (
        "AFTER UPDATE ON taggit_taggeditem",
        f"DELETE FROM {TABLE} WHERE tag_id = old.tag_id "
        f"AND article_id = old.object_id AND old.content_type_id = {ARTICLE_TYPE}; "
        + _copy(
            "(SELECT new.tag_id AS tag_id, new.object_id AS object_id, "
            "new.content_type_id AS content_type_id) t",
            "",
        )
        + ";",
    ),
    "articles_listing_article": (
        f"AFTER UPDATE OF {KEYS} ON articles_article WHEN {CHANGED}",
        UPDATE_KEYS + ";",
    ),
}

PG_SQL = f"""
CREATE OR REPLACE FUNCTION articles_listing_tagged() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        DELETE FROM {TABLE} l USING old_rows o
        WHERE l.tag_id = o.tag_id AND l.article_id = o.object_id
          AND o.content_type_id = {ARTICLE_TYPE};
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        {_copy("new_rows t", "")};
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION articles_listing_article() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    {UPDATE_KEYS};
    RETURN NULL;
END $$;
"""
PG_TRIGGERS = {
    "articles_listing_tagged_insert": (
        "AFTER INSERT ON taggit_taggeditem REFERENCING NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION articles_listing_tagged()"
    ),
    "articles_listing_tagged_delete": (
        "AFTER DELETE ON taggit_taggeditem REFERENCING OLD TABLE AS old_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION articles_listing_tagged()"
    ),
    "articles_listing_tagged_update": (
        "AFTER UPDATE ON taggit_taggeditem "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION articles_listing_tagged()"
    ),
    "articles_listing_article": (
        f"AFTER UPDATE OF {KEYS} ON articles_article FOR EACH ROW "
        f"WHEN ({CHANGED.replace(' IS NOT ', ' IS DISTINCT FROM ')}) "
        "EXECUTE FUNCTION articles_listing_article()"
    ),
}
PG_FUNCTIONS = ["articles_listing_tagged()", "articles_listing_article()"]


def _table(trigger_sql):
    return trigger_sql.split(" ON ", 1)[1].split()[0]


def install(cursor, vendor):
    """Create the triggers (replacing any of the same name) and copy the
    listings afresh."""
    uninstall(cursor, vendor)
    if vendor == "postgresql":
        cursor.execute(PG_SQL)
        for name, sql in PG_TRIGGERS.items():
            cursor.execute(f"CREATE TRIGGER {name} {sql}")
    elif vendor == "sqlite":
        for name, (when, body) in SQLITE_TRIGGERS.items():
            cursor.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    for statement in REFRESH:
        cursor.execute(statement)


def uninstall(cursor, vendor):
    """Drop the triggers (and PostgreSQL's functions)."""
    if vendor == "postgresql":
        for name, sql in PG_TRIGGERS.items():
            cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {_table(sql)}")
        for function in PG_FUNCTIONS:
            cursor.execute(f"DROP FUNCTION IF EXISTS {function}")
    elif vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def ensure_triggers(using="default", **kwargs):
    """Put back SQLite triggers a table rebuild dropped, and copy the
    listings afresh. Runs on post_migrate."""
    conn = connections[using]
    if conn.vendor != "sqlite":
        return
    with conn.cursor() as cursor:
        present = sqlite_names(cursor)
        # No table: its migration is not applied (or was reversed).
        if TABLE in present and not present.issuperset(SQLITE_TRIGGERS):
            install(cursor, conn.vendor)
