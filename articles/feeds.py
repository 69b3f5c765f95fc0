import copy

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

from . import seo
from .lookups import get_in_edition_or_404
from .models import Article, Author

FEED_SIZE = 30
DC_NAMESPACE = {"xmlns:dc": "http://purl.org/dc/elements/1.1/"}


class NewsRssFeed(Rss201rev2Feed):
    """RSS 2.0 with one dc:creator per author and Atom's update time per item."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:
            # RSS has no element for it; the root declares the atom prefix.
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        for name, _url in item["authors"]:
            handler.addQuickElement("dc:creator", name, DC_NAMESPACE)


class NewsAtomFeed(Atom1Feed):
    """Atom with one author element (name and page) per author of an entry."""

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

    def __call__(self, request, *args, **kwargs):
        # urls.py shares one Feed instance between requests: a copy carries
        # this request for absolute author and image URLs.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def title(self):
        return settings.SITE_NAME

    def subtitle(self):
        return self.description

    def link(self):
        return reverse("articles:home")

    def items(self):
        return (
            Article.objects.published()
            .in_edition()
            .for_feed()
            .newest_first()[:FEED_SIZE]
        )

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

    def items(self, obj):
        return (
            Article.objects.published()
            .in_edition()
            .filter(section=obj)
            .for_feed()
            .newest_first()[:FEED_SIZE]
        )


class SectionAtomFeed(SectionFeed):
    feed_type = NewsAtomFeed


class TagFeed(LatestArticlesFeed):
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

    def items(self, obj):
        return (
            Article.objects.published()
            .in_edition()
            .tagged(obj)
            .for_feed()
            .newest_first()[:FEED_SIZE]
        )


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

    def items(self, obj):
        return (
            Article.objects.published()
            .in_edition()
            .filter(authors=obj)
            .for_feed()
            .newest_first()[:FEED_SIZE]
        )


class AuthorAtomFeed(AuthorFeed):
    feed_type = NewsAtomFeed
