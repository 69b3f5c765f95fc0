"""Views for the page cache's tests, under URL names the cache keeps."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from newsroom import freshness

SHOWN = "test:shown"


def shown(request):
    """A cacheable page showing what SHOWN names."""
    freshness.depend(SHOWN)
    return HttpResponse(f"version {request.GET.get('p', '1')}")


def sets_cookie(request):
    freshness.depend(SHOWN)
    response = HttpResponse("cookie")
    response.set_cookie("seen", "1")
    return response


def holds_csrf_token(request):
    freshness.depend(SHOWN)
    return HttpResponse(f"<input name=csrfmiddlewaretoken value={get_token(request)}>")


def uses_nonce(request):
    freshness.depend(SHOWN)
    return HttpResponse(f"<script nonce={request.csp_nonce}></script>")


def is_private(request):
    freshness.depend(SHOWN)
    response = HttpResponse("private")
    response["Cache-Control"] = "private"
    return response


def changes_while_rendering(request):
    freshness.depend(SHOWN)
    freshness.bump_now([SHOWN])
    return HttpResponse("raced")


def not_found(request):
    freshness.depend(SHOWN)
    return HttpResponse("gone", status=410)


# Each under a name of pages.PAGES, so the cache takes it for a reader page.
urlpatterns = [
    path("shown/", shown, name="sitemap_index"),
    path("cookie/", sets_cookie, name="robots_txt"),
    path("csrf/", holds_csrf_token, name="robots_txt"),
    path("nonce/", uses_nonce, name="robots_txt"),
    path("private/", is_private, name="robots_txt"),
    path("raced/", changes_while_rendering, name="robots_txt"),
    path("gone/", not_found, name="robots_txt"),
]
