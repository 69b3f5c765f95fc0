from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from .models import Article, Section

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    description = _("The latest news from every section.")

    def title(self):
        return settings.SITE_NAME

    def link(self):
        return "/"

    def items(self):
        return Article.objects.published().for_listing().newest_first()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at or item.published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.byline_authors) or None

    def item_categories(self, item):
        return [item.section.name]


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, obj):
        return f"{obj.name} - {settings.SITE_NAME}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description

    def items(self, obj):
        return (
            Article.objects.published()
            .filter(section=obj)
            .for_listing()
            .newest_first()[:FEED_SIZE]
        )
