from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chats"
    verbose_name = _("Chats")

    def ready(self):
        from . import invalidation

        # Cached pages and fragments learn of every save and delete.
        invalidation.connect()
