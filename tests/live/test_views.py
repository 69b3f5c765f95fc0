"""A live story on its article's page: posts newest first, each with its
anchor and time, paged at a constant cost, with LiveBlogPosting JSON-LD;
never shown for an article the public may not read."""

import json
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from live import services
from live.models import LivePost
from tests.factories import make_article
from tests.invalidation import Reader
from tests.live.conftest import NOT_PUBLIC, library_photo, post
from tests.mediabank.test_admin import library_form

pytestmark = pytest.mark.django_db


def json_ld(html, kind):
    for block in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html
    ):
        data = json.loads(block)
        if data.get("@type") == kind:
            return data
    return None


def test_posts_show_newest_first_with_anchor_and_time(client, story):
    old = post(story, "First: delegations arrive.")
    LivePost.objects.filter(pk=old.pk).update(
        posted_at=timezone.now() - timedelta(minutes=5)
    )
    new = post(story, "Second: talks begin.")

    html = client.get(story.get_absolute_url()).content.decode()

    assert html.index("Second: talks begin") < html.index("First: delegations")
    assert f'id="post-{new.pk}"' in html
    assert f'href="#post-{new.pk}"' in html
    assert '<time datetime="' in html
    assert f'data-live-socket="/ws/live/{story.pk}/?lang=en"' in html


def test_each_kind_renders(client, story, photo):
    post(story, "Not a step back.", kind="quote", quote_author="A. Minister")
    post(story, "", kind="link", link_url="https://example.com/x", link_title="Doc")
    post(story, "Seats fill up.", kind="image", image=photo)

    html = client.get(story.get_absolute_url()).content.decode()

    assert "<blockquote><p>Not a step back.</p></blockquote>" in html
    assert "— A. Minister" in html
    assert '<a href="https://example.com/x" rel="noopener">Doc</a>' in html
    figure = BeautifulSoup(html, "html.parser").select_one(".live-post__figure")
    img = figure.select_one("picture img")
    assert img["alt"] == "The conference hall."
    assert (img["width"], img["height"]) == ("64", "48")
    assert img["loading"] == "lazy"
    assert "renditions/" in img["src"] and img["srcset"]
    assert "Delegates take their seats." in figure.figcaption.text
    assert figure.select_one(".article__credit").text == "© Sputnik / Ivan Petrov"


def test_image_post_json_ld_credits_the_library_image(client, story, photo):
    post(story, "Seats fill up.", kind="image", image=photo)

    html = client.get(story.get_absolute_url()).content.decode()
    image = json_ld(html, "LiveBlogPosting")["liveBlogUpdate"][0]["image"]

    assert image["@type"] == "ImageObject"
    assert image["url"].endswith(photo.file.url)
    assert image["creditText"] == "© Sputnik / Ivan Petrov"


def test_article_without_story_shows_no_live_section(client):
    article = make_article()

    html = client.get(article.get_absolute_url()).content.decode()

    assert 'id="live"' not in html


def test_long_blog_pages_with_older_posts_link(client, story, settings):
    settings.LIVE_POSTS_PER_PAGE = 3
    for i in range(5):
        made = post(story, f"Update number {i}.")
        LivePost.objects.filter(pk=made.pk).update(
            posted_at=timezone.now() - timedelta(minutes=10 - i)
        )

    first = client.get(story.get_absolute_url()).content.decode()
    second = client.get(story.get_absolute_url() + "?page=2").content.decode()
    bad = client.get(story.get_absolute_url() + "?page=zzz")

    assert "Update number 4." in first and "Update number 1." not in first
    assert 'rel="next" href="?page=2"' in first
    assert "Update number 1." in second and "Update number 4." not in second
    # Only the first page takes new posts live.
    assert "data-live-socket" not in second
    assert bad.status_code == 200


@pytest.mark.parametrize("n_posts", [1, 45])
def test_live_page_queries_are_constant(
    client, story, n_posts, settings, django_assert_num_queries
):
    settings.FRAGMENT_CACHE = False
    for i in range(n_posts):
        post(story, f"Update {i}.")
        if i % 2 == 0:
            # Every other post an image post, each with its own picture.
            post(story, "", kind="image", image=library_photo(title=f"Photo {i}"))
    settings.LIVE_POSTS_PER_PAGE = 20

    # With the fragment cache off, an article page costs 20 queries (its
    # gallery included); the live story adds 3 whatever its length: the
    # story, the count, a page of posts with their authors and images.
    with django_assert_num_queries(23):
        client.get(story.get_absolute_url())
    with django_assert_num_queries(23):
        client.get(story.get_absolute_url() + "?page=2")


def test_live_block_costs_no_query_from_the_fragment_cache(
    client, story, django_assert_num_queries
):
    post(story)
    client.get(story.get_absolute_url())

    # As any article page: none (the article's row and its chat room's
    # history are cached blocks too).
    with django_assert_num_queries(0):
        client.get(story.get_absolute_url())


