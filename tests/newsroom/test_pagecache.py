"""The anonymous page cache (issue 9 item 1): what it serves, to whom, and
what it never stores."""

import pytest
from django.test import Client

from articles import cachekeys
from articles.models import Article
from newsroom import freshness
from tests.factories import make_article, make_section, make_user

from .pagecache_urls import SHOWN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_a_hit_is_answered_with_no_query(client, django_assert_num_queries):
    article = make_article(title="Summit opens")
    first = client.get("/")

    with django_assert_num_queries(0):
        again = client.get("/")

    assert first["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    assert again.status_code == 200
    assert again.content == first.content
    assert article.title in again.content.decode()


@pytest.mark.parametrize(
    "page",
    [
        lambda a: a.get_absolute_url(),
        lambda a: a.section.get_absolute_url(),
        lambda a: "/tags/nato/",
        lambda a: "/newsfeed/",
        lambda a: "/feeds/rss/",
        lambda a: "/search/?q=summit",
        lambda a: "/sitemap-news-en.xml",
        lambda a: "/robots.txt",
        lambda a: "/ru/",
    ],
)
def test_every_kind_of_reader_page_is_a_hit_with_no_query(
    client, page, django_assert_num_queries
):
    url = page(make_article(title="Summit opens", tags=["NATO"]))
    assert client.get(url).status_code == 200

    with django_assert_num_queries(0):
        response = client.head(url)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_a_page_is_rendered_again_once_a_key_it_showed_is_bumped(client):
    article = make_article(title="Summit opens")
    client.get("/")
    Article.objects.filter(pk=article.pk).update(title="Summit closes")

    cached = client.get("/").content.decode()
    freshness.bump_now([cachekeys.section(article.section_id + 1000)])
    unrelated = client.get("/").content.decode()
    freshness.bump_now([cachekeys.edition("en")])
    fresh = client.get("/").content.decode()

    assert "Summit opens" in cached and "Summit opens" in unrelated
    assert "Summit closes" in fresh


def test_parameters_outside_the_views_own_do_not_make_entries(
    client, django_assert_num_queries
):
    section = make_section()
    make_article(section=section)
    url = section.get_absolute_url()
    client.get(f"{url}?utm_source=newsletter")

    with django_assert_num_queries(0):
        for query in ["", "?utm_source=x&utm_medium=y", "?fbclid=abc&page=1x"[:12]]:
            assert client.get(url + query)["X-Page-Cache"] == "hit"
    assert client.get(f"{url}?page=2")["X-Page-Cache"] == "miss"


def test_the_key_holds_the_host_and_the_language(client):
    make_article(title="Summit opens")
    make_article(title="Саммит открылся", section=make_section(language="ru"))
    client.get("/")

    assert client.get("/", HTTP_HOST="127.0.0.1")["X-Page-Cache"] == "miss"
    russian = client.get("/ru/")
    assert russian["X-Page-Cache"] == "miss"
    assert "Саммит открылся" in russian.content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_a_logged_in_reader_gets_a_fresh_private_page(client, settings):
    # Shared fragments would hide the unbumped change from everyone.
    settings.FRAGMENT_CACHE = False
    article = make_article(title="Summit opens")
    client.get("/")
    Article.objects.filter(pk=article.pk).update(title="Summit closes")
    reader = Client()
    reader.force_login(make_user())

    response = reader.get("/")

    assert "Summit closes" in response.content.decode()
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert "xkey" not in response
    # Anonymous readers still share the page stored before.
    assert "Summit opens" in client.get("/").content.decode()


def test_staff_get_fresh_private_pages(admin_client, settings):
    settings.FRAGMENT_CACHE = False
    article = make_article(title="Summit opens")
    Client().get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(title="Summit closes")

    response = admin_client.get(article.get_absolute_url())

    assert "Summit closes" in response.content.decode()
    assert response["Cache-Control"].startswith("private")


@pytest.mark.parametrize("status", [404, 410])
def test_not_found_and_gone_answers_are_never_stored(
    client, status, django_assert_max_num_queries
):
    article = make_article()
    url = article.get_absolute_url() if status == 410 else "/world/no-such-story/"
    if status == 410:
        Article.objects.filter(pk=article.pk).update(status=Article.Status.UNPUBLISHED)

    first, second = client.get(url), client.get(url)

    assert first.status_code == second.status_code == status
    assert "X-Page-Cache" not in second
    assert "private" in second["Cache-Control"]


@pytest.mark.urls("tests.newsroom.pagecache_urls")
@pytest.mark.parametrize(
    "url", ["/cookie/", "/csrf/", "/nonce/", "/private/", "/raced/", "/gone/"]
)
def test_answers_holding_anything_per_user_are_never_stored(client, url):
    first = client.get(url)
    second = Client().get(url)

    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert "public" not in second["Cache-Control"]


@pytest.mark.urls("tests.newsroom.pagecache_urls")
def test_a_page_of_the_test_views_is_stored_and_bumped(client):
    assert client.get("/shown/")["X-Page-Cache"] == "miss"
    assert client.get("/shown/")["X-Page-Cache"] == "hit"
    assert client.get("/shown/?p=2").content == b"version 2"

    freshness.bump_now([SHOWN])

    assert client.get("/shown/")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_session_or_waiting_messages_bypass_the_cache(client, cookie):
    make_article()
    client.get("/")
    client.cookies[cookie] = "not-a-session"

    response = client.get("/")

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_the_setting_turns_off_the_page_cache_only(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE = False
    make_article(title="Summit opens")
    client.get("/")

    # The shared fragments stay: the warm page costs the few queries left.
    with django_assert_max_num_queries(4):
        response = client.get("/")

    assert response["X-Page-Cache"] == "miss"
    assert response["Cache-Control"].startswith("public")
    assert "ETag" in response
