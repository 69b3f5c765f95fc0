import json
from datetime import datetime
from zoneinfo import ZoneInfo

import extruct
import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.utils import translation
from PIL import Image

from articles import seo
from tests import reference
from tests.factories import (
    image_upload,
    make_article,
    make_author,
    make_section,
)

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def extract(client, url):
    html = client.get(url).content.decode()
    return html, extruct.extract(
        html, base_url=BASE + url, syntaxes=["json-ld", "opengraph"]
    )


def open_graph(data):
    """The page's Open Graph properties; a repeated one becomes a list."""
    (og,) = data["opengraph"]
    properties = {}
    for name, value in og["properties"]:
        properties.setdefault(name, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in properties.items()}


def json_ld_of_type(data, kind):
    (item,) = [item for item in data["json-ld"] if item.get("@type") == kind]
    return item


def test_reference_article_json_ld_has_every_field(client, reference_article):
    url = reference_article.get_absolute_url()

    _, data = extract(client, url)

    article = json_ld_of_type(data, "NewsArticle")
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == reference.TITLE
    assert article["description"] == reference.LEAD
    assert article["url"] == BASE + url
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": BASE + url}
    assert article["datePublished"].startswith("2009-01-26T")
    assert datetime.fromisoformat(article["datePublished"]) == datetime(
        2009, 1, 26, 10, 17, tzinfo=ZoneInfo("Europe/Brussels")
    )
    assert article["dateModified"] == article["datePublished"]
    assert article["author"] == [{"@type": "Organization", "name": "RIA Novosti"}]
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["name"] == "Sputnik International"
    assert article["publisher"]["logo"]["url"] == f"{BASE}/static/img/logo.png"
    assert article["articleSection"] == reference.SECTION_NAME
    assert article["keywords"] == ["NATO", "Sergei Ivanov"]
    assert article["inLanguage"] == "en"
    assert article["dateline"] == "BRUSSELS, January 26"
    assert article["sourceOrganization"] == {
        "@type": "Organization",
        "name": "RIA Novosti",
    }
    assert "image" not in article


def test_publisher_logo_is_a_static_png_of_the_stated_size(client, reference_article):
    _, data = extract(client, reference_article.get_absolute_url())
    logo = json_ld_of_type(data, "NewsArticle")["publisher"]["logo"]

    path = finders.find(logo["url"].removeprefix(f"{BASE}/static/"))

    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (logo["width"], logo["height"])


def test_reference_article_open_graph_and_head_tags(client, reference_article):
    url = reference_article.get_absolute_url()

    html, data = extract(client, url)

    og = open_graph(data)
    assert og["og:type"] == "article"
    assert og["og:title"] == reference.TITLE
    assert og["og:description"] == reference.LEAD
    assert og["og:url"] == BASE + url
    assert og["og:site_name"] == "Sputnik International"
    assert og["article:published_time"].startswith("2009-01-26T")
    assert og["article:section"] == reference.SECTION_NAME
    assert og["article:tag"] == ["NATO", "Sergei Ivanov"]
    head = BeautifulSoup(html, "html.parser").head
    assert head.select_one("link[rel=canonical]")["href"] == BASE + url
    assert head.select_one("meta[name=description]")["content"] == reference.LEAD
    assert head.select_one("meta[name='twitter:card']")["content"] == "summary"
    assert head.select_one("meta[name=robots]") is None


