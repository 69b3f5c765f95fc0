"""The site's URLs plus uploaded media, as a production proxy serves them:
browser tests that count what a page downloads need its images."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path
from django.views.static import serve

from newsroom.urls import urlpatterns as site_urlpatterns


def media(request, path):
    # MEDIA_ROOT is each test's own folder (tests/conftest.py): read it now.
    # Read whole: a streamed file is a synchronous iterator, which ASGI warns
    # about, and test pictures are small.
    found = serve(request, path, document_root=settings.MEDIA_ROOT)
    return HttpResponse(
        b"".join(found.streaming_content), content_type=found["Content-Type"]
    )


urlpatterns = [path("media/<path:path>", media), *site_urlpatterns]
