from django.urls import path

from .consumers import ChatConsumer

websocket_urlpatterns = [
    path("ws/chats/<str:kind>/<int:pk>/", ChatConsumer.as_asgi()),
]
