"""The one way a view finds a section, tag or article by its slug: scoped
to the page's edition, public only.

Slugs repeat across editions (`/sport/` and `/ru/sport/`), so a lookup by
slug alone finds two sections (a 500) or shows one edition's under the
other's prefix. Not a default manager: sitemaps, the admin and the mail
sweep need every edition.
"""

from django.db.models import Exists, OuterRef
from django.http import Http404
from taggit.models import Tag

from newsroom import fragments, freshness
from redirects.models import Redirect

from . import cachekeys, editions
from .models import Article, Section, TagListing


class Moved(Exception):
    """The address names a section or an article that moved (redirects
    app): answered with one 301 to where `target` is now (MovedMiddleware).
    """

    def __init__(self, target):
        super().__init__(target)
        self.target = target


def public_tags(language=None):
    """Tags a published article of the edition carries; no other tag has a
    public page, feed or subscribe page."""
    # The tag's own listing answers from its index alone.
    listed = TagListing.objects.filter(tag=OuterRef("pk")).published()
    return Tag.objects.filter(Exists(listed.in_edition(language)))


def find_in_edition(kind, slug, *, section=None, language=None):
    """The public section, tag or article `slug` names in the edition
    `language` (default: the page's), or None. Articles need their section's
    slug too, and include archived ones (readable at their address).

    A section or article found is kept like a cached block (its row is what
    building and compiling the query costs most of a warm page): fresh while
    its own key and its section's are (every save bumps them, as for the
    page showing it) and, for an article, until it expires. Nothing found is
    never kept: a scheduled article appears at its time."""
    if kind not in ("section", "article"):
        return _find(kind, slug, section=section, language=language)
    language = language or editions.current()
    key = fragments.cache_key(f"row-{kind}", language, section, slug)
    return fragments.cached(
        key, lambda: _found(_find(kind, slug, section=section, language=language))
    )


def _found(row):
    """Say what `row` (a section or an article with its section) shows."""
    if isinstance(row, Article):
        freshness.depend(cachekeys.article(row.pk), cachekeys.section(row.section_id))
        freshness.not_after(row.expires_at)
    elif row is not None:
        freshness.depend(cachekeys.section(row.pk))
    return row


def _find(kind, slug, *, section=None, language=None):
    if kind == "section":
        found = Section.objects.in_edition(language)
    elif kind == "tag":
        found = public_tags(language)
    elif kind == "article":
        found = (
            Article.objects.readable()
            .in_edition(language)
            .for_page()
            .filter(section__slug=section)
        )
    else:
        raise ValueError(f"No edition lookup for {kind!r}.")
    # A slug names one row in an edition: no ordering to compile (first()
    # would add one, a tenth of an article page's Python work).
    rows = found.filter(slug=slug).order_by()[:1]
    return rows[0] if rows else None


def find_current(kind, slug, **kwargs):
    """find_in_edition(), raising Moved when `slug` is a section's old slug
    (every page under it answers one 301 to the same page under the new)."""
    found = find_in_edition(kind, slug, **kwargs)
    if found is None and kind == "section":
        moved = find_moved(kind, slug, **kwargs)
        if moved is not None:
            raise Moved(moved)
    return found


def get_in_edition_or_404(kind, slug, **kwargs):
    """find_current(), or a 404."""
    found = find_current(kind, slug, **kwargs)
    if found is None:
        raise Http404
    return found


def find_moved(kind, slug, *, section=None, language=None):
    """Where the section or article at an old address of the edition is
    now, or None: asked only when nothing public stands at the address.

    An article's old address is its own redirect, or its section's old slug
    (a prefix rule) followed by the article as it is now in that section.
    Only a target whose address answers (200, or 410 when taken down) is
    given: a redirect never shows a draft, scheduled or embargoed article.
    """
    language = language or editions.current()
    if kind == "section":
        rows = list(Redirect.objects.at(language, slug))
        return answering(rows[0].target) if rows else None
    if kind != "article":
        raise ValueError(f"No redirects for {kind!r}.")
    at_address = Redirect.objects.at(language, section, slug, "")
    rows = {row.article_slug: row for row in at_address}
    if slug in rows:
        return answering(rows[slug].target)
    if "" not in rows or rows[""].section is None:
        return None
    moved_to = rows[""].section
    found = (
        Article.objects.for_page().filter(section=moved_to, slug=slug).order_by()[:1]
    )
    if not found:
        found = [
            row.target
            for row in Redirect.objects.at(moved_to.language, moved_to.slug, slug)
        ]
    return answering(found[0]) if found else None


def answering(target):
    """`target` if its address answers readers (a section, a readable or a
    taken-down article), else None."""
    if isinstance(target, Article) and not (target.is_readable or target.is_gone):
        return None
    return target
