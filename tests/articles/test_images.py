import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.images import crop_box, refresh_renditions
from articles.models import Author
from mediabank.models import Image as LibraryImage
from tests.factories import image_upload, make_article, make_author, make_image

pytestmark = pytest.mark.django_db


def stored(name):
    return Path(settings.MEDIA_ROOT) / name


def size_of(name):
    with Image.open(stored(name)) as image:
        return image.size, image.format


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_admin_upload_makes_every_width_in_jpeg_and_webp(client, section, editor):
    client.force_login(editor)
    from tests.mediabank.test_admin import ADD_URL, library_form

    client.post(ADD_URL, library_form(file=image_upload(size=(2000, 1000))))

    sizes = LibraryImage.objects.get().renditions["sizes"]
    assert [(w, h) for w, h, _, _ in sizes] == [
        (320, 160),
        (640, 320),
        (1024, 512),
        (1600, 800),
    ]
    for width, height, jpeg, webp in sizes:
        assert size_of(jpeg) == ((width, height), "JPEG")
        assert size_of(webp) == ((width, height), "WEBP")
        assert jpeg.startswith("renditions/")


def test_small_images_are_never_upscaled(section):
    article = make_article(section=section, image=image_upload(size=(500, 250)))

    record = refresh_renditions(obj=article)

    assert [(w, h) for w, h, _, _ in record["sizes"]] == [(320, 160), (500, 250)]
    assert record["social"]["16:9"][:2] == [444, 250]


def test_social_crops_are_1200_wide_around_the_focal_point(section):
    article = make_article(
        section=section,
        image=image_upload(size=(2400, 1600)),
        image_focal_x=0,
        image_focal_y=100,
    )

    record = refresh_renditions(obj=article)

    assert {ratio: crop[:2] for ratio, crop in record["social"].items()} == {
        "16:9": [1200, 675],
        "4:3": [1200, 900],
        "1:1": [1200, 1200],
    }
    for width, height, name in record["social"].values():
        assert size_of(name) == ((width, height), "JPEG")
    url = article.social_image_url("1:1")
    assert url == settings.MEDIA_URL + record["social"]["1:1"][2]
    assert article.social_image_url("4:3").endswith("-4x3-0-100.jpg")


@pytest.mark.parametrize(
    ("size", "ratio", "focal", "box"),
    [
        ((2400, 1600), 16 / 9, (0.5, 0.5), (0, 125, 2400, 1475)),
        ((2400, 1600), 16 / 9, (0.5, 1.0), (0, 250, 2400, 1600)),
        ((2400, 1600), 1.0, (0.0, 0.5), (0, 0, 1600, 1600)),
        ((2400, 1600), 1.0, (0.6, 0.5), (640, 0, 2240, 1600)),
        ((2400, 1600), 1.0, (1.0, 0.0), (800, 0, 2400, 1600)),
    ],
)
def test_crop_box_follows_the_focal_point_within_the_edges(size, ratio, focal, box):
    assert crop_box(*size, ratio, focal) == box


