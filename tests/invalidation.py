"""Helpers for the invalidation tests: a reader's pages read before and
after a write, with the fragment cache warm, and the keys a write bumped."""

from django.test import Client, TestCase
from django.urls import reverse


class Reader(Client):
    """An anonymous reader; each request ends as a real one does (its
    on-commit callbacks run)."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)

    def text(self, url):
        response = self.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.content.decode()

    def warm(self, urls):
        """Read every page twice: the second answer comes from the cache."""
        for url in urls:
            self.text(url)
        return {url: self.text(url) for url in urls}

    def pages_showing(self, text, urls):
        """The pages of `urls` whose HTML holds `text`."""
        return [url for url in urls if text in self.text(url)]


def listing_pages(article):
    """Every reader page that lists `article` (it has a tag and a byline)."""
    return [
        "/",
        article.section.get_absolute_url(),
        reverse("articles:tag", args=[article.tags.get().slug]),
        article.bylines.get().author.get_absolute_url(),
        reverse("articles:newsfeed"),
        reverse("articles:feed"),
    ]


def logged_in(user):
    """A client logged in as `user` whose requests commit like a real one's."""
    client = Reader()
    client.force_login(user)
    return client
