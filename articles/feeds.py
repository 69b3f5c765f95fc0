import copy
import io
from functools import partial

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import (
    Atom1Feed,
    Enclosure,
    Rss201rev2Feed,
    rfc3339_date,
)
from django.utils.translation import gettext_lazy as _
from django.utils.xmlutils import SimplerXMLGenerator

from newsroom import fragments, freshness

from . import blocks, cachekeys, editions, seo
from .lookups import get_in_edition_or_404
from .models import Article, Author, TagListing

FEED_SIZE = 30
DC_NAMESPACE = {"xmlns:dc": "http://purl.org/dc/elements/1.1/"}


class CachedItemsMixin:
    """Writes an item given as {"xml": ..., "pubdate": ..., "updateddate": ...}
    as it is: its XML was kept in the fragment cache."""

    item_element = "item"

    def write_items(self, handler):
        for item in self.items:
            if "xml" in item:
                handler.ignorableWhitespace(item["xml"])
            else:
                self.write_item(handler, item)

    def write_item(self, handler, item):
        handler.startElement(self.item_element, self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement(self.item_element)

    def cached_item(self, item):
        """`item` as {"xml": ...} with the dates the channel needs."""
        out = io.StringIO()
        self.write_item(SimplerXMLGenerator(out, "utf-8", True), item)
        return {
            "xml": out.getvalue(),
            "pubdate": item["pubdate"],
            "updateddate": item["updateddate"],
        }


class NewsRssFeed(CachedItemsMixin, Rss201rev2Feed):
    """RSS 2.0 with one dc:creator per author and Atom's update time per item."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:
            # RSS has no element for it; the root declares the atom prefix.
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        for name, _url in item["authors"]:
            handler.addQuickElement("dc:creator", name, DC_NAMESPACE)


class NewsAtomFeed(CachedItemsMixin, Atom1Feed):
    """Atom with one author element (name and page) per author of an entry."""

    item_element = "entry"

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if url:
                handler.addQuickElement("uri", url)
            handler.endElement("author")


class LatestArticlesFeed(Feed):
    """The edition's latest articles; the channel's language is the active
    one (Feed.language is left None), so `/ru/feeds/rss/` says "ru"."""

    feed_type = NewsRssFeed
    description = _("The latest news from every section.")

    # Set while the items of one request are being built (get_feed).
    item_subset = None

    def __call__(self, request, *args, **kwargs):
        # urls.py shares one Feed instance between requests: a copy carries
        # this request for absolute author and image URLs.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def get_feed(self, obj, request):
        """The channel, with each item's XML from the fragment cache while the
        article, its section, authors and tags are unchanged. Only the ids of
        the items are read for that; rows, bylines and tags are read when an
        item must be built again."""
        # Which articles it lists changes with the edition (page cache).
        blocks.depend_on_edition(editions.current())
        if obj is not None:
            key = getattr(cachekeys, type(obj).__name__.lower())
            freshness.depend(key(obj.pk))
        ids = self.item_ids(obj)
        rows = {}

        def build(pk):
            if not rows:
                rows.update(
                    (a.pk, a) for a in Article.objects.filter(pk__in=ids).for_feed()
                )
            article = rows.get(pk)
            if article is None:
                return None  # deleted since its id was read
            freshness.depend(
                cachekeys.article(pk),
                cachekeys.section(article.section_id),
                *(cachekeys.author(author.pk) for author in article.byline_authors),
                *(cachekeys.tag(tag.pk) for tag in article.tags.all()),
            )
            one = self.feed_of(obj, request, [article])
            return one.cached_item(one.items[0])

        feed = self.feed_of(obj, request, [])
        variant = (self.feed_type.__name__, request.scheme, request.get_host())
        feed.items = [
            item
            for item in fragments.cached_many(
                [
                    (
                        fragments.cache_key("feed-item", pk, *variant),
                        partial(build, pk),
                    )
                    for pk in ids
                ]
            )
            if item is not None
        ]
        return feed

    # Whether the feed's ids may be kept like a block of the edition's lists.
    cache_ids = True

    def item_ids(self, obj):
        """The ids of the feed's articles, newest first: kept like a block of
        the edition's lists, which they change with."""
        language = editions.current()

        def read():
            blocks.depend_on_edition(language)
            return list(self.articles(obj).values_list("pk", flat=True)[:FEED_SIZE])

        if not self.cache_ids:
            return read()
        subject = None if obj is None else (type(obj).__name__, obj.pk)
        return fragments.cached(fragments.cache_key("feed-ids", subject), read)

    def feed_of(self, obj, request, items):
        """Django's feed of `items` (the channel with those items built)."""
        self.item_subset = items
        try:
            return super().get_feed(obj, request)
        finally:
            self.item_subset = None

    def items(self, obj=None):
        return self.item_subset

    def articles(self, obj):
        """The feed's articles, newest first."""
        return Article.objects.published().in_edition().newest_first()

    def title(self):
        return settings.SITE_NAME

    def subtitle(self):
        return self.description

    def link(self):
        return reverse("articles:home")

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return seo.modified_at(item)

    def item_author_name(self, item):
        # Every author goes out through item_extra_kwargs instead.
        return None

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tags.all())]

    def item_enclosures(self, item):
        enclosure = seo.image_enclosure(self.request, item)
        if enclosure is None:
            return []
        return [Enclosure(enclosure.url, str(enclosure.length), enclosure.mime_type)]

    def item_extra_kwargs(self, item):
        authors = [
            (author.name, seo.absolute_url(self.request, author.get_absolute_url()))
            for author in item.byline_authors
        ]
        if not authors and item.source_credit:
            authors = [(item.source_credit, None)]
        return {"authors": authors}


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = NewsAtomFeed


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_in_edition_or_404("section", slug)

    def title(self, obj):
        return f"{obj.name} - {settings.SITE_NAME}"

    def subtitle(self, obj):
        return obj.description

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description

    def articles(self, obj):
        return (
            Article.objects.published().in_edition().filter(section=obj).newest_first()
        )


class SectionAtomFeed(SectionFeed):
    feed_type = NewsAtomFeed


class TagFeed(LatestArticlesFeed):
    # Read each time: the tag listing follows even bulk tagging, which bumps
    # no content key.
    cache_ids = False

    def get_object(self, request, slug):
        return get_in_edition_or_404("tag", slug)

    def title(self, obj):
        return f"{obj.name} - {settings.SITE_NAME}"

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        return reverse("articles:tag", kwargs={"slug": obj.slug})

    def description(self, obj):
        return _("The latest news tagged “%(tag)s”.") % {"tag": obj.name}

    def articles(self, obj):
        # The newest of the tag's own listing (its index alone), not a walk
        # over every article carrying the tag.
        listing = TagListing.objects.filter(tag=obj).published().in_edition()
        newest = listing.newest_first().article_ids()[:FEED_SIZE]
        return Article.objects.published().filter(id__in=newest).newest_first()


class TagAtomFeed(TagFeed):
    feed_type = NewsAtomFeed


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, obj):
        return f"{obj.name} - {settings.SITE_NAME}"

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return _("The latest articles by %(name)s.") % {"name": obj.name}

    def articles(self, obj):
        return (
            Article.objects.published().in_edition().filter(authors=obj).newest_first()
        )


class AuthorAtomFeed(AuthorFeed):
    feed_type = NewsAtomFeed
