"""The full-text search index: what it holds and what keeps it current.

An article's search document is its title, lead and body plus the names of
its tags and of its authors (issue 11: "nato" finds what the NATO tag lists).
Tags and bylines live in other tables, so triggers keep the index current
on every write path (the admin, QuerySet.update(), bulk_create, raw SQL):

- PostgreSQL: the column `articles_article.search_document` (a tsvector the
  Django model does not know, so no save() ever writes it). A row trigger
  computes it when the text or the edition changes; statement triggers
  recompute it for the articles whose tags, bylines, tag names or author
  names changed. No GIN index: a search tests the documents of its window
  (see articles/search.py), which a GIN index cannot narrow to.
- SQLite: the FTS5 table `articles_article_fts`, whose external content is the
  view `articles_article_search` (the text plus the names). FTS5 removes a
  document only given the values it indexed, so each write is a BEFORE
  trigger that removes the affected documents (the view still shows the old
  values) and an AFTER trigger that adds them back (it now shows the new).
"""

from django.db import connections

FTS_TABLE = "articles_article_fts"
FTS_VIEW = "articles_article_search"
FTS_COLUMNS = "title, lead, body, tags, authors"
ARTICLE_TYPE = (
    "(SELECT id FROM django_content_type "
    "WHERE app_label = 'articles' AND model = 'article')"
)


def _names(column, source, where, order):
    """A view column: `column` of the rows found, space-separated, in order."""
    return (
        f"coalesce((SELECT group_concat(name, ' ') FROM (SELECT {column} AS name "
        f"FROM {source} WHERE {where} ORDER BY {order})), '')"
    )


FTS5_VIEW_SQL = f"""CREATE VIEW IF NOT EXISTS {FTS_VIEW} AS
    SELECT a.id AS id, a.title AS title, a.lead AS lead, a.body AS body, {
    _names(
        "t.name",
        "taggit_taggeditem ti JOIN taggit_tag t ON t.id = ti.tag_id",
        f"ti.object_id = a.id AND ti.content_type_id = {ARTICLE_TYPE}",
        "t.name, t.id",
    )
} AS tags, {
    _names(
        "au.name",
        "articles_byline b JOIN articles_author au ON au.id = b.author_id",
        "b.article_id = a.id",
        "b.position, b.id",
    )
} AS authors
    FROM articles_article a"""


def _remove(ids):
    return (
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {FTS_COLUMNS}) "
        f"SELECT 'delete', id, {FTS_COLUMNS} FROM {FTS_VIEW} WHERE id IN ({ids});"
    )


def _add(ids):
    return (
        f"INSERT INTO {FTS_TABLE}(rowid, {FTS_COLUMNS}) "
        f"SELECT id, {FTS_COLUMNS} FROM {FTS_VIEW} WHERE id IN ({ids});"
    )


def _tagged(tag_id):
    return (
        "SELECT object_id FROM taggit_taggeditem "
        f"WHERE tag_id = {tag_id} AND content_type_id = {ARTICLE_TYPE}"
    )


def _article_item(row):
    return f"SELECT {row}.object_id WHERE {row}.content_type_id = {ARTICLE_TYPE}"


def _pair(name, event, table, before_ids, after_ids=None):
    """A BEFORE trigger removing the documents of `before_ids` and an AFTER
    trigger adding those of `after_ids` (the same ones unless given)."""
    after_ids = after_ids or before_ids
    return [
        (f"articles_fts_{name}_unindex", f"BEFORE {event}", table, _remove(before_ids)),
        (f"articles_fts_{name}_reindex", f"AFTER {event}", table, _add(after_ids)),
    ]


_ARTICLE, _ITEM, _BYLINE = "articles_article", "taggit_taggeditem", "articles_byline"
_RETAGGED = f"{_article_item('old')} UNION {_article_item('new')}"
_AUTHORED = "SELECT article_id FROM articles_byline WHERE author_id = {}.id"

# (name, timing and event, table, statement): each write that changes a
# document has a BEFORE trigger removing it and an AFTER trigger adding it.
FTS5_TRIGGERS = [
    ("articles_fts_article_insert", "AFTER INSERT", _ARTICLE, _add("new.id")),
    ("articles_fts_article_delete", "BEFORE DELETE", _ARTICLE, _remove("old.id")),
    *_pair("article", "UPDATE OF title, lead, body", _ARTICLE, "old.id", "new.id"),
    *_pair("tagged", "INSERT", _ITEM, _article_item("new")),
    *_pair("untagged", "DELETE", _ITEM, _article_item("old")),
    *_pair("retagged", "UPDATE", _ITEM, _RETAGGED),
    *_pair("tag", "UPDATE OF name", "taggit_tag", _tagged("old.id"), _tagged("new.id")),
    *_pair("byline", "INSERT", _BYLINE, "new.article_id"),
    *_pair("unbyline", "DELETE", _BYLINE, "old.article_id"),
    *_pair("rebyline", "UPDATE", _BYLINE, "old.article_id, new.article_id"),
    *_pair(
        "author",
        "UPDATE OF name",
        "articles_author",
        _AUTHORED.format("old"),
        _AUTHORED.format("new"),
    ),
]
FTS5_TRIGGER_NAMES = [name for name, *_ in FTS5_TRIGGERS]

