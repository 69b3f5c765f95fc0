from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

TITLE = "Gas & oil: “talks” resume?"


def share_links(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.select("article.article .share a")


def test_share_links_carry_the_absolute_url_and_title_encoded(client, section):
    article = make_article(section=section, title=TITLE)
    page_url = f"http://testserver{article.get_absolute_url()}"

    links = {a["class"][1]: a for a in share_links(client, article.get_absolute_url())}

    assert set(links) == {
        "share__link--telegram",
        "share__link--vk",
        "share__link--x",
        "share__link--facebook",
        "share__link--email",
    }
    expected = {
        "share__link--telegram": ("t.me", {"url": page_url, "text": TITLE}),
        "share__link--vk": ("vk.com", {"url": page_url, "title": TITLE}),
        "share__link--x": ("x.com", {"url": page_url, "text": TITLE}),
        "share__link--facebook": ("www.facebook.com", {"u": page_url}),
    }
    for name, (host, params) in expected.items():
        link = links[name]
        parts = urlsplit(link["href"])
        assert (parts.scheme, parts.netloc) == ("https", host)
        assert {k: v[0] for k, v in parse_qs(parts.query).items()} == params
        assert link["rel"] == ["noopener", "noreferrer"]
        assert link["target"] == "_blank"
        assert link.get_text(strip=True)
    mail = urlsplit(links["share__link--email"]["href"])
    assert mail.scheme == "mailto"
    assert parse_qs(mail.query) == {"subject": [TITLE], "body": [page_url]}


def test_article_page_loads_no_third_party_script_or_image(client, section):
    article = make_article(section=section)

    soup = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")

    for tag in soup.find_all(["script", "img", "iframe"]):
        src = tag.get("src", "")
        assert not src.startswith(("http:", "https:", "//")), src


def test_preview_has_no_share_links(client, section, editor):
    draft = make_article(
        section=section, status=Article.Status.DRAFT, published_at=None
    )
    client.force_login(editor)

    assert share_links(client, f"/preview/{draft.pk}/") == []