def test_json_ld_live_blog_posting(client, story):
    made = post(story, "Talks begin.")

    html = client.get(story.get_absolute_url()).content.decode()
    data = json_ld(html, "LiveBlogPosting")

    assert data["headline"] == "Summit live"
    assert data["coverageStartTime"].startswith(str(story.started_at.year))
    assert "coverageEndTime" not in data
    update = data["liveBlogUpdate"][0]
    assert update["@type"] == "BlogPosting"
    assert update["articleBody"] == "Talks begin."
    assert update["url"].endswith(f"#post-{made.pk}")


def test_closed_story_says_coverage_ended_and_has_no_socket(client, story):
    post(story)
    services.close_story(story=story)

    html = client.get(story.get_absolute_url()).content.decode()

    assert "The live coverage ended on" in html
    assert "data-live-socket" not in html
    assert "coverageEndTime" in html


@NOT_PUBLIC
def test_unpublished_live_story_is_not_shown(client, overrides):
    story = services.start_live_story(article=make_article(**overrides))
    post(story, "Secret update.")

    response = client.get(story.get_absolute_url())

    assert response.status_code == 404
    assert b"Secret update." not in response.content


@NOT_PUBLIC
def test_an_image_only_in_an_unpublished_story_is_shown_nowhere(
    client, overrides, photo
):
    story = services.start_live_story(article=make_article(**overrides))
    post(story, "", kind="image", image=photo)
    make_article(title="A public story")
    public = ["/", "/newsfeed/", "/feeds/rss/", "/feeds/atom/", "/sitemap.xml"]
    public += [story.get_absolute_url(), f"{story.get_absolute_url()}gallery/1/"]

    pages = {url: client.get(url) for url in public}

    assert [url for url, page in pages.items() if page.status_code == 200] == (
        public[:5]
    )
    for url, page in pages.items():
        html = page.content.decode()
        assert photo.file.url not in html, url
        assert photo.renditions["sizes"][0][2] not in html, url
        assert "Ivan Petrov" not in html, url


def test_anonymous_reader_sees_a_new_post_edit_and_delete_on_next_request(
    page_cache, story, django_capture_on_commit_callbacks
):
    reader = Reader()
    url = story.get_absolute_url()
    reader.warm([url])

    with django_capture_on_commit_callbacks(execute=True):
        made = post(story, "Breaking: agreement signed.")
    assert "Breaking: agreement signed." in reader.text(url)

    with django_capture_on_commit_callbacks(execute=True):
        services.edit_post(post=made, body="Breaking: agreement initialled.")
    assert "agreement initialled" in reader.text(url)

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_post(post=made)
    assert "agreement initialled" not in reader.text(url)

    with django_capture_on_commit_callbacks(execute=True):
        services.close_story(story=story)
    assert "The live coverage ended on" in reader.text(url)


def test_a_library_fix_reaches_the_live_story_page(
    page_cache, story, photo, admin_client
):
    post(story, "", kind="image", image=photo)
    reader = Reader()
    url = story.get_absolute_url()
    reader.warm([url])

    admin_client.post(
        reverse("admin:mediabank_image_change", args=[photo.pk]),
        library_form(caption="A better caption", photographer="Anna Smirnova"),
    )

    html = reader.text(url)
    assert "A better caption" in html
    assert "© Sputnik / Anna Smirnova" in html


def test_feeds_and_newsfeed_list_the_story_once_where_it_was_published(client, story):
    later = make_article(title="A later story", published_at=timezone.now())
    for i in range(3):
        post(story, f"Update {i}.")
    story.article.refresh_from_db()

    newsfeed = client.get("/newsfeed/").content.decode()
    feed = client.get("/feeds/atom/").content.decode()

    assert newsfeed.count("Summit live") == 1
    assert newsfeed.count('class="newsfeed__live"') == 1
    updated = timezone.localtime(story.article.updated_at)
    assert '<span class="live__badge">Live</span> Updated <time datetime="' in newsfeed
    assert f">{updated:%H:%M}</time></span>" in newsfeed
    # No reordering: the later story stays above the live one.
    assert newsfeed.index(later.title) < newsfeed.index("Summit live")
    assert feed.count("<title>Summit live</title>") == 1
    assert feed.index(later.title) < feed.index("Summit live")
    entry = feed[feed.index("<title>Summit live</title>") :].split("</entry>")[0]
    published = re.search(r"<published>(.*?)</published>", entry).group(1)
    updated = re.search(r"<updated>(.*?)</updated>", entry).group(1)
    assert updated > published


def test_newsfeed_says_updated_without_live_once_coverage_ended(client, story):
    post(story)
    services.close_story(story=story)

    newsfeed = client.get("/newsfeed/").content.decode()

    assert 'class="newsfeed__live">Updated <time' in newsfeed
    assert "live__badge" not in newsfeed
