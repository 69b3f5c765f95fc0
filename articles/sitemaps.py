"""Sitemaps for crawlers: articles, sections, tags, authors and Google News."""

from datetime import timedelta
from functools import partial

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import CharField, Max, Min, Value
from django.utils import timezone
from django.utils.functional import cached_property

from newsroom import freshness

from . import blocks, cachekeys, editions, seo
from .lookups import public_tags
from .models import Article, Author, Section

# Google News reads only the articles of the last two days, 1,000 per file.
NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


def latest_change(articles):
    """The latest publication or update among `articles`, in one aggregate."""
    latest = articles.order_by().aggregate(
        published=Max("published_at"), updated=Max("updated_at")
    )
    return max(filter(None, latest.values()), default=None)


class NewsroomSitemap(Sitemap):
    @cached_property
    def paginator(self):
        # The index asks for the count twice (is it empty? how many pages?).
        return Paginator(self.items(), self.limit)


class ArticleSitemap(NewsroomSitemap):
    limit = 50_000

    def items(self):
        return Article.objects.published().for_sitemap().newest_first()

    def lastmod(self, item):
        return seo.modified_at(item)

    def get_latest_lastmod(self):
        # The default walks every article in Python.
        return latest_change(self.items())


class NewsSitemap(ArticleSitemap):
    """One edition's news: Google wants one language per publication."""

    limit = NEWS_LIMIT

    def __init__(self, language):
        self.language = language

    def recent(self):
        return (
            super()
            .items()
            .in_edition(self.language)
            .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
        )

    def items(self):
        return self.recent()[:NEWS_LIMIT]

    def get_latest_lastmod(self):
        latest = (
            self.recent()
            .order_by()
            .aggregate(
                published=Max("published_at"),
                updated=Max("updated_at"),
                oldest=Min("published_at"),
            )
        )
        leaves_window(latest.pop("oldest"))
        return max(filter(None, latest.values()), default=None)

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        leaves_window(min((url["item"].published_at for url in urls), default=None))
        return urls


def leaves_window(published_at):
    """Say the news sitemap changes when its oldest article leaves the two
    days it covers (the page cache's time boundary)."""
    if published_at is not None:
        freshness.not_after(published_at + NEWS_WINDOW)


class SectionSitemap(NewsroomSitemap):
    def items(self):
        return Section.objects.order_by("position", "name", "id")


class TagSitemap(NewsroomSitemap):
    """Each edition's public tags under its own prefix (lookups.public_tags):
    a tag only Russian articles carry has a page at /ru/tags/ alone."""

    def items(self):
        per_edition = [
            public_tags(code)
            .annotate(edition=Value(code, output_field=CharField()))
            .values("id", "name", "slug", "edition")
            for code in editions.codes()
        ]
        return (
            per_edition[0]
            .union(*per_edition[1:], all=True)
            .order_by("edition", "name", "id")
        )

    def location(self, item):
        return editions.reverse_in(
            item["edition"], "articles:tag", kwargs={"slug": item["slug"]}
        )


class AuthorSitemap(NewsroomSitemap):
    def items(self):
        return Author.objects.with_published_articles().order_by("name", "id")


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    # sitemap-news-en.xml, sitemap-news-ru.xml
    **{
        f"news-{code}": partial(NewsSitemap, language=code) for code in editions.codes()
    },
}


def depend_on_editions():
    """Say the sitemap lists what every edition publishes, and its sections.
    (Tag and author renames reach it through the page cache's short
    lifetime for sitemaps.)"""
    for code in editions.codes():
        blocks.depend_on_edition(code)
        freshness.depend(cachekeys.menu(code))


def sitemap_index(request):
    """The index over every sitemap that has entries (an empty one is invalid)."""
    depend_on_editions()
    sitemaps = {
        name: sitemap
        for name, sitemap in ((name, cls()) for name, cls in SITEMAPS.items())
        if sitemap.paginator.count
    }
    return sitemap_views.index(
        request,
        sitemaps,
        sitemap_url_name="sitemap",
        template_name="sitemaps/index.xml",
    )


def sitemap(request, section):
    """One page of one sitemap; the news sitemap carries Google's extension."""
    depend_on_editions()
    if section.startswith("news-"):
        template = "sitemaps/news.xml"
    else:
        template = "sitemaps/sitemap.xml"
    return sitemap_views.sitemap(
        request, SITEMAPS, section=section, template_name=template
    )
