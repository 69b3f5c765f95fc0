"""Language editions: routing, translations, plurals and dates, slugs, feeds,
news sitemaps and search, each per edition."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, Correction, Section
from articles.text import slugify_title
from comments.models import Comment
from tests.factories import make_article, make_author, make_section, make_user

pytestmark = pytest.mark.django_db

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
EN_TITLE = "Summit communique published in Brussels"
RU_TITLE = "Коммюнике саммита опубликовано в Брюсселе"


@pytest.fixture
def pair():
    """One article per edition sharing a tag, an author and a day."""
    author = make_author(slug="desk")
    now = timezone.now()
    english = make_article(
        title=EN_TITLE,
        section=make_section(name="World", slug="world"),
        authors=[author],
        tags=["Summit"],
        published_at=now - timedelta(minutes=5),
    )
    russian = make_article(
        title=RU_TITLE,
        section=make_section(name="В мире", slug="world", language="ru"),
        authors=[author],
        tags=["Summit"],
        published_at=now - timedelta(minutes=6),
    )
    for article in (english, russian):
        Correction.objects.create(article=article, text="Fixed.")
    return {"en": english, "ru": russian, "author": author}


def edition_paths(article, author):
    """Every public list of the article's edition."""
    day = timezone.localtime(article.published_at)
    with translation.override(article.language):
        return [
            reverse("articles:home"),
            article.section.get_absolute_url(),
            reverse("articles:tag", kwargs={"slug": "summit"}),
            author.get_absolute_url(),
            reverse("articles:newsfeed"),
            reverse("articles:newsfeed_items"),
            reverse("articles:archive_day", args=[day.year, day.month, day.day]),
            reverse("articles:archive_month", args=[day.year, day.month]),
            reverse("articles:corrections"),
            reverse("articles:search") + "?q=summit",
            reverse("articles:feed"),
            reverse("articles:feed_atom"),
            reverse("articles:tag_feed", kwargs={"slug": "summit"}),
            reverse("articles:author_feed", kwargs={"slug": author.slug}),
            reverse("articles:section_feed", kwargs={"slug": article.section.slug}),
            reverse("sitemap", kwargs={"section": f"news-{article.language}"}),
        ]


@pytest.mark.parametrize(("shown", "hidden"), [("en", "ru"), ("ru", "en")])
def test_public_lists_show_only_their_editions_articles(client, pair, shown, hidden):
    pair["ru"].title = "Саммит: коммюнике summit"
    pair["ru"].save()
    visible, other = pair[shown], pair[hidden]

    for path in edition_paths(visible, pair["author"]):
        response = client.get(path)
        page = response.content.decode()
        assert response.status_code == 200, path
        assert visible.get_absolute_url() in page, path
        assert other.get_absolute_url() not in page, path
        assert other.title not in page, path


def test_related_articles_stay_in_the_edition(client, pair):
    neighbour = make_article(section=pair["ru"].section, tags=["Summit"])

    page = client.get(neighbour.get_absolute_url()).content.decode()

    assert pair["ru"].get_absolute_url() in page
    assert pair["en"].get_absolute_url() not in page


def test_article_urls_carry_their_edition_prefix_whatever_is_active(pair):
    with translation.override("en"):
        assert pair["ru"].get_absolute_url() == f"/ru/world/{pair['ru'].slug}/"
        assert pair["ru"].section.get_absolute_url() == "/ru/world/"
    with translation.override("ru"):
        assert pair["en"].get_absolute_url() == f"/world/{pair['en'].slug}/"


def test_other_editions_section_and_article_are_404_under_a_prefix(client):
    english = make_article(section=make_section(slug="economy"))
    russian = make_article(section=make_section(slug="ekonomika", language="ru"))

    assert client.get("/ru/economy/").status_code == 404
    assert client.get("/ekonomika/").status_code == 404
    assert client.get(f"/ru/economy/{english.slug}/").status_code == 404
    assert client.get(f"/ekonomika/{russian.slug}/").status_code == 404
    assert client.get("/ru/ekonomika/").status_code == 200


def test_masthead_menu_lists_only_the_editions_sections(client):
    make_section(name="Sport", slug="sport")
    make_section(name="Спорт", slug="sport", language="ru")

    english = BeautifulSoup(client.get("/").content, "html.parser")
    russian = BeautifulSoup(client.get("/ru/").content, "html.parser")

    assert [a.get_text() for a in english.select(".section-menu__list a")] == ["Sport"]
    assert [a.get_text() for a in russian.select(".section-menu__list a")] == ["Спорт"]


