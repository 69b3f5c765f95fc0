from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Publishing")

    def ready(self):
        from . import invalidation, tag_listing
        from .search_index import ensure_fts5_triggers

        # Cached pages and fragments learn of every save and delete.
        invalidation.connect()

        # Schema upkeep, not business logic: see ensure_fts5_triggers.
        post_migrate.connect(ensure_fts5_triggers, sender=self)
        post_migrate.connect(tag_listing.ensure_triggers, sender=self)