FTS5_SQL = [
    FTS5_VIEW_SQL,
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        {FTS_COLUMNS}, content='{FTS_VIEW}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    *(
        f"CREATE TRIGGER IF NOT EXISTS {name} {when} ON {table} BEGIN {body} END"
        for name, when, table, body in FTS5_TRIGGERS
    ),
]


def install_fts5(cursor):
    """Create the FTS5 view, table and triggers where missing (SQLite)."""
    for statement in FTS5_SQL:
        cursor.execute(statement)


def uninstall_fts5(cursor):
    """Drop the FTS5 triggers, table and view (SQLite)."""
    for name in FTS5_TRIGGER_NAMES:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
    cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    cursor.execute(f"DROP VIEW IF EXISTS {FTS_VIEW}")


ARTICLE_ROWS = f"WHERE content_type_id = {ARTICLE_TYPE}"


def _refresh_on_rows(kind, article_id, where):
    """A statement trigger function recomputing the documents of the articles
    its inserted, deleted or updated rows name."""
    refresh = "PERFORM articles_article_search_refresh(ARRAY(SELECT {} FROM {} {}));"
    return f"""CREATE OR REPLACE FUNCTION articles_article_search_{kind}()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        {refresh.format(article_id, "new_rows", where)}
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        {refresh.format(article_id, "old_rows", where)}
    END IF;
    RETURN NULL;
END $$;"""


# PostgreSQL. The text search configuration follows the article's edition;
# articles.search.SEARCH_CONFIGS names the same ones for queries.
PG_DOCUMENT_FUNCTION = "articles_article_search_document"
PG_FUNCTIONS_SQL = f"""
CREATE OR REPLACE FUNCTION articles_article_search_config(text)
RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE $1 WHEN 'ru' THEN 'russian'::regconfig
                   ELSE 'english'::regconfig END
$$;

CREATE OR REPLACE FUNCTION {PG_DOCUMENT_FUNCTION}(
    language text, title text, lead text, body text, article_id bigint
) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector(cfg, coalesce(title, '')), 'A')
        || setweight(to_tsvector(cfg, coalesce(lead, '')), 'B')
        || setweight(to_tsvector(cfg, coalesce((
            SELECT string_agg(t.name, ' ' ORDER BY t.name, t.id)
            FROM taggit_taggeditem ti JOIN taggit_tag t ON t.id = ti.tag_id
            WHERE ti.object_id = {PG_DOCUMENT_FUNCTION}.article_id
              AND ti.content_type_id = {ARTICLE_TYPE}), '')), 'B')
        || setweight(to_tsvector(cfg, coalesce(body, '')), 'C')
        || setweight(to_tsvector(cfg, coalesce((
            SELECT string_agg(au.name, ' ' ORDER BY b.position, b.id)
            FROM articles_byline b JOIN articles_author au ON au.id = b.author_id
            WHERE b.article_id = {PG_DOCUMENT_FUNCTION}.article_id), '')), 'C')
    FROM articles_article_search_config(language) AS cfg
$$;

CREATE OR REPLACE FUNCTION articles_article_search_refresh(ids bigint[])
RETURNS void LANGUAGE sql AS $$
    UPDATE articles_article a
    SET search_document = {PG_DOCUMENT_FUNCTION}(
        a.language, a.title, a.lead, a.body, a.id)
    WHERE a.id = ANY(ids)
$$;

CREATE OR REPLACE FUNCTION articles_article_search_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document := {PG_DOCUMENT_FUNCTION}(
        NEW.language, NEW.title, NEW.lead, NEW.body, NEW.id);
    RETURN NEW;
END $$;

{_refresh_on_rows("tagged", "object_id::bigint", ARTICLE_ROWS)}

{_refresh_on_rows("byline", "article_id", "")}

CREATE OR REPLACE FUNCTION articles_article_search_tag() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_article_search_refresh(ARRAY(
        SELECT ti.object_id::bigint FROM new_rows n
        JOIN old_rows o ON o.id = n.id AND o.name IS DISTINCT FROM n.name
        JOIN taggit_taggeditem ti ON ti.tag_id = n.id
        WHERE ti.content_type_id = {ARTICLE_TYPE}));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION articles_article_search_author() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_article_search_refresh(ARRAY(
        SELECT b.article_id FROM new_rows n
        JOIN old_rows o ON o.id = n.id AND o.name IS DISTINCT FROM n.name
        JOIN articles_byline b ON b.author_id = n.id));
    RETURN NULL;
END $$;
"""


