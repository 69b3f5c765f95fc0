"""The site's URLs plus uploaded media, as a production proxy serves them:
browser tests that count what a page downloads need its images."""

from django.conf import settings
from django.urls import path
from django.views.static import serve

from newsroom.urls import urlpatterns as site_urlpatterns


def media(request, path):
    # MEDIA_ROOT is each test's own folder (tests/conftest.py): read it now.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [path("media/<path:path>", media), *site_urlpatterns]
