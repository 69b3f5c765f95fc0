"""The subscribe control: one cached link for every reader who is not
logged in, a form with the reader's own CSRF token and address otherwise."""

import pytest
from bs4 import BeautifulSoup
from django.test import TestCase
from taggit.models import Tag

from tests.factories import make_article, make_author, make_section
from tests.invalidation import Reader, logged_in

pytestmark = pytest.mark.django_db


def hints(html):
    page = BeautifulSoup(html, "html.parser")
    return [hint.get_text(" ", strip=True) for hint in page.select(".subscribe__hint")]


def renamed(obj, name):
    obj.name = name
    with TestCase.captureOnCommitCallbacks(execute=True):
        obj.save()


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_a_renamed_target_is_seen_in_the_cached_link(kind):
    author = make_author(slug="ann")
    article = make_article(tags=["NATO"], authors=[author])
    target, url = {
        "section": (article.section, article.section.get_absolute_url()),
        "tag": (Tag.objects.get(), "/tags/nato/"),
        "author": (author, "/authors/ann/"),
    }[kind]
    reader = Reader()
    reader.warm([url])

    renamed(target, "Renamed Target")

    assert hints(reader.text(url))[0].startswith("Renamed Target news by e-mail")


def test_a_logged_in_reader_gets_the_form_with_their_token_and_address(reader):
    section = make_section(slug="world")
    make_article(section=section)
    Reader().warm(["/world/"])
    client = logged_in(reader)

    page = BeautifulSoup(client.text("/world/?page=1"), "html.parser")

    form = page.select_one("form.subscribe__form")
    assert form["action"] == "/subscriptions/section/world/"
    assert form.select_one("[name=next]")["value"] == "/world/?page=1"
    assert form.select_one("[name=csrfmiddlewaretoken]")["value"]
