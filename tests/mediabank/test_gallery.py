"""Galleries: library images in order after the lead, each at its own
address without JavaScript, never for an article readers may not see."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from articles.images import refresh_renditions
from mediabank.models import GalleryItem
from tests.desk.test_admin import article_form
from tests.factories import make_article, make_image, make_section
from tests.invalidation import Reader
from tests.mediabank.test_admin import library_form
from tests.mediabank.test_pages import cold_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Reader()


def gallery_of(article, n, **image_fields):
    """`n` library images in `article`'s gallery, renditions made."""
    items = []
    for i in range(n):
        image = make_image(title=f"Photo {i + 1}", caption=f"Library caption {i + 1}")
        refresh_renditions(obj=image)
        items.append(
            GalleryItem.objects.create(article=article, image=image, position=i)
        )
    return items


def gallery_url(article, n):
    return f"{article.get_absolute_url()}gallery/{n}/"


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_gallery_follows_the_lead_with_a_counter(client, section):
    article = make_article(section=section, image=make_image())
    items = gallery_of(article, 3)
    items[1].caption = "This story's own caption"
    items[1].save()

    soup = soup_of(client.get(article.get_absolute_url()))

    figure = soup.select_one(".article__figure")
    gallery = soup.select_one(".gallery")
    assert figure.find_next("section") == gallery
    slides = gallery.select(".gallery__slide")
    assert [s.select_one(".gallery__counter").text.split()[-1] for s in slides] == [
        "1/3",
        "2/3",
        "3/3",
    ]
    assert [s.has_attr("hidden") for s in slides] == [False, True, True]
    assert "This story's own caption" in slides[1].figcaption.text
    assert "Library caption 3" in slides[2].figcaption.text
    assert slides[0].select_one("a[rel=next]")["href"] == gallery_url(article, 2)
    assert slides[0].select_one("a[rel=prev]") is None


def test_each_picture_has_its_own_page_with_prev_next_and_canonical(client, section):
    article = make_article(section=section)
    gallery_of(article, 3)

    soup = soup_of(client.get(gallery_url(article, 2)))

    canonical = soup.select_one("link[rel=canonical]")["href"]
    assert canonical == "http://testserver" + article.get_absolute_url()
    shown = soup.select_one(".gallery__slide:not([hidden])")
    assert shown.select_one(".gallery__counter").text.split()[-1] == "2/3"
    assert shown.select_one("a[rel=prev]")["href"] == gallery_url(article, 1)
    assert shown.select_one("a[rel=next]")["href"] == gallery_url(article, 3)
    assert "Photo 2" not in soup.title.text  # the library title is not public
    assert article.title in soup.title.text


@pytest.mark.parametrize("n", [0, 4, 99])
def test_a_picture_outside_the_gallery_is_404(client, section, n):
    article = make_article(section=section)
    gallery_of(article, 3)

    assert client.get(gallery_url(article, n)).status_code == 404


def test_an_article_without_a_gallery_shows_none(client, section):
    article = make_article(section=section)

    soup = soup_of(client.get(article.get_absolute_url()))

    assert soup.select_one(".gallery") is None
    assert client.get(gallery_url(article, 1)).status_code == 404


@pytest.mark.parametrize(
    "state",
    [
        {"status": "draft", "published_at": None},
        {"published_at": timezone.now() + timedelta(days=1)},
        {"embargo_until": timezone.now() + timedelta(hours=1)},
        {"status": "unpublished"},
    ],
    ids=["draft", "scheduled", "embargoed", "taken-down"],
)
def test_gallery_pages_of_an_unreadable_article_are_404(client, section, state):
    article = make_article(section=section, **state)
    gallery_of(article, 2)

    assert client.get(gallery_url(article, 1)).status_code == 404


def test_image_gallery_json_ld_lists_every_picture(client, section):
    article = make_article(section=section)
    gallery_of(article, 2)

    soup = soup_of(client.get(article.get_absolute_url()))

    data = [
        json.loads(s.string) for s in soup.select("script[type='application/ld+json']")
    ]
    gallery = next(d for d in data if d["@type"] == "ImageGallery")
    assert gallery["url"] == "http://testserver" + article.get_absolute_url()
    assert [m["caption"] for m in gallery["associatedMedia"]] == [
        "Library caption 1",
        "Library caption 2",
    ]


@pytest.mark.parametrize("page", ["article", "gallery"])
def test_gallery_pages_cost_the_same_for_any_number_of_pictures(client, section, page):
    small, large = make_article(section=section), make_article(section=section)
    gallery_of(small, 1)
    gallery_of(large, 12)

    def url(article):
        return (
            article.get_absolute_url() if page == "article" else gallery_url(article, 1)
        )

    assert cold_queries(client, url(small)) == cold_queries(client, url(large))


def test_a_gallery_added_in_the_admin_reaches_the_reader(
    visitor, admin_client, section
):
    article = make_article(section=section, slug="gas-talks-resume")
    image = make_image(caption="Leaders at the summit")
    visitor.warm([article.get_absolute_url()])

    data = article_form(
        section,
        title=article.title,
        slug=article.slug,
        **{
            "gallery_items-TOTAL_FORMS": "1",
            "gallery_items-0-position": "0",
            "gallery_items-0-image": str(image.pk),
            "gallery_items-0-caption": "",
        },
    )
    response = admin_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), data
    )

    assert response.status_code == 302
    assert article.gallery_items.get().image == image
    assert "Leaders at the summit" in visitor.text(article.get_absolute_url())
    assert visitor.text(gallery_url(article, 1))


def test_a_library_fix_reaches_the_gallery_pages(visitor, admin_client, section):
    article = make_article(section=section)
    item = gallery_of(article, 1)[0]
    pages = [article.get_absolute_url(), gallery_url(article, 1)]
    visitor.warm(pages)

    admin_client.post(
        reverse("admin:mediabank_image_change", args=[item.image.pk]),
        library_form(caption="A better caption", photographer="Anna Smirnova"),
    )

    assert visitor.pages_showing("A better caption", pages) == pages
    assert visitor.pages_showing("Sputnik / Anna Smirnova", pages) == pages


def test_removing_a_picture_updates_the_counter(visitor, section):
    article = make_article(section=section)
    items = gallery_of(article, 3)
    visitor.warm([article.get_absolute_url()])

    with visitor_commits():
        items[2].delete()

    assert "1/2" in visitor.text(article.get_absolute_url())
    assert visitor.get(gallery_url(article, 3)).status_code == 404


def visitor_commits():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_galleries_of_the_other_edition_are_404(client):
    article = make_article(section=make_section(language="ru", slug="mir"))
    gallery_of(article, 1)

    assert client.get(f"/mir/{article.slug}/gallery/1/").status_code == 404
    assert client.get(gallery_url(article, 1)).status_code == 200
