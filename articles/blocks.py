"""The blocks many reader pages share, rendered once and kept in the
fragment cache (newsroom/fragments.py) until what they show changes.

Each block registers the content keys (articles/cachekeys.py) of everything
it shows, and the moment it changes by itself; the services that write bump
those keys after commit. A teaser card is a block of its own, so a list
whose one card changed renders just that card again.
"""

from datetime import timedelta

from django.conf import settings
from django.core.paginator import Page
from django.db.models import QuerySet
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe

from newsroom import fragments, freshness

from . import cachekeys, editions, search, services
from .models import Article, Section
from .pagination import CappedPaginator, paginate, paginate_ids


def article_keys(article):
    """What an article's own blocks show: itself, its section, its bylines'
    authors and its tags (loads them when they are not loaded)."""
    article.load_detail()
    return [
        cachekeys.article(article.pk),
        cachekeys.section(article.section_id),
        *(cachekeys.author(byline.author_id) for byline in article.bylines.all()),
        *(cachekeys.tag(tag.pk) for tag in article.tags.all()),
    ]


def card_keys(article):
    """What a teaser card shows: the article, its section, its authors and
    its comment counter."""
    return [
        cachekeys.article(article.pk),
        cachekeys.section(article.section_id),
        cachekeys.comments(article.pk),
        *(cachekeys.author(author.pk) for author in article.byline_authors),
    ]


def depend_on_edition(language):
    """Say the block lists the edition's public articles: it changes with
    them, and by itself at the next scheduled publication, embargo's end or
    expiry."""

    def next_change():
        freshness.depend(cachekeys.edition(language))
        moment = Article.objects.in_edition(language).next_change()
        freshness.not_after(moment)
        return moment

    # Kept like a block: computed again after the edition changes, or when
    # the moment comes.
    fragments.cached(fragments.cache_key("next-change", language), next_change)


def depend_on_translations(article):
    """Say the block shows which versions of `article` other editions have
    (`Article.edition_versions`), and when one becomes readable or not."""
    article.load_detail()
    original = article.translation_of or article
    versions = [original, *original.translations.all()]
    now = timezone.now()
    freshness.depend(*(cachekeys.article(version.pk) for version in versions))
    for version in versions:
        for moment in (version.published_at, version.embargo_until, version.expires_at):
            if moment is not None and moment > now:
                freshness.not_after(moment)


def cards(items, *, level=2, show_section=False, featured=False, image="card"):
    """The teaser cards of `items` (articles loaded for_listing(), or an
    unevaluated QuerySet of them), each from the cache while it is fresh.

    Of a QuerySet only the ids are read first; its rows, bylines and
    counters are loaded when a card must be rendered again.
    """
    if isinstance(items, Ids) or (
        isinstance(items, QuerySet) and items._result_cache is None
    ):
        ids = items if isinstance(items, Ids) else items.values_list("pk", flat=True)
        ids = list(ids)
        rows = SimpleLazyObject(
            lambda: {a.pk: a for a in Article.objects.filter(pk__in=ids).for_listing()}
        )
    else:
        rows = {item.pk: item for item in items}
        ids = list(rows)
    if not ids:
        return ""
    template = get_template("articles/includes/article_card.html")
    variant = {
        "level": level,
        "show_section": show_section,
        "featured": featured,
        "image_kind": "featured" if featured else image,
    }

    def render(pk):
        item = rows.get(pk)
        if item is None:
            return ""  # deleted since its id was read
        freshness.depend(*card_keys(item))
        return template.render({"item": item, **variant})

    html = fragments.cached_many(
        [
            (
                fragments.cache_key("card", pk, *variant.values()),
                lambda pk=pk: render(pk),
            )
            for pk in ids
        ]
    )
    return mark_safe("".join(html))


class Ids(list):
    """The ids of a page of articles, in order: its cards load the rows they
    must render again (cards())."""


def listing_page(request, rows, *, name, keys=None, param="page"):
    """paginate(), with the page's count and ids kept like a block of the
    edition's lists (`name` tells listings apart): a warm listing page reads
    no row. `?page=` values other than a number are paginated uncached."""
    number = request.GET.get(param) or "1"
    if not (number.isdigit() and len(number) <= 5):
        return paginate(request, rows, keys=keys, param=param)
    language = editions.current()

    def read():
        depend_on_edition(language)
        page = paginate(request, rows, keys=keys, param=param)
        ids = list(page.object_list.values_list("pk", flat=True))
        return page.paginator.count, page.number, ids

    per_page = settings.ARTICLES_PER_PAGE
    key = fragments.cache_key("listing", language, *name, number, per_page)
    count, found, ids = fragments.cached(key, read)
    paginator = CappedPaginator(rows, per_page, keys=keys)
    paginator.count = count
    return Page(Ids(ids), found, paginator)


