"""The library's admin: uploads keep the checks, the list finds images,
the chooser endpoint answers staff who may view images and no one else."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from live.services import post_update, start_live_story
from mediabank.models import GalleryItem, Image
from tests.factories import image_upload, make_article, make_image, make_staff

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:mediabank_image_add")
CHANGELIST_URL = reverse("admin:mediabank_image_changelist")
CHOOSER_URL = reverse("admin:mediabank_image_chooser")


def library_form(**overrides):
    data = {
        "title": "Pier at dawn",
        "alt": "A wooden pier running into a calm grey sea.",
        "caption": "The pier at Yalta.",
        "photographer": "Ivan Petrov",
        "copyright_holder": "Sputnik",
        "source": "",
        "focal_x": "50",
        "focal_y": "50",
        "tags": "sea, Crimea",
    }
    data.update(overrides)
    return data


def test_an_editor_uploads_an_image_with_its_credit(client, editor):
    client.force_login(editor)

    response = client.post(ADD_URL, library_form(file=image_upload(size=(640, 480))))

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (640, 480)
    assert image.uploaded_by == editor
    assert image.credit == "© Sputnik / Ivan Petrov"
    assert sorted(image.tags.names()) == ["Crimea", "sea"]
    assert image.renditions["sizes"]


def test_the_stored_name_is_unguessable_and_keeps_no_upload_name(client, editor):
    client.force_login(editor)

    client.post(ADD_URL, library_form(file=image_upload("kremlin-visit.jpg")))
    client.post(ADD_URL, library_form(file=image_upload("kremlin-visit.jpg")))

    first, second = (image.file.name for image in Image.objects.all())
    assert "kremlin" not in first
    assert first.startswith("library/") and first.endswith(".jpg")
    assert len(first.rsplit("/", 1)[1]) >= 24
    assert first != second


def test_alt_text_is_required(client, editor):
    client.force_login(editor)

    response = client.post(ADD_URL, library_form(file=image_upload(), alt=""))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["alt"]
    assert not Image.objects.exists()


def test_non_image_upload_is_a_form_error(client, editor):
    client.force_login(editor)
    fake = SimpleUploadedFile("photo.jpg", b"not an image at all", "image/jpeg")

    response = client.post(ADD_URL, library_form(file=fake))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"]
    assert not Image.objects.exists()


def test_image_over_the_pixel_limit_is_a_form_error(client, editor, settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    client.force_login(editor)

    response = client.post(ADD_URL, library_form(file=image_upload(size=(200, 200))))

    assert response.status_code == 200
    assert "pixels" in str(response.context["adminform"].form.errors["file"])
    assert not Image.objects.exists()


def test_image_over_the_size_limit_is_a_form_error(client, editor, settings):
    settings.IMAGE_MAX_BYTES = 100
    client.force_login(editor)

    response = client.post(ADD_URL, library_form(file=image_upload()))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"]
    assert not Image.objects.exists()


def test_the_list_searches_title_caption_credit_and_tags(client, editor):
    pier = make_image(title="Pier", photographer="Ivan Petrov")
    make_image(title="Kremlin", caption="Red Square at night")
    pier.tags.add("Crimea")
    client.force_login(editor)

    for query in ["petrov", "crimea", "pier"]:
        response = client.get(CHANGELIST_URL, {"q": query})
        assert list(response.context["cl"].result_list) == [pier]
    response = client.get(CHANGELIST_URL, {"q": "square"})
    assert [i.title for i in response.context["cl"].result_list] == ["Kremlin"]


@pytest.mark.parametrize("n_images", [1, 30])
def test_the_list_costs_the_same_for_any_number_of_images(
    client, editor, n_images, django_assert_max_num_queries
):
    for _ in range(n_images):
        make_image()
    client.force_login(editor)
    client.get(CHANGELIST_URL)  # warm the session and permission caches

    with django_assert_max_num_queries(12):
        response = client.get(CHANGELIST_URL)

    assert response.status_code == 200
    assert response.content.count(b'class="library-thumbnail"') == n_images


def test_library_tags_are_not_public_tags(client):
    image = make_image()
    image.tags.add("Crimea")

    from taggit.models import Tag

    assert not Tag.objects.filter(name="Crimea").exists()
    assert client.get("/tags/crimea/").status_code == 404


@pytest.mark.parametrize("n_images", [1, 30])
def test_the_chooser_lists_matches_in_constant_queries(
    client, editor, n_images, django_assert_num_queries
):
    for n in range(n_images):
        make_image(title=f"Pier {n}")
    make_image(title="Kremlin")
    client.force_login(editor)
    client.get(CHOOSER_URL)

    # session, user, the user's and the groups' permissions, images
    with django_assert_num_queries(5):
        response = client.get(CHOOSER_URL, {"q": "pier"})

    soup = BeautifulSoup(response.content, "html.parser")
    picks = soup.select("button.image-chooser__pick")
    assert len(picks) == min(n_images, 24)
    assert all("Pier" in pick["data-title"] for pick in picks)


def test_the_chooser_finds_one_image_by_its_number(client, editor):
    image = make_image(title="Pier")
    make_image(title="Kremlin")
    client.force_login(editor)

    response = client.get(CHOOSER_URL, {"id": image.pk})

    soup = BeautifulSoup(response.content, "html.parser")
    assert [b["data-id"] for b in soup.select(".image-chooser__pick")] == [
        str(image.pk)
    ]


def test_an_author_may_use_the_chooser(client, author_user):
    make_image(title="Pier")
    client.force_login(author_user)

    response = client.get(CHOOSER_URL)

    assert response.status_code == 200
    assert b"Pier" in response.content


def test_staff_without_library_permission_are_refused(client):
    client.force_login(make_staff(groups=["Moderators"]))

    response = client.get(CHOOSER_URL)

    assert response.status_code == 403


def test_readers_are_sent_to_the_admin_login(client, reader):
    client.force_login(reader)

    response = client.get(CHOOSER_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_an_author_cannot_delete_a_library_image(client, author_user):
    image = make_image()
    client.force_login(author_user)

    response = client.post(
        reverse("admin:mediabank_image_delete", args=[image.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Image.objects.filter(pk=image.pk).exists()


def test_the_article_form_offers_the_chooser(client, editor, section):
    image = make_image(title="Pier")
    from tests.factories import make_article

    article = make_article(section=section, image=image)
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    chooser = soup.select_one(".image-chooser")
    assert chooser["data-chooser-url"] == CHOOSER_URL
    assert soup.select_one("input#id_image")["value"] == str(image.pk)
    assert chooser.select_one(".image-chooser__title").text == "Pier"
    assert chooser.select_one("a.image-chooser__upload")["href"].startswith(ADD_URL)


@pytest.mark.parametrize("n_images", [1, 30])
def test_used_in_stories_counts_main_images_galleries_and_live_posts_in_one_query(
    client, editor, n_images, django_assert_num_queries
):
    """Each image leads one story and sits in its gallery and its live
    blog, in another story's gallery and in a third story's live blog
    (a draft's): three stories. One query lists them, whatever their
    number."""
    unused = make_image()
    for _ in range(n_images):
        image = make_image()
        lead = make_article(image=image)
        GalleryItem.objects.create(article=lead, image=image, position=1)
        GalleryItem.objects.create(article=make_article(), image=image, position=1)
        for article in [lead, make_article(status="draft")]:
            live = start_live_story(article=article)
            post_update(story=live, author=None, kind="image", image=image)
    client.force_login(editor)
    client.get(CHANGELIST_URL)  # warm the session and permission caches

    with django_assert_num_queries(10):
        response = client.get(CHANGELIST_URL)

    page = BeautifulSoup(response.content, "html.parser")
    uses = {
        row.select_one(".field-title a").text: row.select_one(".field-use_count").text
        for row in page.select("#result_list tbody tr")
    }
    assert uses == {
        **{image.title: "3" for image in Image.objects.exclude(pk=unused.pk)},
        unused.title: "0",
    }