def _statement_trigger(name, event, table, function):
    transitions = {
        "INSERT": "NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[event]
    return (
        f"CREATE TRIGGER {name} AFTER {event} ON {table} "
        f"REFERENCING {transitions} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
    )


PG_TRIGGERS = [
    ("articles_search_article", "articles_article"),
    ("articles_search_tagged_insert", "taggit_taggeditem"),
    ("articles_search_tagged_delete", "taggit_taggeditem"),
    ("articles_search_tagged_update", "taggit_taggeditem"),
    ("articles_search_byline_insert", "articles_byline"),
    ("articles_search_byline_delete", "articles_byline"),
    ("articles_search_byline_update", "articles_byline"),
    ("articles_search_tag_update", "taggit_tag"),
    ("articles_search_author_update", "articles_author"),
]
_STATEMENT_TRIGGERS = [
    (
        f"articles_search_{kind}_{event.lower()}",
        event,
        table,
        f"articles_article_search_{kind}",
    )
    for kind, table in [("tagged", "taggit_taggeditem"), ("byline", "articles_byline")]
    for event in ["INSERT", "DELETE", "UPDATE"]
] + [
    (
        "articles_search_tag_update",
        "UPDATE",
        "taggit_tag",
        "articles_article_search_tag",
    ),
    (
        "articles_search_author_update",
        "UPDATE",
        "articles_author",
        "articles_article_search_author",
    ),
]
PG_TRIGGERS_SQL = [
    "CREATE TRIGGER articles_search_article BEFORE INSERT OR UPDATE OF "
    "title, lead, body, language ON articles_article FOR EACH ROW "
    "EXECUTE FUNCTION articles_article_search_row()",
    *(_statement_trigger(*trigger) for trigger in _STATEMENT_TRIGGERS),
]
PG_FUNCTIONS = [
    "articles_article_search_author()",
    "articles_article_search_tag()",
    "articles_article_search_byline()",
    "articles_article_search_tagged()",
    "articles_article_search_row()",
    "articles_article_search_refresh(bigint[])",
    f"{PG_DOCUMENT_FUNCTION}(text, text, text, text, bigint)",
    "articles_article_search_config(text)",
]


def install_pg(cursor):
    """Create the search column's functions and triggers (PostgreSQL); the
    column itself and its index come from the migration."""
    cursor.execute(PG_FUNCTIONS_SQL)
    for name, table in PG_TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for statement in PG_TRIGGERS_SQL:
        cursor.execute(statement)


def uninstall_pg(cursor):
    """Drop the search column's triggers and functions (PostgreSQL)."""
    for name, table in PG_TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for function in PG_FUNCTIONS:
        cursor.execute(f"DROP FUNCTION IF EXISTS {function}")


def refresh_pg(cursor, *, batch=10_000):
    """Recompute the search_document of every article where it is stale,
    `batch` ids at a time: each batch its own statement, so a big archive is
    never locked whole, and rows already right are not rewritten."""
    cursor.execute("SELECT coalesce(max(id), 0) FROM articles_article")
    (last,) = cursor.fetchone()
    for start in range(0, last + 1, batch):
        cursor.execute(
            f"""UPDATE articles_article a SET search_document = d.document
            FROM (
                SELECT id, {PG_DOCUMENT_FUNCTION}(
                    language, title, lead, body, id) AS document
                FROM articles_article WHERE id >= %s AND id < %s
            ) d
            WHERE a.id = d.id AND a.search_document IS DISTINCT FROM d.document""",
            [start, start + batch],
        )


def rebuild_index(using="default"):
    """Rebuild the search index from the articles, their tags and bylines;
    returns its kind."""
    conn = connections[using]
    with conn.cursor() as cursor:
        if conn.vendor == "sqlite":
            install_fts5(cursor)
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            return "fts5"
        if conn.vendor == "postgresql":
            install_pg(cursor)
            refresh_pg(cursor)
            return "tsvector"
    return None


def sqlite_names(cursor):
    """The names of the articles app's SQLite tables, views and triggers."""
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') "
        "AND name LIKE 'articles_%'"
    )
    return {row[0] for row in cursor.fetchall()}


def drop_search(apps, schema_editor):
    """For a migration that makes SQLite rebuild articles_article or
    articles_author (which the search view and the tag listing's triggers
    name): drop them first; restore_search() makes them again."""
    from . import tag_listing

    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            uninstall_fts5(cursor)
            tag_listing.uninstall(cursor, "sqlite")


def restore_search(apps, schema_editor):
    """Make again what drop_search() dropped, and reindex (SQLite)."""
    from . import tag_listing

    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            install_fts5(cursor)
            tag_listing.install(cursor, "sqlite")
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def ensure_fts5_triggers(using="default", **kwargs):
    """Put back the FTS5 triggers after a migration dropped them, and reindex.

    Django's SQLite schema editor rebuilds a table (create, copy, drop,
    rename) for many ALTERs, and dropping articles_article drops its
    triggers with it; a later migration of any branch could do that.
    Runs on post_migrate.
    """
    conn = connections[using]
    if conn.vendor != "sqlite":
        return
    with conn.cursor() as cursor:
        present = sqlite_names(cursor)
    # No view: migration 0043 is not applied (or was reversed).
    if FTS_VIEW in present and not present.issuperset(FTS5_TRIGGER_NAMES):
        rebuild_index(using)
