import re
from datetime import date
from html import unescape
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from taggit.models import Tag, TaggedItem

from accounts.models import User
from articles.models import Article, Author, Byline, Section
from live.models import LivePost, LiveStory
from mediabank.models import GalleryItem, Image
from tests import reference
from tests.factories import make_article

pytestmark = pytest.mark.django_db

RUSSIAN_SECTIONS = ["Россия", "В мире", "Армия", "Экономика", "Наука", "Спорт"]
REFERENCE_SLUG = "nato-head-russias-ivanov-to-discuss-resuming-ties-feb-6"
FIRST_PARAGRAPH = (
    "NATO's secretary general and a Russian deputy prime minister will meet on "
    "February 6 to discuss resuming cooperation frozen after the Georgia-South "
    "Ossetia conflict, Russia's envoy to the military alliance said on Monday."
)
LIVE_SLUG = "thousands-protest-in-riga-over-handling-of-economic-crisis"
GALLERY_SLUG = "sochi-2014-organizers-say-figure-skating-palace-on-schedule"
LAST_PARAGRAPH = (
    "NATO foreign ministers agreed in early December at a meeting in Brussels to "
    "gradually restore contacts with Moscow."
)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "demo-media"
    return settings.MEDIA_ROOT


@pytest.fixture
def load_demo(media_root):
    """Run the command once; return what it printed."""
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot(media_root):
    return {
        "articles": Article.objects.count(),
        "sections": Section.objects.count(),
        "authors": Author.objects.count(),
        "bylines": Byline.objects.count(),
        "tags": Tag.objects.count(),
        "tagged": TaggedItem.objects.count(),
        "images": Image.objects.count(),
        "live_posts": LivePost.objects.count(),
        "gallery_items": GalleryItem.objects.count(),
        "files": sorted(str(p) for p in media_root.rglob("*") if p.is_file()),
    }


def paragraphs(body):
    return [unescape(p) for p in re.findall(r"<p>(.*?)</p>", body, re.DOTALL)]


def test_second_run_changes_nothing(load_demo, media_root):
    before = snapshot(media_root)
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert snapshot(media_root) == before
    assert "already loaded" in out.getvalue()
    assert before["files"]


def test_reference_article_is_verbatim(load_demo):
    article = Article.objects.get(slug=REFERENCE_SLUG)

    assert article.title == "NATO head, Russia's Ivanov to discuss resuming ties Feb. 6"
    assert article.lead == FIRST_PARAGRAPH
    assert article.section.slug == "russia"
    assert article.dateline_place == "Brussels"
    assert article.source_credit == "RIA Novosti"
    assert article.is_published is True
    assert article.published_at.date() == date(2009, 1, 26)
    assert list(article.authors.all()) == []
    assert {"NATO", "Sergei Ivanov"} <= set(article.tags.names())


def test_reference_body_is_the_reference_paragraphs_without_dateline(load_demo):
    body = paragraphs(Article.objects.get(slug=REFERENCE_SLUG).body)

    assert body[0] == FIRST_PARAGRAPH
    assert body[-1] == LAST_PARAGRAPH
    assert body == reference.PARAGRAPHS
    assert "RIA Novosti" not in body[0]


def test_reference_article_is_the_newest_overall_and_in_russia(load_demo):
    published = Article.objects.published().in_edition("en").newest_first()

    assert published.first().slug == REFERENCE_SLUG
    assert published.filter(section__slug="russia").first().slug == REFERENCE_SLUG


def test_sections_are_in_masthead_order_with_descriptions(load_demo):
    sections = list(Section.objects.active().in_edition("en"))

    assert len(sections) >= 5
    assert [s.position for s in sections] == list(range(len(sections)))
    assert sections[0].slug == "russia"
    assert sections[0].description == reference.SECTION_DESCRIPTION
    assert all(s.description for s in sections)


def test_other_articles_fill_the_site_before_the_reference_day(load_demo):
    others = Article.objects.published().in_edition("en").exclude(slug=REFERENCE_SLUG)
    top = Article.objects.get(slug=REFERENCE_SLUG)

    assert others.count() >= 60
    assert others.values("section").distinct().count() >= 5
    assert not others.filter(published_at__gte=top.published_at).exists()
    assert not others.filter(dateline_place="").exists()
    assert others.filter(bylines__isnull=False).distinct().count() >= 20
    assert others.exclude(image=None).count() >= 15
    for article in others.prefetch_related("tags"):
        assert 2 <= len(article.tags.all()) <= 4
        assert 3 <= len(paragraphs(article.body)) <= 6


def test_images_are_stored_under_media_root(load_demo, media_root):
    article = Article.objects.exclude(image=None).first()

    assert (media_root / article.image.file.name).is_file()
    assert (article.image.width, article.image.height) == (1600, 900)
    # Stored, not measured from the file each time a row is loaded.
    stored = Article.objects.exclude(image=None).values_list(
        "image__width", "image__height"
    )
    assert set(stored) == {(1600, 900)}
    assert article.image.alt
    assert article.image_caption_shown
    assert article.image.credit
    assert Author.objects.exclude(photo=None).exists()


