from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject

from newsroom import freshness

from . import blocks, cachekeys, editions
from .diff import PUBLIC_DIFF_FIELDS, diff_revisions
from .forms import SearchForm
from .lookups import Moved, find_in_edition, find_moved, get_in_edition_or_404
from .models import Article, Author, Correction, TagListing
from .pagination import paginate
from .permissions import may_edit
from .services import (
    archive_neighbours,
    archive_period,
    decode_cursor,
    newsfeed_page,
)


def lists_edition(*keys):
    """Say the page lists the edition's public articles (it changes with them
    and at the next scheduled publication, embargo or expiry) and shows what
    `keys` name: the page cache keeps it until one of those changes."""
    blocks.depend_on_edition(editions.current())
    freshness.depend(*keys)


def home(request):
    # Read lazily, inside the home page's cached block (blocks.front_page).
    return render(
        request, "articles/home.html", {"front": SimpleLazyObject(blocks.front_page)}
    )


def section_detail(request, slug):
    # The URL prefix decides the edition: another edition's section is a 404.
    section = get_in_edition_or_404("section", slug)
    lists_edition(cachekeys.section(section.pk))
    # Listings pass bare rows: the cards read their ids, and load what a card
    # shows (for_listing) only for cards the fragment cache lacks.
    articles = (
        Article.objects.published().in_edition().filter(section=section).newest_first()
    )
    page = blocks.listing_page(request, articles, name=("section", section.pk))
    return render(
        request, "articles/section_detail.html", {"section": section, "page": page}
    )


def tag_detail(request, slug):
    tag = get_in_edition_or_404("tag", slug)
    lists_edition(cachekeys.tag(tag.pk))
    articles = Article.objects.published().in_edition().newest_first()
    listing = TagListing.objects.filter(tag=tag).published().in_edition()
    # Not a cached listing: the tag listing follows any write path (database
    # triggers), even tagging in bulk, which bumps no content key.
    page = paginate(request, articles, keys=listing.newest_first().article_ids())
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    lists_edition(cachekeys.author(author.pk))
    articles = (
        Article.objects.published().in_edition().filter(authors=author).newest_first()
    )
    page = blocks.listing_page(request, articles, name=("author", author.pk))
    return render(
        request, "articles/author_detail.html", {"author": author, "page": page}
    )


def article_detail(request, section, slug):
    article = find_in_edition("article", slug, section=section)
    if article is None:
        # Taken down or expired: say so (410), unlike an address that never was.
        gone = Article.objects.gone().in_edition()
        if gone.filter(section__slug=section, slug=slug).exists():
            return render(request, "articles/article_gone.html", status=410)
        moved = find_moved("article", slug, section=section)
        if moved is not None:
            raise Moved(moved)
        raise Http404
    # Until it expires: then the address answers 410.
    freshness.depend(cachekeys.article(article.pk))
    freshness.not_after(article.expires_at)
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "translations_of": article},
    )


def article_preview(request, pk):
    """Any article as it would look published, for staff who may edit it
    (the admin's rule: editors any article, authors their own drafts)."""
    if not request.user.is_staff:
        raise Http404
    article = get_object_or_404(Article.objects.for_detail(), pk=pk)
    if not may_edit(request.user, article):
        raise Http404
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "translations_of": article, "is_preview": True},
    )


NEWSFEED_PAGE = "articles/newsfeed_list.html"


def newsfeed(request, template_name=NEWSFEED_PAGE):
    """A page of the newsfeed, older items behind a cursor link; with the
    fragment template, just the next items for the sidebar's "load more"."""
    before = decode_cursor(request.GET.get("before"))
    lists_edition()
    articles, next_cursor = newsfeed_page(before=before)
    context = {
        "articles": articles,
        "next_cursor": next_cursor,
        "before": before[0] if before else None,
        # The fragment tells "load more" what to announce (site.js).
        "loaded": len(articles) if template_name != NEWSFEED_PAGE else None,
    }
    return render(request, template_name, context)


def search(request):
    """Published articles matching ?q=, best first, filtered by section and dates."""
    form = SearchForm(request.GET)
    lists_edition()
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        results = blocks.search_results(
            form.cleaned_data,
            page=request.GET.get("page"),
            # Pagination links keep the search's own parameters, no others.
            page_query=urlencode(
                [
                    (name, request.GET[name])
                    for name in form.fields
                    if request.GET.get(name)
                ]
            ),
        )
    return render(request, "articles/search.html", {"form": form, "results": results})


def archive_day(request, year, month, day):
    """The articles published on one local day, with links to its neighbours."""
    return _archive(request, *archive_period(year, month, day), period="day")


def archive_month(request, year, month):
    """The articles published in one month, with links to its neighbours."""
    return _archive(request, *archive_period(year, month), period="month")


def _archive(request, start, end, first_day, *, period):
    lists_edition()
    articles = Article.objects.published_between(start, end).in_edition().newest_first()
    page = blocks.listing_page(request, articles, name=("archive", start, end))
    # The count is read already; the rows are read by the cards, if needed.
    if not page.paginator.count:
        raise Http404("No articles were published then.")
    previous, following = archive_neighbours(start=start, end=end)
    return render(
        request,
        "articles/archive.html",
        {
            "page": page,
            "period": period,
            "day": first_day,
            "previous": previous,
            "following": following,
        },
    )


def correction_list(request):
    """Recent corrections and updates across the site."""
    corrections = (
        Correction.objects.public()
        .filter(article__language=editions.current())
        .select_related("article__section")
    )
    page = paginate(request, corrections)
    lists_edition(*(cachekeys.article(c.article_id) for c in page))
    return render(request, "articles/correction_list.html", {"page": page})


def correction_detail(request, pk):
    """What a correction changed in the public text."""
    correction = get_object_or_404(
        Correction.objects.public()
        .filter(article__language=editions.current())
        .select_related("article__section", "before", "after"),
        pk=pk,
    )
    lists_edition(cachekeys.article(correction.article_id))
    diff = None
    if correction.has_diff:
        diff = diff_revisions(correction.before, correction.after, PUBLIC_DIFF_FIELDS)
    return render(
        request,
        "articles/correction_detail.html",
        {"correction": correction, "article": correction.article, "diff": diff},
    )
