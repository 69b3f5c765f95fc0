"""Library images cost reader pages no query: the article, section, home
and author pages and the feeds read them joined to their rows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.images import refresh_renditions
from articles.models import Article
from tests.articles.test_listing_pages import make_many
from tests.factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(db):
    image = make_image(photographer="Ivan Petrov", copyright_holder="Sputnik")
    refresh_renditions(obj=image)
    return image


@pytest.mark.parametrize("n_articles", [1, 50])
def test_section_page_with_images_costs_what_it_did(
    client, section, photo, n_articles, django_assert_num_queries
):
    make_many(section, n_articles, image=photo)

    # as without images (tests/articles/test_listing_pages.py)
    with django_assert_num_queries(11):
        response = client.get(section.get_absolute_url())
    assert response.content.count(b"<picture") == min(n_articles, 20)


@pytest.mark.parametrize("n_per_section", [1, 10])
def test_home_page_with_images_costs_what_it_did(
    client, photo, n_per_section, django_assert_num_queries
):
    for i in range(4):
        make_many(make_section(slug=f"home-{i}"), n_per_section, image=photo)

    with django_assert_num_queries(12):
        response = client.get("/")
    assert b"<picture" in response.content


def cold_queries(client, url):
    """The queries of `url` rendered with every cache empty."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_article_page_with_an_image_costs_what_one_without_does(client, section, photo):
    bare = make_article(section=section, authors=[make_author()])
    pictured = make_article(section=section, image=photo, authors=[make_author()])

    assert cold_queries(client, pictured.get_absolute_url()) == cold_queries(
        client, bare.get_absolute_url()
    )
    assert "© Sputnik / Ivan Petrov" in client.get(pictured.get_absolute_url()).text


@pytest.mark.parametrize("n_articles", [1, 30])
def test_feed_with_images_is_flat(
    client, section, photo, n_articles, django_assert_max_num_queries
):
    make_many(section, n_articles, image=photo)
    client.get("/feeds/rss/")
    Article.objects.update(lead="changed")  # no bump: the same cache state

    with django_assert_max_num_queries(8):
        response = client.get("/feeds/sections/" + section.slug + "/rss/")
    assert response.content.count(b"<enclosure") == n_articles


def test_author_page_with_a_photo_costs_what_one_without_does(client, photo):
    bare = make_author()
    pictured = make_author(photo=photo)

    assert cold_queries(client, pictured.get_absolute_url()) == cold_queries(
        client, bare.get_absolute_url()
    )
