from django.urls import path

from mediabank.views import gallery_image

from . import converters, views  # noqa: F401 - registers "tagslug"
from .feeds import (
    AuthorAtomFeed,
    AuthorFeed,
    LatestArticlesAtomFeed,
    LatestArticlesFeed,
    SectionAtomFeed,
    SectionFeed,
    TagAtomFeed,
    TagFeed,
)

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("feeds/rss/", LatestArticlesFeed(), name="feed"),
    path("feeds/atom/", LatestArticlesAtomFeed(), name="feed_atom"),
    path("feeds/sections/<slug:slug>/rss/", SectionFeed(), name="section_feed"),
    path(
        "feeds/sections/<slug:slug>/atom/",
        SectionAtomFeed(),
        name="section_feed_atom",
    ),
    path("feeds/tags/<tagslug:slug>/rss/", TagFeed(), name="tag_feed"),
    path("feeds/tags/<tagslug:slug>/atom/", TagAtomFeed(), name="tag_feed_atom"),
    path("feeds/authors/<slug:slug>/rss/", AuthorFeed(), name="author_feed"),
    path(
        "feeds/authors/<slug:slug>/atom/",
        AuthorAtomFeed(),
        name="author_feed_atom",
    ),
    path("newsfeed/", views.newsfeed, name="newsfeed"),
    path(
        "newsfeed/items/",
        views.newsfeed,
        {"template_name": "articles/includes/newsfeed_items.html"},
        name="newsfeed_items",
    ),
    path("corrections/", views.correction_list, name="corrections"),
    path("corrections/<int:pk>/", views.correction_detail, name="correction"),
    path("tags/<tagslug:slug>/", views.tag_detail, name="tag"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("preview/<int:pk>/", views.article_preview, name="preview"),
    path("search/", views.search, name="search"),
    path(
        "archive/<int:year>/<int:month>/<int:day>/",
        views.archive_day,
        name="archive_day",
    ),
    path("archive/<int:year>/<int:month>/", views.archive_month, name="archive_month"),
    path("<slug:slug>/", views.section_detail, name="section"),
    path("<slug:section>/<slug:slug>/", views.article_detail, name="detail"),
    path(
        "<slug:section>/<slug:slug>/gallery/<int:n>/",
        gallery_image,
        name="gallery",
    ),
]
