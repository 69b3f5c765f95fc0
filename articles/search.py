"""Full-text search over published articles.

The document (articles/search_index.py) is each article's title, lead, body,
tag names and author names. PostgreSQL: the weighted tsvector column
`search_document` (title A, lead and tags B, body and authors C), ranked with
ts_rank(). SQLite: the FTS5 table `articles_article_fts`, ranked with bm25().
Reader text never reaches either query syntax unescaped: PostgreSQL gets it
through websearch_to_tsquery(), which accepts any input, and FTS5 gets only
double-quoted words.

A search looks through a window: the newest SEARCH_WINDOW articles of the
edition, in the section and dates chosen (issue 9). A common word matches a
good part of a big archive, and finding, let alone ranking, all its matches
costs in proportion to the archive; the window keeps a search's cost the same
on any archive. The page says when the window left older articles out;
choosing dates moves the window back.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connections
from django.db.models import Expression, F, Q, Subquery
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import editions
from .models import Article
from .search_index import FTS_TABLE
from .services import start_of_day

# Longer queries are cut: no reader needs more, and it bounds the work.
MAX_QUERY_CHARS = 200
MAX_TERMS = 12
SEARCH_CONFIG = "english"
# PostgreSQL text search configuration per edition, as the search_document
# trigger chooses it: Russian stems Russian words ("обсудят" finds "обсудить").
SEARCH_CONFIGS = {"en": "english", "ru": "russian"}
# bm25() column weights for title, lead, body, tags, authors: a title match
# counts most.
FTS_WEIGHTS = (10.0, 4.0, 1.0, 4.0, 1.0)

WORD_RE = re.compile(r"\w+")


class SearchDocument(Expression):
    """The search_document column of the query's own articles table: the
    Django model leaves it out, so that no save() ever writes it."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.search_document", []


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


def searchable_articles(*, section=None, date_from=None, date_to=None):
    """The published articles of the edition a search looks through, in
    `section` and published from `date_from` to `date_to` (dates, both
    included, in the site's time zone), newest first."""
    if date_to is None:
        articles = Article.objects.published()
    else:
        end = start_of_day(date_to + timedelta(days=1))
        articles = Article.objects.published_before(end)
    articles = articles.in_edition()
    if section is not None:
        articles = articles.filter(section=section)
    if date_from is not None:
        articles = articles.filter(published_at__gte=start_of_day(date_from))
    return articles.newest_first()


def search_articles(query, *, beyond=False, **filters):
    """Articles matching `query` among the newest SEARCH_WINDOW searchable
    ones (`filters` as for searchable_articles), best match first; with
    `beyond`, also the newest article outside the window, if any (see
    ranked_matches). An empty query finds nothing.
    """
    terms = search_terms(query)
    if not terms:
        return Article.objects.none()
    searchable = searchable_articles(**filters)
    db = connections[searchable.db]
    window = searchable[: settings.SEARCH_WINDOW]
    if db.vendor == "postgresql":
        config = SEARCH_CONFIGS.get(editions.current(), SEARCH_CONFIG)
        # The match is tested on the window's rows, after its LIMIT: left to
        # itself the planner reads all of a common word's GIN entries, which
        # grow with the archive (40 ms for two words in a million articles).
        sql, params = _sql(window.annotate(document=SearchDocument()), "document", db)
        ids = f"SELECT w.id FROM ({sql}) w WHERE w.document @@ {TSQUERY}"
        params += (config, clean_query(query))
        rank = SearchRank(
            SearchDocument(),
            SearchQuery(clean_query(query), search_type="websearch", config=config),
        )
    else:
        match = fts5_match(terms)
        sql, window_params = _sql(window, None, db)
        # FTS5 scans only the window's span of rowids, once: for a common
        # word, MATCH alone reads its whole doclist, and MATCH with `rowid =`
        # per row (a correlated rank, or `rowid IN` the window) reads it once
        # per row: minutes for two common words at 200,000 articles.
        span = (
            f"rowid BETWEEN (SELECT min(s.id) FROM ({sql}) s) "
            f"AND (SELECT max(s.id) FROM ({sql}) s)"
        )
        fts_match = f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND {span}"
        ids = f"SELECT w.id FROM ({sql}) w WHERE w.id IN (SELECT rowid {fts_match})"
        span_params = (match, *window_params, *window_params)
        params = window_params + span_params
        weights = ", ".join(str(weight) for weight in FTS_WEIGHTS)
        # bm25() is lower for better matches; negated so both backends sort
        # by rank descending. The ranks are computed in one scan, kept
        # (MATERIALIZED) and looked up by id for each row.
        rank = RawSQL(
            f"WITH ranks AS MATERIALIZED (SELECT rowid AS id, "
            f"-bm25({FTS_TABLE}, {weights}) AS r {fts_match}) "
            f'SELECT ranks.r FROM ranks WHERE ranks.id = "articles_article"."id"',
            span_params,
        )
    if beyond:
        sql, beyond_params = _sql(first_beyond(searchable), None, db)
        ids += f" UNION ALL SELECT b.id FROM ({sql}) b"
        params += beyond_params
    return (
        Article.objects.filter(id__in=RawSQL(ids, params))
        .annotate(rank=rank)
        .order_by(F("rank").desc(), "-published_at", "-id")
    )


TSQUERY = "websearch_to_tsquery(%s::regconfig, %s)"


def _sql(articles, column, db):
    """SQL and parameters selecting the ids (and `column`) of `articles`."""
    fields = ["id", column] if column else ["id"]
    sql, params = articles.values(*fields).query.get_compiler(connection=db).as_sql()
    return sql, tuple(params)


def first_beyond(searchable):
    """The newest of `searchable` (newest first) outside the search window,
    as a QuerySet of at most one."""
    window = settings.SEARCH_WINDOW
    return searchable[window : window + 1]


def ranked_matches(query, **filters):
    """(ids, left_out): the ids of search_articles(), best first, and the
    publication time of the newest article its window left out (None when it
    holds them all), in one query."""
    if not search_terms(query):
        return [], None
    beyond = first_beyond(searchable_articles(**filters)).values("id")
    rows = (
        search_articles(query, beyond=True, **filters)
        .annotate(is_beyond=Q(id=Subquery(beyond)))
        .values_list("id", "published_at", "is_beyond")
    )
    ids, left_out = [], None
    for pk, published_at, is_beyond in rows:
        if is_beyond:
            left_out = published_at
        else:
            ids.append(pk)
    return ids, left_out


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