def test_section_slug_is_unique_within_an_edition_only():
    make_section(slug="sport")
    make_section(slug="sport", language="ru")

    with pytest.raises(ValidationError):
        Section(name="Sport again", slug="sport").full_clean()


def hreflangs(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        link["hreflang"]: link["href"]
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }


def test_both_versions_of_the_reference_carry_hreflang_alternates(
    client, reference_article, russian_reference
):
    en_url = "http://testserver" + reference_article.get_absolute_url()
    ru_url = "http://testserver" + russian_reference.get_absolute_url()
    expected = {"en": en_url, "ru": ru_url, "x-default": en_url}

    assert ru_url.startswith("http://testserver/ru/russia/") is False
    assert hreflangs(client.get(reference_article.get_absolute_url())) == expected
    assert hreflangs(client.get(russian_reference.get_absolute_url())) == expected


def test_article_without_translation_has_no_alternates(client, reference_article):
    assert hreflangs(client.get(reference_article.get_absolute_url())) == {}


def test_unpublished_translation_is_not_offered(
    client, reference_article, russian_reference
):
    russian_reference.status = Article.Status.DRAFT
    russian_reference.save()

    response = client.get(reference_article.get_absolute_url())

    assert hreflangs(response) == {}
    assert switcher_target(response) == "/ru/"


def switcher_target(response):
    soup = BeautifulSoup(response.content, "html.parser")
    (link,) = soup.select(".masthead__links a[hreflang]")
    return link["href"]


def test_language_switcher_lands_on_the_translation(
    client, reference_article, russian_reference
):
    english = client.get(reference_article.get_absolute_url())
    russian = client.get(russian_reference.get_absolute_url())

    assert switcher_target(english) == russian_reference.get_absolute_url()
    assert switcher_target(russian) == reference_article.get_absolute_url()
    assert client.get(switcher_target(english)).status_code == 200


def test_language_switcher_without_translation_lands_on_the_other_home(client):
    article = make_article(section=make_section(slug="world"))

    assert switcher_target(client.get(article.get_absolute_url())) == "/ru/"
    assert switcher_target(client.get("/world/")) == "/ru/"
    assert switcher_target(client.get("/newsfeed/")) == "/ru/newsfeed/"


def test_language_switcher_never_leads_to_a_missing_page(client):
    published = timezone.now() - timedelta(days=3)
    article = make_article(published_at=published)
    day = timezone.localtime(published).date()
    for n in range(25):
        make_article(title=f"Filler {n}")
    day_url = f"/archive/{day.year}/{day.month:02d}/{day.day:02d}/"
    assert client.get(day_url).status_code == 200

    targets = [
        switcher_target(client.get(day_url)),
        switcher_target(client.get(f"/archive/{day.year}/{day.month:02d}/")),
        switcher_target(client.get("/newsfeed/?page=2")),
        switcher_target(client.get(f"{article.section.get_absolute_url()}?page=2")),
        switcher_target(client.get("/search/?q=filler&page=2")),
    ]

    assert targets[:4] == ["/ru/", "/ru/", "/ru/newsfeed/", "/ru/"]
    assert targets[4] == "/ru/search/?q=filler"
    assert [client.get(target).status_code for target in targets] == [200] * 5


def test_translation_links_are_validated(reference_article, russian_reference):
    english_again = make_article(section=reference_article.section)
    english_again.translation_of = reference_article
    with pytest.raises(ValidationError, match="already has a version"):
        english_again.full_clean()

    chained = make_article(section=make_section(slug="x", language="ru"))
    chained.translation_of = russian_reference
    with pytest.raises(ValidationError, match="original"):
        chained.full_clean()

    wrong_section = make_article(language="ru", section=reference_article.section)
    with pytest.raises(ValidationError, match="another edition"):
        wrong_section.full_clean()


@pytest.mark.parametrize("n_translations", [0, 1])
def test_article_page_query_count_is_flat_with_translations(
    client, reference_article, n_translations, django_assert_num_queries
):
    if n_translations:
        make_article(
            section=make_section(slug="rossiya", language="ru"),
            translation_of=reference_article,
        )

    # cold: article+section, bylines, tags, corrections, translation_of,
    # translations, related (the section's newest, shared-tag counts; no
    # candidates), banner, menu, the edition's next time boundary, newsfeed,
    # discussion (counter, threads), chat messages, live story (none),
    # gallery (none)
    with django_assert_num_queries(18):
        client.get(reference_article.get_absolute_url())
    # warm: none (the article's row and the chat history are cached blocks)
    with django_assert_num_queries(0):
        client.get(reference_article.get_absolute_url())


