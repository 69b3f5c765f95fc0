from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"

    def ready(self):
        from . import freshness, purge

        # A proxy or CDN in front learns of every bump (DJANGO_CACHE_PURGE_URLS).
        freshness.keys_bumped.connect(purge.purge_keys, dispatch_uid="newsroom.purge")
