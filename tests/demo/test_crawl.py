"""Every page a reader can reach by following links from either edition's
home page answers without a server error (issue 12), on the demo site."""

from collections import deque
from io import StringIO
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db

HOMES = ["/", "/ru/"]
# The demo has about 700 linked pages; the bound stops a link loop
# (a calendar linking ever further back, say) from crawling for ever.
LIMIT = 4000
NOT_PAGES = ("/static/", "/media/", "/admin/")


def links(url, html):
    """The same-site addresses a page links to: its anchors and its
    alternates (feeds, the other edition's version)."""
    soup = BeautifulSoup(html, "html.parser")
    hrefs = [a["href"] for a in soup.select("a[href]")]
    hrefs += [link["href"] for link in soup.select("link[rel~=alternate][href]")]
    for href in hrefs:
        address = urlsplit(urldefrag(urljoin(url, href)).url)
        if address.scheme in ("http", "https") and address.netloc != "testserver":
            continue
        if address.scheme not in ("", "http", "https"):
            continue  # mailto:, tel:
        # Every page links the login and sign-up pages with itself as `next`:
        # one visit of each is enough, not one per page that links them.
        query = urlencode([p for p in parse_qsl(address.query) if p[0] != "next"])
        path = address.path + (f"?{query}" if query else "")
        if path.startswith("/") and not path.startswith(NOT_PAGES):
            yield path


def crawl(client, start):
    """Breadth-first from `start`: {address: status} of every page reached,
    and {address: a page linking to it}."""
    statuses, queue = {}, deque(start)
    linked_from = dict.fromkeys(start, "")
    while queue and len(statuses) < LIMIT:
        url = queue.popleft()
        response = client.get(url)
        statuses[url] = response.status_code
        found = []
        if response.status_code in (301, 302):
            found = links(url, f'<a href="{response["Location"]}"></a>')
        elif "text/html" in response.get("Content-Type", ""):
            found = links(url, response.content)
        for link in found:
            if link not in linked_from:
                linked_from[link] = url
                queue.append(link)
    return statuses, linked_from


def test_every_linked_page_of_both_editions_answers_without_a_server_error(client):
    call_command("load_demo", stdout=StringIO())
    # A server error is recorded as the 500 a reader gets, so the test lists
    # every failing page and the page that links to it.
    client.raise_request_exception = False

    statuses, linked_from = crawl(client, HOMES)

    errors = {
        url: (status, f"linked from {linked_from[url]}")
        for url, status in statuses.items()
        if status >= 500
    }
    assert errors == {}
    assert len(statuses) < LIMIT
    # The crawl reached every public article of both editions.
    published = {a.get_absolute_url() for a in Article.objects.published()}
    assert published <= set(statuses)