@pytest.mark.parametrize(
    ("count", "text"),
    [(1, "1 комментарий"), (2, "2 комментария"), (5, "5 комментариев")],
)
def test_russian_teaser_counts_comments_in_russian_plural_forms(
    client, russian_reference, count, text
):
    reader = make_user()
    for i in range(count):
        Comment.objects.create(article=russian_reference, author=reader, body=f"{i}")
    # The teaser of the reference on another article of the section.
    make_article(section=russian_reference.section, tags=["НАТО"])

    response = client.get(russian_reference.section.get_absolute_url())

    soup = BeautifulSoup(response.content, "html.parser")
    counters = [a.get_text() for a in soup.select(".card__comments")]
    assert counters == [text]


def test_russian_pages_write_dates_in_russian(client, russian_reference):
    page = client.get(russian_reference.get_absolute_url()).content.decode()

    assert "26 января 2009" in page
    assert "БРЮССЕЛЬ, 26 января (РИА Новости) - " in page


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Глава НАТО и Иванов обсудят", "glava-nato-i-ivanov-obsudyat"),
        ("Щука, ёж и Юля: съезд!", "shuka-yozh-i-yulya-sezd"),
        ("NATO head, Russia's Ivanov", "nato-head-russias-ivanov"),
    ],
)
def test_titles_get_readable_transliterated_slugs(title, slug):
    assert slugify_title(title) == slug


def test_russian_article_saved_without_slug_gets_a_transliterated_one():
    article = make_article(title="Глава НАТО и Иванов обсудят", slug="", language="ru")

    assert article.slug == "glava-nato-i-ivanov-obsudyat"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_feeds_are_per_edition_with_the_channel_language(client, pair, language):
    with translation.override(language):
        url = reverse("articles:feed")

    feed = feedparser.parse(client.get(url).content)

    assert feed.feed.language == language
    assert [entry.title for entry in feed.entries] == [pair[language].title]
    assert (
        feed.entries[0].link == "http://testserver" + pair[language].get_absolute_url()
    )


@pytest.mark.parametrize("language", ["en", "ru"])
def test_news_sitemap_per_edition_names_its_language(client, pair, language):
    response = client.get(f"/sitemap-news-{language}.xml")

    root = ET.fromstring(response.content)
    languages = [e.text for e in root.iter(f"{NEWS}language")]
    titles = [e.text for e in root.iter(f"{NEWS}title")]
    assert languages == [language]
    assert titles == [pair[language].title]


def test_sitemap_index_and_robots_name_each_news_sitemap(client, pair):
    index = client.get("/sitemap.xml").content.decode()
    robots = client.get("/robots.txt").content.decode()

    for language in ("en", "ru"):
        url = f"http://testserver/sitemap-news-{language}.xml"
        assert url in index
        assert f"Sitemap: {url}" in robots


def test_article_sitemap_lists_both_editions_with_their_prefixes(client, pair):
    page = client.get("/sitemap-articles.xml").content.decode()

    assert f"http://testserver{pair['en'].get_absolute_url()}<" in page
    assert f"http://testserver/ru/world/{pair['ru'].slug}/<" in page


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text() for h in soup.select(".search-result__title")]


def test_search_is_per_edition_and_finds_cyrillic_words(client, pair):
    english = client.get("/search/?q=communique")
    russian = client.get("/ru/search/?q=коммюнике")
    cross = client.get("/search/?q=коммюнике")

    assert result_titles(english) == [EN_TITLE]
    assert result_titles(russian) == [RU_TITLE]
    assert result_titles(cross) == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Russian stemming is PostgreSQL's"
)
def test_russian_search_stems_russian_words_on_postgresql(client):
    make_article(
        title="Глава НАТО и Иванов обсудят отношения",
        section=make_section(slug="rossiya", language="ru"),
    )

    response = client.get("/ru/search/?q=обсудить")

    assert result_titles(response) == ["Глава НАТО и Иванов обсудят отношения"]


def test_language_switcher_names_each_language_in_itself(client, db):
    english = client.get("/").content.decode()
    russian = client.get("/ru/").content.decode()

    assert 'lang="ru">Русский</a>' in english
    assert 'lang="en">English</a>' in russian
