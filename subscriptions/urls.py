from django.urls import path

from articles import converters  # noqa: F401 - registers "tagslug"

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<int:pk>/frequency/", views.change_frequency, name="frequency"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<str:kind>/<tagslug:slug>/", views.subscribe, name="subscribe"),
]
