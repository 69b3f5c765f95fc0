"""Redirects cost nothing on normal pages, a constant few on the 404 path,
and never leave a stale 301 in the page cache."""

import pytest

from redirects.models import Redirect
from tests.factories import make_article, make_section
from tests.invalidation import Reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_redirects(world, story):
    """Old addresses of other articles and sections in the edition."""
    for n in range(20):
        Redirect.objects.create(
            section_slug="world", article_slug=f"old-{n}", article=story
        )
        Redirect.objects.create(section_slug=f"old-section-{n}", section=world)


@pytest.mark.parametrize("rows", [0, 40])
def test_normal_pages_make_no_redirect_query(
    client, world, story, rows, request, django_assert_num_queries
):
    if rows:
        request.getfixturevalue("many_redirects")
    client.get(story.get_absolute_url())
    client.get(world.get_absolute_url())

    # warm: none, the article's row and chat history are cached blocks
    # (tests/articles/test_article_page)
    with django_assert_num_queries(0):
        assert client.get(story.get_absolute_url()).status_code == 200
    # warm: none, the section, its page count and ids are cached blocks
    with django_assert_num_queries(0):
        assert client.get(world.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rows", [0, 40])
def test_the_404_path_asks_one_indexed_lookup(
    client, world, story, move, rows, request, django_assert_num_queries
):
    if rows:
        request.getfixturevalue("many_redirects")
    move(story, slug="gas-deal")
    move(world, slug="planet")

    # the article, the taken-down check, the redirects at the address
    with django_assert_num_queries(3):
        assert client.get("/world/gas-talks/").status_code == 301
    # the section, the redirect
    with django_assert_num_queries(2):
        assert client.get("/world/").status_code == 301
    # under a renamed section, not found: the three above, the article in
    # the section now, its redirects there; the 404 page's menu and banner
    with django_assert_num_queries(7):
        assert client.get("/world/gas-deal-old/").status_code == 404


@pytest.mark.usefixtures("page_cache")
def test_an_anonymous_reader_follows_a_rename_and_its_undoing(story, move):
    reader = Reader()
    reader.warm(["/world/gas-talks/"])
    assert reader.get("/world/gas-talks/")["X-Page-Cache"] == "hit"

    move(story, slug="gas-deal")

    moved = reader.get("/world/gas-talks/")
    assert (moved.status_code, moved["Location"]) == (301, "/world/gas-deal/")
    assert moved["Cache-Control"] == "private, no-cache"
    assert "X-Page-Cache" not in moved
    assert "Gas talks" in reader.text("/world/gas-deal/")

    move(story, slug="gas-talks")

    assert "Gas talks" in reader.text("/world/gas-talks/")
    back = reader.get("/world/gas-deal/")
    assert (back.status_code, back["Location"]) == (301, "/world/gas-talks/")


@pytest.mark.usefixtures("page_cache")
def test_an_anonymous_reader_follows_a_section_rename(world, story, move):
    reader = Reader()
    reader.warm(["/world/", "/world/gas-talks/"])

    move(world, slug="planet")

    assert reader.get("/world/")["Location"] == "/planet/"
    assert reader.get("/world/gas-talks/")["Location"] == "/planet/gas-talks/"
    assert "Gas talks" in reader.text("/planet/")
    assert "Gas talks" in reader.text("/planet/gas-talks/")

    move(world, slug="world")

    assert "Gas talks" in reader.text("/world/gas-talks/")
    assert reader.get("/planet/")["Location"] == "/world/"


@pytest.mark.usefixtures("page_cache")
def test_a_new_article_at_an_old_address_replaces_the_301(world, story, move):
    reader = Reader()
    move(story, slug="gas-deal")
    assert reader.get("/world/gas-talks/").status_code == 301

    make_article(section=make_section(), slug="unrelated")
    newcomer = make_article(section=world, slug="gas-talks-2", title="Newcomer")
    move(newcomer, slug="gas-talks")

    assert "Newcomer" in reader.text("/world/gas-talks/")
