from django.urls import path

from . import views

app_name = "chats"

urlpatterns = [
    path("articles/<int:article_id>/post/", views.article_post, name="article_post"),
    path("sections/<slug:slug>/", views.section_chat, name="section"),
    path("sections/<slug:slug>/post/", views.section_post, name="section_post"),
    path("messages/<int:pk>/delete/", views.message_delete, name="delete"),
]
