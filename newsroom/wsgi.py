"""WSGI entry point: cache hits at the front door (newsroom/pagecache/front.py),
everything else to Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

from newsroom.pagecache.front import WSGIFront  # noqa: E402

application = WSGIFront(django_application)
