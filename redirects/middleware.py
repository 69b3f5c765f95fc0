"""One 301 from an old address to where its section or article is now."""

from django.http import HttpResponsePermanentRedirect

from articles import editions
from articles.lookups import Moved
from articles.models import Section


class MovedMiddleware:
    """Answer lookups.Moved, raised by a view whose section or article moved.

    A section's old slug keeps every page under it (its feeds and chat room
    too): the same view under the new slug. The answer is never stored or
    shared: the page cache keeps only 200s and marks every other answer
    `private, no-cache`, so neither a proxy nor a browser keeps a 301 whose
    target may move again or come back (tests/redirects/test_pages.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Moved):
            return None
        return HttpResponsePermanentRedirect(where(request, exception.target))


def where(request, target):
    """The URL of the requested page at `target`'s address now."""
    match = request.resolver_match
    if isinstance(target, Section) and match.view_name != "articles:detail":
        kwargs = {**match.kwargs, "slug": target.slug}
        url = editions.reverse_in(target.language, match.view_name, kwargs=kwargs)
    else:
        url = target.get_absolute_url()
    query = request.META.get("QUERY_STRING")
    return f"{url}?{query}" if query else url
