from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Article
from tests import reference
from tests.factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db


def page_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, " ".join(soup.get_text(" ").split())


def test_reference_article_renders_every_block_in_order(client, reference_article):
    response = client.get(reference_article.get_absolute_url())

    soup, text = page_text(response)
    assert response.status_code == 200
    assert soup.title.get_text() == f"{reference.TITLE} - Sputnik International"
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [reference.TITLE]
    first_paragraph = soup.select_one(".article__body p")
    assert " ".join(first_paragraph.get_text().split()) == (
        reference.DATELINE + reference.PARAGRAPHS[0]
    )
    body = [" ".join(p.get_text().split()) for p in soup.select(".article__body p")]
    assert body[1:] == reference.PARAGRAPHS[1:]
    expected_order = [
        "Sputnik International",
        reference.SECTION_NAME,
        reference.SECTION_DESCRIPTION,
        reference.TITLE,
        "Subscribe",
        reference.LEAD,
        reference.DATELINE + reference.PARAGRAPHS[0],
        *reference.PARAGRAPHS[1:],
        "Newsfeed",
        "0",
        "To participate in the discussion log in or register",
        "Chats",
        "Title of the opened material",
    ]
    positions = []
    start = 0
    for block in expected_order:
        found = text.find(block, start)
        assert found >= 0, f"{block!r} missing or out of order"
        positions.append(found)
        start = found + len(block)


def test_section_header_links_to_section_and_subscribe_offers_its_feed(
    client, reference_article
):
    response = client.get(reference_article.get_absolute_url())

    soup, _ = page_text(response)
    assert soup.select_one(".section-header__name a")["href"] == "/russia/"
    subscribe = soup.select_one(".subscribe__button")
    assert subscribe["href"] == "/subscriptions/section/russia/"
    assert client.get(subscribe["href"]).status_code == 200
    feed = soup.select_one(".subscribe__feed")
    assert feed["href"] == "/feeds/sections/russia/rss/"
    assert client.get(feed["href"]).status_code == 200


def test_discussion_gate_links_to_working_login_and_register_pages(
    client, reference_article
):
    response = client.get(reference_article.get_absolute_url())

    soup, _ = page_text(response)
    gate = soup.select_one(".discussion__gate")
    links = {a.get_text(): a["href"] for a in gate.find_all("a")}
    assert set(links) == {"log in", "register"}
    for href in links.values():
        assert "next=/russia/nato-head" in href
        assert client.get(href).status_code == 200


def test_tags_bylines_and_times_are_shown(client, section):
    author = make_author(name="Anna Smirnova", slug="anna-smirnova")
    published = timezone.now() - timedelta(hours=2)
    article = make_article(
        section=section,
        tags=["Energy"],
        authors=[author],
        published_at=published,
        updated_at=published + timedelta(hours=1),
    )

    soup, _ = page_text(client.get(article.get_absolute_url()))

    assert soup.select_one("a[rel=tag]")["href"] == "/tags/energy/"
    assert soup.select_one(".byline a")["href"] == "/authors/anna-smirnova/"
    times = soup.select(".article__times time")
    assert len(times) == 2
    # Whole seconds: the HTML checker takes at most three fraction digits.
    assert times[0]["datetime"] == timezone.localtime(published).isoformat(
        timespec="seconds"
    )


def test_empty_blocks_are_left_out(client, section):
    article = make_article(section=section, updated_at=None)

    soup, _ = page_text(client.get(article.get_absolute_url()))

    for selector in [".byline", ".tags", ".article__figure", ".dateline"]:
        assert soup.select_one(selector) is None, selector
    assert len(soup.select(".article__times time")) == 1


@pytest.mark.parametrize(
    "overrides",
    [
        lambda: {"status": Article.Status.DRAFT, "published_at": None},
        # Computed when the test runs: at collection, a slow suite could
        # reach the test after the minute has passed.
        lambda: {"published_at": timezone.now() + timedelta(hours=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_articles_are_404_for_the_public(client, section, overrides):
    article = make_article(section=section, **overrides())
    url = f"/{section.slug}/{article.slug}/"

    assert client.get(url).status_code == 404
    client.force_login(make_user())
    assert client.get(url).status_code == 404
    assert article.title not in client.get("/").content.decode()


def test_preview_is_for_staff_only(client, section, editor):
    draft = make_article(
        section=section, status=Article.Status.DRAFT, published_at=None
    )
    url = f"/preview/{draft.pk}/"

    assert client.get(url).status_code == 404
    client.force_login(make_user())
    assert client.get(url).status_code == 404
    client.force_login(make_user(is_staff=True))  # staff, but no permission
    assert client.get(url).status_code == 404

    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert draft.title in response.content.decode()
    assert (
        '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    )


def test_anonymous_get_sets_no_cookie(client, reference_article):
    for url in ["/", "/russia/", reference_article.get_absolute_url(), "/newsfeed/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert response.cookies == {}, url


@pytest.mark.parametrize(("n_newsfeed", "n_tags"), [(5, 0), (500, 50)])
def test_article_page_query_count_is_flat(
    client, section, n_newsfeed, n_tags, django_assert_num_queries
):
    author = make_author()
    article = make_article(
        section=section, tags=[f"tag-{i}" for i in range(n_tags)], authors=[author]
    )
    Article.objects.bulk_create(
        Article(
            title=f"Feed {i}",
            slug=f"feed-{i}",
            section=section,
            lead="l",
            body="<p>b</p>",
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=1, minutes=i),
        )
        for i in range(n_newsfeed)
    )

    # cold: article+section, bylines+authors, tags, corrections, its
    # translations, related articles (the section's newest, shared-tag
    # counts, the candidates, their bylines), breaking banner, section menu,
    # the edition's next time boundary, newsfeed, discussion (its counter and
    # the page count of its threads), chat messages, its live story (none),
    # its gallery (none)
    with django_assert_num_queries(20):
        client.get(article.get_absolute_url())
    # warm: none; the article's row (with its section) and the rest (chat
    # history too) from the fragment cache
    with django_assert_num_queries(0):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200


def test_russian_article_page_shows_russian_interface(client, russian_reference):
    response = client.get(russian_reference.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru">' in html
    assert "Заголовок открываемого материала" in html
    assert "Лента новостей" in html
    assert "26 января" in html