def test_images_have_their_renditions_made_at_load(load_demo, media_root):
    """A reader's first visit writes nothing: every library image already has
    its renditions on disk, as an editor's upload would."""
    images = list(Image.objects.all())

    assert images
    for image in images:
        sizes = image.renditions.get("sizes")
        assert sizes, image
        for _width, _height, jpeg, webp in sizes:
            assert (media_root / jpeg).is_file() and (media_root / webp).is_file()


def test_a_live_story_shows_its_posts_of_every_kind(load_demo, client):
    story = LiveStory.objects.get(article__slug=LIVE_SLUG)
    posts = list(story.posts.newest_first().select_related("image"))
    image_post = next(post for post in posts if post.kind == "image")

    response = client.get(story.get_absolute_url())

    assert 4 <= len(posts) <= 6
    assert {post.kind for post in posts} == {"text", "quote", "link", "image"}
    assert story.is_closed is False
    assert image_post.image.credit and image_post.image.renditions["sizes"]
    assert all(post.posted_at >= story.article.published_at for post in posts)
    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    shown = page.select("#live .live-post")
    assert [item["id"] for item in shown] == [post.anchor for post in posts]
    figure = page.select_one("#live .live-post__figure")
    assert figure.select_one("img")["alt"] == image_post.image.alt
    assert image_post.image.caption in figure.figcaption.text
    assert page.select_one("#live blockquote")
    assert page.select_one("#live .live-post__link a")["href"].startswith("https://")


def test_a_gallery_of_library_images_with_their_own_captions(load_demo, client):
    article = Article.objects.get(slug=GALLERY_SLUG)
    items = list(article.gallery_items.for_gallery())
    url = article.get_absolute_url()

    first = client.get(f"{url}gallery/1/")
    last = client.get(f"{url}gallery/{len(items)}/")

    assert 3 <= len(items) <= 5
    assert len({item.image_id for item in items}) == len(items)
    assert article.image_id not in {item.image_id for item in items}
    assert items[0].caption and items[0].caption != items[0].image.caption
    assert first.status_code == 200 and last.status_code == 200
    assert items[0].caption in first.content.decode()
    # An item without its own caption shows the library's.
    assert items[-1].caption_shown in last.content.decode()
    page = client.get(url).content.decode()
    assert f"1/{len(items)}" in page


def test_draft_and_scheduled_articles_stay_hidden(load_demo):
    hidden = Article.objects.exclude(id__in=Article.objects.published())

    assert sorted(hidden.values_list("status", flat=True)) == ["draft", "published"]
    assert hidden.get(status="published").is_scheduled is True


def test_prints_how_to_log_in_without_creating_a_user(load_demo):
    assert "python manage.py createsuperuser" in load_demo
    assert "http://127.0.0.1:8000/admin/" in load_demo
    assert not User.objects.exists()


def test_if_empty_skips_a_database_that_has_articles(media_root):
    make_article()
    out = StringIO()

    call_command("load_demo", "--if-empty", stdout=out)

    assert Article.objects.count() == 1
    assert "not loaded" in out.getvalue()


def test_if_empty_loads_an_empty_database(media_root):
    call_command("load_demo", "--if-empty", stdout=StringIO())

    assert Article.objects.filter(slug=REFERENCE_SLUG).exists() is True


def test_russian_edition_has_its_sections_and_articles(load_demo):
    sections = list(Section.objects.active().in_edition("ru"))
    articles = Article.objects.published().in_edition("ru")

    assert [s.name for s in sections] == RUSSIAN_SECTIONS
    assert all(s.description for s in sections)
    assert articles.count() >= 20
    assert not articles.exclude(section__language="ru").exists()
    assert articles.values("section").distinct().count() == 6
    for article in articles.exclude(translation_of__isnull=False).prefetch_related(
        "tags"
    ):
        assert re.fullmatch(r"[a-z0-9-]+", article.slug)
        assert 2 <= len(article.tags.all()) <= 4
        assert 3 <= len(paragraphs(article.body)) <= 6


def test_russian_reference_is_linked_to_the_english_one(load_demo):
    english = Article.objects.get(slug=REFERENCE_SLUG)
    (russian,) = english.translations.all()

    assert russian.language == "ru"
    assert russian.slug == reference.RU_SLUG
    assert russian.title == reference.RU_TITLE
    assert russian.lead == reference.RU_LEAD
    assert paragraphs(russian.body) == reference.RU_PARAGRAPHS
    assert russian.section.name == "Россия"
    assert russian.dateline_place == reference.RU_DATELINE_PLACE
    assert russian.source_credit == reference.RU_SOURCE_CREDIT
    assert russian.published_at == english.published_at
    assert (
        Article.objects.published().in_edition("ru").newest_first().first() == russian
    )
