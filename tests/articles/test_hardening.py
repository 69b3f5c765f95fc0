"""Issue 10: preview for those who may edit; tags public only while used by
a published article of the edition; originals without metadata."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from articles.models import Article, Author
from articles.originals import clean_original
from tests.factories import make_article, make_author, make_author_user, make_section

pytestmark = pytest.mark.django_db

GPS = 0x8825


def photo_with_gps(size=(64, 48), fmt="JPEG", orientation=6):
    image = Image.new("RGB", size, (200, 80, 20))
    image.putpixel((0, 0), (0, 0, 255))  # a blue top-left corner
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x0112] = orientation  # rotated 90° clockwise when shown
    exif.get_ifd(GPS)[2] = (55.0, 45.0, 0.0)  # GPSLatitude
    buffer = io.BytesIO()
    image.save(buffer, fmt, exif=exif.tobytes(), comment=b"secret")
    return SimpleUploadedFile(f"photo.{fmt.lower()}", buffer.getvalue())


def reopen(field_file):
    field_file.open("rb")
    try:
        image = Image.open(io.BytesIO(field_file.read()))
        image.load()
        return image
    finally:
        field_file.close()


def test_an_author_previews_only_articles_they_may_edit(client, section):
    author, colleague = make_author_user(), make_author_user()
    own = make_article(section=section, status="draft", created_by=author)
    others = make_article(section=section, status="draft", created_by=colleague)
    client.force_login(author)

    assert client.get(f"/preview/{own.pk}/").status_code == 200
    assert client.get(f"/preview/{others.pk}/").status_code == 404


def test_an_editor_previews_any_article(client, section, editor, author_user):
    draft = make_article(section=section, status="draft", created_by=author_user)
    client.force_login(editor)

    assert client.get(f"/preview/{draft.pk}/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/tags/{slug}/",
        "/feeds/tags/{slug}/rss/",
        "/feeds/tags/{slug}/atom/",
        "/subscriptions/tag/{slug}/",
    ],
)
def test_a_tag_used_only_by_unpublished_articles_is_not_public(client, section, url):
    make_article(section=section, status="draft", tags=["Secret Deal"])
    make_article(section=section, tags=["Open Talks"])

    hidden = client.get(url.format(slug="secret-deal"))
    shown = client.get(url.format(slug="open-talks"))

    assert hidden.status_code == 404
    assert b"Secret Deal" not in hidden.content
    assert shown.status_code == 200


def test_a_tag_is_public_only_in_the_editions_that_use_it(client):
    make_article(section=make_section(language="ru"), tags=["nato"])

    assert client.get("/ru/tags/nato/").status_code == 200
    assert client.get("/tags/nato/").status_code == 404


def test_the_language_link_of_a_subscribe_page_never_leads_to_a_404(client):
    make_section(slug="science", language="en")

    page = client.get("/subscriptions/section/science/").content.decode()

    assert 'href="/ru/subscriptions/section/science/"' not in page
    assert 'href="/ru/"' in page


def test_an_uploaded_original_loses_exif_gps_and_comments(section):
    article = make_article(section=section, image=photo_with_gps())
    with Image.open(article.image.file.path) as raw:
        assert raw.getexif()  # the upload as stored

    assert clean_original(article) is True

    cleaned = reopen(article.image.file)
    assert cleaned.format == "JPEG"
    assert not cleaned.getexif()
    assert "comment" not in cleaned.info and "exif" not in cleaned.info
    # Orientation 6 is applied to the pixels: 64×48 becomes 48×64.
    assert cleaned.size == (48, 64)
    article.refresh_from_db()
    assert (article.image.width, article.image.height) == (48, 64)
    assert clean_original(article) is False  # run again: nothing to do


def test_png_text_chunks_are_dropped_and_the_colour_profile_kept(section):
    from PIL import ImageCms, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Doe, 55.75N 37.62E")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "PNG", pnginfo=info, icc_profile=icc)
    article = make_article(
        section=section, image=SimpleUploadedFile("p.png", buffer.getvalue())
    )

    assert clean_original(article) is True

    cleaned = reopen(article.image.file)
    assert not getattr(cleaned, "text", {})
    assert cleaned.info.get("icc_profile") == icc


def test_the_admin_save_path_cleans_the_original(section):
    from articles.images import refresh_renditions

    author = make_author(photo=photo_with_gps(orientation=1))

    refresh_renditions(obj=author)

    assert not reopen(Author.objects.get(pk=author.pk).photo.file).getexif()


def test_the_command_cleans_stored_originals(section):
    article = make_article(section=section, image=photo_with_gps())

    call_command("clean_image_originals", stdout=io.StringIO())

    assert not reopen(Article.objects.get(pk=article.pk).image.file).getexif()


@pytest.mark.parametrize("fmt", ["TIFF", "BMP", "ICO"])
def test_formats_outside_the_allow_list_are_refused(fmt):
    from django.core.exceptions import ValidationError

    from articles.validators import validate_image_file

    buffer = io.BytesIO()
    Image.new("RGB", (16, 16)).save(buffer, fmt)
    upload = SimpleUploadedFile(f"x.{fmt.lower()}", buffer.getvalue())

    with pytest.raises(ValidationError, match="JPEG, PNG, GIF and WebP"):
        validate_image_file(upload)


def test_the_tag_sitemap_lists_each_tag_under_the_editions_that_use_it(client):
    make_article(section=make_section(language="ru"), tags=["Only Russian"])
    make_article(section=make_section(language="en"), tags=["Both"])
    make_article(section=make_section(language="ru"), tags=["Both"])
    make_article(section=make_section(), status="draft", tags=["Draft Only"])

    xml = client.get("/sitemap-tags.xml").content.decode()

    locations = sorted(
        line.split("://testserver", 1)[1].split("<", 1)[0]
        for line in xml.split("<loc>")[1:]
    )
    assert locations == ["/ru/tags/both/", "/ru/tags/only-russian/", "/tags/both/"]
    for path in locations:
        assert client.get(path).status_code == 200
