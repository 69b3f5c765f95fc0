from django.urls import path

from . import views
from .feeds import LatestArticlesFeed, SectionFeed

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("feeds/rss/", LatestArticlesFeed(), name="feed"),
    path("feeds/sections/<slug:slug>/rss/", SectionFeed(), name="section_feed"),
    path("newsfeed/", views.newsfeed, name="newsfeed"),
    path("newsfeed/items/", views.newsfeed_items, name="newsfeed_items"),
    path("corrections/", views.correction_list, name="corrections"),
    path("corrections/<int:pk>/", views.correction_detail, name="correction"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("preview/<int:pk>/", views.article_preview, name="preview"),
    path("<slug:slug>/", views.section_detail, name="section"),
    path("<slug:section>/<slug:slug>/", views.article_detail, name="detail"),
]