def test_changing_the_focal_point_in_the_admin_recrops(client, section, editor):
    article = make_article(section=section, image=image_upload(size=(1600, 900)))
    refresh_renditions(obj=article)
    client.force_login(editor)
    from tests.mediabank.test_admin import library_form

    response = client.post(
        reverse("admin:mediabank_image_change", args=[article.image.pk]),
        library_form(focal_x="10", focal_y="20", alt="A field"),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.image.renditions["focal"] == [0.1, 0.2]
    assert article.social_image_url("16:9").endswith("-16x9-10-20.jpg")


def test_article_page_serves_picture_with_srcset_and_size(client, section):
    article = make_article(
        section=section, image=image_upload(size=(1200, 800)), image_alt="A pier"
    )
    refresh_renditions(obj=article)

    soup = soup_of(client.get(article.get_absolute_url()))

    picture = soup.select_one(".article__figure picture")
    source = picture.find("source")
    assert source["type"] == "image/webp"
    assert [c.split()[1] for c in source["srcset"].split(", ")] == [
        "320w",
        "640w",
        "1024w",
        "1200w",
    ]
    img = picture.find("img")
    assert (img["width"], img["height"]) == ("1200", "800")
    assert img["alt"] == "A pier"
    assert img["loading"] == "eager"
    assert img["sizes"]


def test_cards_below_the_fold_load_lazily_and_the_top_story_eagerly(client, section):
    for _ in range(3):
        refresh_renditions(
            obj=make_article(section=section, image=image_upload(size=(800, 450)))
        )

    soup = soup_of(client.get("/"))

    top = soup.select_one(".home__top .card img")
    assert top["loading"] == "eager"
    others = soup.select(".home__section .card img")
    assert others
    assert {img["loading"] for img in others} == {"lazy"}
    assert all(img.get("width") and img.get("height") for img in others)


def test_renditions_are_made_lazily_once_then_read_no_files(
    client, section, monkeypatch, django_assert_num_queries
):
    article = make_article(section=section, image=image_upload(size=(800, 450)))
    assert article.image.renditions == {}

    client.get(section.get_absolute_url())  # first render makes them

    article.refresh_from_db()
    assert len(article.image.renditions["sizes"]) == 3

    def no_disk(*args, **kwargs):
        raise AssertionError("rendering touched the file system")

    monkeypatch.setattr(FileSystemStorage, "open", no_disk)
    monkeypatch.setattr(FileSystemStorage, "exists", no_disk)
    cache.clear()  # the card is rendered again, from the stored record
    # section, count, the page's ids, the card's row, bylines, banner, menu,
    # the edition's next time boundary, newsfeed: no writes
    with django_assert_num_queries(11):
        soup = soup_of(client.get(section.get_absolute_url()))
    assert soup.select_one(".card picture img")["src"].startswith("/media/renditions/")


def test_image_deleted_from_disk_falls_back_to_the_placeholder(client, section):
    article = make_article(section=section, image=image_upload(size=(800, 450)))
    stored(article.image.file.name).unlink()

    for url in [article.get_absolute_url(), "/", section.get_absolute_url()]:
        soup = soup_of(client.get(url))
        assert "img/placeholder.svg" in soup.select_one("img.image--placeholder")["src"]
    # refresh_from_db() would re-read the missing file's dimensions.
    record = LibraryImage.objects.values_list("renditions", flat=True).get()
    assert "error" in record


def test_corrupt_image_file_falls_back_to_the_placeholder(client, section):
    article = make_article(section=section, image=image_upload(size=(800, 450)))
    stored(article.image.file.name).write_bytes(b"\xff\xd8\xff not really a jpeg")

    soup = soup_of(client.get(article.get_absolute_url()))

    img = soup.select_one(".article__figure img")
    assert "img/placeholder.svg" in img["src"]
    assert (img["width"], img["height"]) == ("1600", "900")


def test_truncated_image_file_falls_back_to_the_placeholder(client, section):
    buffer = io.BytesIO()
    Image.new("RGB", (800, 450), "red").save(buffer, "PNG")
    upload = SimpleUploadedFile("cut.png", buffer.getvalue()[:200], "image/png")
    article = make_article(section=section, image=upload)

    soup = soup_of(client.get(article.get_absolute_url()))

    assert soup.select_one(".article__figure img.image--placeholder") is not None


def test_author_photo_gets_renditions_from_the_admin(client, editor):
    client.force_login(editor)
    photo = make_image(file=image_upload(size=(400, 400)))

    response = client.post(
        reverse("admin:articles_author_add"),
        {
            "name": "Anna Smirnova",
            "slug": "anna-smirnova",
            "bio": "Writes news.",
            "photo": photo.pk,
        },
    )

    assert response.status_code == 302
    author = Author.objects.get(slug="anna-smirnova")
    soup = soup_of(client.get(author.get_absolute_url()))
    photo.refresh_from_db()
    assert [s[0] for s in photo.renditions["sizes"]] == [320, 400]
    img = soup.select_one(".author-header__photo picture img")
    assert img["alt"] == "Anna Smirnova"


def test_author_without_photo_shows_no_image(client):
    author = make_author()

    soup = soup_of(client.get(author.get_absolute_url()))

    assert soup.select_one(".author-header__photo") is None
