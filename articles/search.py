"""Full-text search over published articles.

PostgreSQL: a weighted tsvector over title (A), lead (B) and body (C), served
by the functional GIN index `article_search_idx` (migration 0020). SQLite: the
FTS5 table `articles_article_fts`, kept in step by triggers on the articles
table and ranked with bm25(). Reader text never reaches either query syntax
unescaped: PostgreSQL gets it through websearch_to_tsquery(), which accepts
any input, and FTS5 gets only double-quoted words.
"""

import re
from datetime import timedelta

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import editions
from .models import Article
from .services import start_of_day

# Longer queries are cut: no reader needs more, and it bounds the work.
MAX_QUERY_CHARS = 200
MAX_TERMS = 12
SEARCH_CONFIG = "english"
# PostgreSQL text search configuration per edition: Russian stems Russian
# words ("обсудят" finds "обсудить"); a partial GIN index serves each
# (migration 0041).
SEARCH_CONFIGS = {"en": "english", "ru": "russian"}
FTS_TABLE = "articles_article_fts"
# bm25() column weights for title, lead, body: a title match counts most.
FTS_WEIGHTS = (10.0, 4.0, 1.0)

WORD_RE = re.compile(r"\w+")


def search_vector(config=SEARCH_CONFIG):
    """Title (A), lead (B) and body (C) as one weighted tsvector."""
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("lead", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
    )


SEARCH_VECTOR = search_vector()


def clean_query(text):
    """The reader's query cut to a sane length, with surrounding space removed."""
    # PostgreSQL rejects NUL characters in text.
    return (text or "").replace("\x00", "")[:MAX_QUERY_CHARS].strip()


def search_terms(text):
    """The distinct words of a query, lowercased, in order."""
    terms = []
    for word in WORD_RE.findall(clean_query(text).lower()):
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def fts5_match(terms):
    """An FTS5 MATCH expression of quoted words: no operator can get through."""
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


def search_articles(query, *, section=None, date_from=None, date_to=None):
    """Published articles matching `query`, best match first.

    `date_from` and `date_to` are dates, both included, in the site's time
    zone. An empty query finds nothing.
    """
    terms = search_terms(query)
    if not terms:
        return Article.objects.none()
    language = editions.current()
    articles = Article.objects.published().in_edition(language)
    if section is not None:
        articles = articles.filter(section=section)
    if date_from is not None:
        articles = articles.filter(published_at__gte=start_of_day(date_from))
    if date_to is not None:
        articles = articles.filter(
            published_at__lt=start_of_day(date_to + timedelta(days=1))
        )
    if connections[articles.db].vendor == "postgresql":
        config = SEARCH_CONFIGS.get(language, SEARCH_CONFIG)
        vector = search_vector(config)
        search_query = SearchQuery(
            clean_query(query), search_type="websearch", config=config
        )
        articles = (
            articles.alias(search=vector)
            .filter(search=search_query)
            .annotate(rank=SearchRank(vector, search_query))
        )
    else:
        match = fts5_match(terms)
        weights = ", ".join(str(weight) for weight in FTS_WEIGHTS)
        articles = articles.filter(
            id__in=RawSQL(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]
            )
        ).annotate(
            # bm25() is lower for better matches; negated so both backends
            # sort by rank descending.
            rank=RawSQL(
                f"SELECT -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "
                f'WHERE {FTS_TABLE} MATCH %s AND rowid = "articles_article"."id"',
                [match],
            )
        )
    return articles.order_by(F("rank").desc(), "-published_at", "-id")


def highlight(text, terms):
    """`text` escaped, with words starting with a search term in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile(
        r"\b(?:{})\w*".format("|".join(re.escape(term) for term in terms)),
        re.IGNORECASE,
    )
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above


def rebuild_index(using="default"):
    """Rebuild the search index from the articles table; returns its kind."""
    conn = connections[using]
    with conn.cursor() as cursor:
        if conn.vendor == "sqlite":
            install_fts5(cursor)
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            return "fts5"
        if conn.vendor == "postgresql":
            cursor.execute("REINDEX INDEX article_search_idx")
            return "gin"
    return None


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


def install_fts5(cursor):
    """Create the FTS5 table and its triggers where missing (SQLite only)."""
    for statement in FTS5_SQL:
        cursor.execute(statement)


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
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') "
            "AND name LIKE 'articles_article%'"
        )
        present = {row[0] for row in cursor.fetchall()}
        # No FTS5 table: migration 0020 is not applied (or was reversed).
        if FTS_TABLE not in present or present.issuperset(FTS5_TRIGGERS):
            return
    rebuild_index(using)