def test_article_with_authors_and_image_describes_both(client):
    ann, bob = make_author(name="Ann Lee", slug="ann"), make_author(name="Bob Roy")
    article = make_article(
        authors=[ann, bob],
        image=image_upload("summit.jpg", size=(160, 90)),
        image_alt="Leaders at the summit",
        source_credit="RIA Novosti",
    )
    url = article.get_absolute_url()

    html, data = extract(client, url)

    json_ld = json_ld_of_type(data, "NewsArticle")
    assert json_ld["author"] == [
        {"@type": "Person", "name": "Ann Lee", "url": f"{BASE}/authors/ann/"},
        {
            "@type": "Person",
            "name": "Bob Roy",
            "url": BASE + bob.get_absolute_url(),
        },
    ]
    image_url = BASE + article.image.file.url
    assert json_ld["image"] == {
        "@type": "ImageObject",
        "url": image_url,
        "contentUrl": image_url,
        "width": 160,
        "height": 90,
        "description": "Leaders at the summit",
    }
    og = open_graph(data)
    assert og["og:image"] == image_url
    assert og["og:image:width"] == "160"
    assert og["og:image:height"] == "90"
    assert og["og:image:alt"] == "Leaders at the summit"
    head = BeautifulSoup(html, "html.parser").head
    assert head.select_one("meta[name='twitter:card']")["content"] == (
        "summary_large_image"
    )
    assert head.select_one("meta[name='twitter:image']")["content"] == image_url


def test_a_title_cannot_break_out_of_the_json_ld_script(client):
    title = "</script><script>alert(1)</script> <!-- & more"
    article = make_article(title=title)

    html, data = extract(client, article.get_absolute_url())

    assert "<script>alert(1)" not in html
    assert json_ld_of_type(data, "NewsArticle")["headline"] == title
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("script", type="application/ld+json")) == 1


def test_preview_is_noindex_without_a_canonical_link(client, editor):
    draft = make_article(status="draft", published_at=None)
    client.force_login(editor)

    html = client.get(f"/preview/{draft.pk}/").content.decode()

    head = BeautifulSoup(html, "html.parser").head
    assert head.select_one("meta[name=robots]")["content"] == "noindex, nofollow"
    assert head.select_one("link[rel=canonical]") is None


@pytest.mark.parametrize("page", ["/", "/world/"])
def test_home_and_section_pages_offer_a_search_action(client, page):
    make_section(slug="world")

    _, data = extract(client, page)

    site = json_ld_of_type(data, "WebSite")
    assert site["name"] == "Sputnik International"
    assert site["url"] == f"{BASE}/"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == f"{BASE}/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"


def test_russian_home_page_searches_in_russian(client):
    _, data = extract(client, "/ru/")

    site = json_ld_of_type(data, "WebSite")
    assert site["potentialAction"]["target"] == (
        f"{BASE}/ru/search/?q={{search_term_string}}"
    )
    assert site["inLanguage"] == "ru"


def test_dateline_parts_split_place_and_date_from_the_source():
    article = make_article(
        dateline_place="Brussels",
        source_credit="RIA Novosti",
        published_at=datetime(2009, 1, 26, 10, 17, tzinfo=ZoneInfo("Europe/Brussels")),
    )

    with translation.override("en"):
        assert seo.dateline_parts(article) == ("BRUSSELS, January 26", "RIA Novosti")
    article.dateline_place = ""
    assert seo.dateline_parts(article) == ("", "RIA Novosti")


def test_image_enclosure_of_a_missing_file_is_none():
    article = make_article(image=image_upload("gone.jpg"))
    request = RequestFactory().get("/")
    assert seo.image_enclosure(request, article).length == article.image.file.size

    article.image.file.storage.delete(article.image.file.name)

    assert seo.image_enclosure(request, article) is None


def test_article_without_authors_or_source_is_credited_to_the_site():
    article = make_article(source_credit="")

    authors = seo.article_authors(RequestFactory().get("/"), article)

    assert authors == [{"@type": "Organization", "name": "Sputnik International"}]


def test_json_ld_script_escapes_what_could_end_the_element():
    html = seo.json_ld_script({"headline": "a</script>b<!--c&d"})

    assert html.count("<") == 2  # the opening and the closing tag
    body = html.removeprefix('<script type="application/ld+json">')
    assert json.loads(body.removesuffix("</script>")) == {
        "headline": "a</script>b<!--c&d"
    }
