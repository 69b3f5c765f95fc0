from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("post/<int:article_id>/", views.comment_post, name="post"),
    path("<int:pk>/reply/", views.comment_reply, name="reply"),
    path("<int:pk>/edit/", views.comment_edit, name="edit"),
    path("<int:pk>/delete/", views.comment_delete, name="delete"),
    path("<int:pk>/report/", views.comment_report, name="report"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