def front_page():
    """The home page's stories: the editors' picks (with none, the newest),
    then the latest of each section."""
    edition = editions.current()
    depend_on_edition(edition)
    freshness.depend(cachekeys.menu(edition))
    top_stories = list(
        Article.objects.top_stories()
        .in_edition()
        .for_listing()[: settings.HOME_TOP_STORIES]
    )
    if not top_stories:
        top_stories = list(
            Article.objects.published().in_edition().for_listing().newest_first()[:1]
        )
    sections = services.latest_per_section(exclude_ids=[a.id for a in top_stories])
    freshness.depend(*(cachekeys.section(section.pk) for section, _ in sections))
    return {
        "top_story": top_stories[0] if top_stories else None,
        "more_top_stories": top_stories[1:],
        "sections": sections,
    }


def section_menu(current=None):
    """The masthead's section links of this edition, in the editors' order."""
    edition = editions.current()

    def render():
        freshness.depend(cachekeys.menu(edition))
        sections = list(Section.objects.active().in_edition(edition))
        freshness.depend(*(cachekeys.section(section.pk) for section in sections))
        return render_to_string(
            "includes/section_menu.html", {"sections": sections, "current": current}
        )

    current_pk = current.pk if isinstance(current, Section) else ""
    return fragments.cached(fragments.cache_key("menu", current_pk), render)


def breaking_banner():
    """The newest breaking story of this edition for the banner, or nothing.

    Only the flag's own condition goes to the database, so its small partial
    index answers it; with the public-article conditions too, planners walk
    the whole archive's index whenever nothing is breaking (80 ms at 200,000
    articles on SQLite). `is_published` mirrors `published()` for the few
    flagged rows, whose own times say when the banner changes next.
    """
    edition = editions.current()

    def render():
        freshness.depend(cachekeys.edition(edition))
        flagged = Article.objects.flagged_breaking().select_related("section")[:20]
        flagged = [a for a in flagged if a.language == edition]
        freshness.depend(*(cachekeys.article(a.pk) for a in flagged))
        now = timezone.now()
        for article in flagged:
            for moment in (
                article.breaking_until,
                article.published_at,
                article.embargo_until,
                article.expires_at,
            ):
                if moment is not None and moment > now:
                    freshness.not_after(moment)
        public = [a for a in flagged if a.is_published]
        newest = max(public, key=lambda a: (a.published_at, a.id), default=None)
        return render_to_string("includes/breaking_banner.html", {"article": newest})

    return fragments.cached(fragments.cache_key("banner"), render)


def newsfeed():
    """The sidebar's latest headlines of this edition, with "load more"."""
    edition = editions.current()

    def render():
        depend_on_edition(edition)
        articles, next_cursor = services.newsfeed_page()
        freshness.depend(
            *(
                key
                for a in articles
                for key in (
                    cachekeys.article(a.pk),
                    cachekeys.section(a.section_id),
                    cachekeys.comments(a.pk),
                )
            )
        )
        return render_to_string(
            "articles/includes/newsfeed.html",
            {"articles": articles, "next_cursor": next_cursor, "before": None},
        )

    return fragments.cached(fragments.cache_key("newsfeed"), render)


def related_articles(article, limit=4):
    """Up to `limit` published articles sharing tags or the section."""

    def render():
        depend_on_edition(article.language)
        freshness.depend(cachekeys.article(article.pk))
        related = services.related_articles(article=article, limit=limit)
        return render_to_string(
            "articles/includes/related_articles.html", {"articles": related}
        )

    return fragments.cached(fragments.cache_key("related", article.pk, limit), render)


def search_results(data, *, page, page_query):
    """The results of a search (`data`: SearchForm's cleaned data) on page
    `page`: their count, the page of results, its pagination (links carrying
    `page_query`) and the search window's note.

    Kept like a block. It changes with the edition's public set and with the
    listed fields of its articles (publishing, unpublishing, takedowns, a new
    title, lead or tag all bump the edition: seen at once), and with the
    articles it shows. A text change that makes an article outside it match
    (a body edit, a tag or author renamed) bumps no key a search could name,
    so an entry is also kept no longer than SEARCH_FRESH_SECONDS.
    """
    edition = editions.current()
    try:
        number = max(1, int(page or 1))
    except ValueError:
        number = 1  # what Paginator.get_page makes of it

    def render():
        depend_on_edition(edition)
        freshness.not_after(
            timezone.now() + timedelta(seconds=settings.SEARCH_FRESH_SECONDS)
        )
        ids, left_out = search.ranked_matches(
            data["q"],
            section=data["section"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
        results = paginate_ids(number, ids, Article.objects.for_search_results())
        freshness.depend(
            *(
                key
                for a in results.object_list
                for key in (cachekeys.article(a.pk), cachekeys.section(a.section_id))
            )
        )
        return render_to_string(
            "articles/includes/search_results.html",
            {
                "page": results,
                "query": data["q"],
                "terms": search.search_terms(data["q"]),
                "left_out": left_out,
                "search_window": settings.SEARCH_WINDOW,
                "page_query": page_query,
            },
        )

    section = data["section"]
    key = fragments.cache_key(
        "search",
        search.clean_query(data["q"]),
        section.pk if section else "",
        data["date_from"] or "",
        data["date_to"] or "",
        number,
        page_query,
    )
    return fragments.cached(key, render)
