"""The credit readers see, where they see it, and that fixing it once in
the library fixes every page, feed and JSON-LD using the image."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import (
    image_upload,
    make_article,
    make_author,
    make_image,
    make_section,
)
from tests.invalidation import Reader
from tests.mediabank.test_admin import library_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Reader()


@pytest.fixture
def photo(db):
    return make_image(
        title="Summit",
        alt="Two men shake hands.",
        caption="Leaders at the summit.",
        photographer="Ivan Petrov",
        copyright_holder="Sputnik",
    )


@pytest.fixture
def stories(photo):
    """Three published stories and a draft using the same library photo."""
    world = make_section(name="World", slug="world")
    used = [
        make_article(section=world, image=photo, tags=["Gas"], authors=[make_author()])
        for _ in range(3)
    ]
    make_article(section=world, image=photo, status="draft", slug="draft-story")
    return used


def figure_of(html):
    return BeautifulSoup(html, "html.parser").select_one(".article__figure")


@pytest.mark.parametrize(
    ("holder", "photographer", "shown"),
    [
        ("Sputnik", "Ivan Petrov", "© Sputnik / Ivan Petrov"),
        ("Sputnik", "", "© Sputnik"),
        ("", "Ivan Petrov", "© Ivan Petrov"),
        ("", "", None),
    ],
)
def test_the_credit_reads_holder_then_photographer(client, holder, photographer, shown):
    image = make_image(copyright_holder=holder, photographer=photographer)
    article = make_article(image=image)

    figure = figure_of(client.get(article.get_absolute_url()).content)

    credit = figure.select_one(".article__credit")
    assert (credit.text if credit else None) == shown


def test_the_story_caption_wins_over_the_library_caption(client, photo):
    mine = make_article(image=photo, image_caption="The two leaders in Brussels.")
    theirs = make_article(image=photo)

    mine_figure = figure_of(client.get(mine.get_absolute_url()).content)
    theirs_figure = figure_of(client.get(theirs.get_absolute_url()).content)

    assert "The two leaders in Brussels." in mine_figure.figcaption.text
    assert "Leaders at the summit." in theirs_figure.figcaption.text
    assert mine_figure.img["alt"] == "Two men shake hands."


def test_the_credit_links_to_the_media_bank_when_configured(client, photo, settings):
    settings.MEDIABANK_URL_TEMPLATE = "https://mediabank.example.com/photo/{id}/"
    article = make_article(image=photo)

    figure = figure_of(client.get(article.get_absolute_url()).content)

    link = figure.select_one(".article__credit a")
    assert link["href"] == f"https://mediabank.example.com/photo/{photo.pk}/"
    assert link.text == "© Sputnik / Ivan Petrov"


def test_without_the_setting_the_credit_is_plain_text(client, photo, settings):
    settings.MEDIABANK_URL_TEMPLATE = ""
    article = make_article(image=photo)

    figure = figure_of(client.get(article.get_absolute_url()).content)

    assert figure.select_one(".article__credit a") is None


def test_json_ld_credits_the_photographer_and_the_holder(client, photo):
    article = make_article(image=photo)

    soup = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")

    data = [
        json.loads(script.string)
        for script in soup.select("script[type='application/ld+json']")
    ]
    image = next(d for d in data if d.get("@type") == "NewsArticle")["image"]
    assert image["creator"] == {"@type": "Person", "name": "Ivan Petrov"}
    assert image["copyrightHolder"] == {"@type": "Organization", "name": "Sputnik"}
    assert image["creditText"] == "© Sputnik / Ivan Petrov"
    assert image["caption"] == "Leaders at the summit."


def test_fixing_a_credit_once_fixes_every_story_feed_and_json_ld(
    visitor, admin_client, stories, photo
):
    pages = [story.get_absolute_url() for story in stories]
    visitor.warm([*pages, "/", reverse("articles:feed")])
    assert visitor.pages_showing("Ivan Petrov", pages) == pages

    response = admin_client.post(
        reverse("admin:mediabank_image_change", args=[photo.pk]),
        library_form(
            title="Summit",
            photographer="Pyotr Ivanov",
            alt="Two leaders shake hands at the summit.",
        ),
    )

    assert response.status_code == 302
    assert visitor.pages_showing("Ivan Petrov", pages) == []
    assert visitor.pages_showing("© Sputnik / Pyotr Ivanov", pages) == pages
    assert visitor.pages_showing('"creditText": "© Sputnik / Pyotr Ivanov"', pages)
    assert visitor.pages_showing("Two leaders shake hands at the summit.", pages) == (
        pages
    )


def test_a_library_change_bumps_the_pages_of_its_stories_and_lists(
    stories, photo, django_capture_on_commit_callbacks
):
    from newsroom import freshness

    bumped = []
    original = freshness.bump
    freshness.bump = lambda *keys: bumped.extend(keys)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            photo.alt = "Fixed"
            photo.save()
    finally:
        freshness.bump = original

    draft = photo.articles.get(status="draft")
    assert set(bumped) == {
        *(f"article:{story.pk}" for story in stories),
        f"article:{draft.pk}",
        "edition:en",
    }


def test_a_changed_author_photo_reaches_the_author_page(visitor, admin_client):
    photo = make_image(alt="Portrait", photographer="Anna Smirnova")
    author = make_author(photo=photo)
    page = author.get_absolute_url()
    visitor.warm([page])

    admin_client.post(
        reverse("admin:mediabank_image_change", args=[photo.pk]),
        library_form(file=image_upload(size=(300, 300))),
    )

    photo.refresh_from_db()
    assert photo.width == 300
    assert photo.renditions["sizes"][-1][3] in visitor.text(page)
