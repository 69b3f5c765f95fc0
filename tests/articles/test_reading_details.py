"""The details that make a reader trust a news page (issue 11): times under
the headline, days in the Newsfeed, what "load more" says, labelled form
errors, one stylesheet, a keyboard-reachable chat history, the printed
address."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.templatetags.articles import day_label
from chats.models import ChatMessage
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")
# A fixed "now" for the day labels: 26 January 2009, 15:00 in Moscow.
NOW = datetime(2009, 1, 26, 15, 0, tzinfo=MOSCOW)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def test_publication_and_update_times_sit_under_the_headline(client, section):
    published = timezone.now() - timedelta(hours=3)
    article = make_article(
        section=section, published_at=published, updated_at=published + timedelta(1)
    )

    page = soup_of(client.get(article.get_absolute_url()))

    header = page.select_one(".article__header")
    times = header.select_one("h1.article__title + .article__times")
    assert [t["datetime"][:16] for t in times.select("time")] == [
        timezone.localtime(published).isoformat()[:16],
        timezone.localtime(published + timedelta(1)).isoformat()[:16],
    ]
    assert page.select(".article__footer .article__times") == []


def test_article_prints_its_address(client, section):
    article = make_article(section=section)

    page = soup_of(client.get(article.get_absolute_url()))

    address = page.select_one(".article__header .print-only")
    assert address.get_text() == "http://testserver" + article.get_absolute_url()


def test_reading_bar_waits_for_the_headline_to_scroll_away(client, section):
    article = make_article(section=section)

    page = soup_of(client.get(article.get_absolute_url()))

    assert page.select_one(".reading-bar").has_attr("hidden")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ((2009, 1, 26), "Today"),
        ((2009, 1, 25), "Yesterday"),
        ((2009, 1, 3), "3 January"),
        ((2008, 12, 31), "31 December 2008"),
    ],
)
def test_day_labels(day, expected):
    today = datetime(2009, 1, 26).date()

    assert day_label(datetime(*day).date(), today) == expected


def test_day_labels_in_russian(settings):
    from django.utils import translation

    today = datetime(2009, 1, 26).date()
    with translation.override("ru"):
        labels = [
            day_label(today, today),
            day_label(today - timedelta(1), today),
            day_label(datetime(2009, 1, 3).date(), today),
        ]

    assert labels == ["Сегодня", "Вчера", "3 января"]


def test_newsfeed_labels_each_day_once(client, section, frozen_now):
    for hours in (1, 2, 20, 30, 80):
        make_article(section=section, published_at=frozen_now - timedelta(hours=hours))

    page = soup_of(client.get("/newsfeed/"))

    items = page.select(".newsfeed__list > li")
    kinds = [
        li.get_text(strip=True) if "newsfeed__day" in li["class"] else "story"
        for li in items
    ]
    assert kinds == [
        "Today",
        "story",
        "story",
        "Yesterday",
        "story",
        "story",
        "23 January",
        "story",
    ]
    assert items[0].time["datetime"] == "2009-01-26"


def test_sidebar_newsfeed_has_day_labels_too(client, section, frozen_now):
    article = make_article(section=section, published_at=frozen_now - timedelta(1))

    page = soup_of(client.get(article.get_absolute_url()))

    assert page.select_one(".newsfeed .newsfeed__day").get_text() == "Yesterday"
    assert page.select_one(".newsfeed [role=status][data-newsfeed-status]")


def test_load_more_announces_the_stories_and_does_not_repeat_the_day(
    client, section, settings, frozen_now
):
    settings.NEWSFEED_SIZE = 2
    for minutes in (10, 20, 30, 40, 50):
        make_article(
            section=section, published_at=frozen_now - timedelta(minutes=minutes)
        )
    first = soup_of(client.get("/newsfeed/"))

    fragment = soup_of(
        client.get(first.select_one(".newsfeed__more-link")["data-items-url"])
    )

    assert fragment.select(".newsfeed__day") == []
    announce = fragment.select_one("li.newsfeed__announce")
    assert announce.has_attr("hidden")
    assert announce.get_text() == "2 more stories loaded"
    assert first.select(".newsfeed__announce") == []


def test_register_errors_are_described_and_take_the_focus(client):
    response = client.post(
        "/accounts/register/",
        {
            "email": "anna@example.com",
            "display_name": "Anna",
            "password1": "a-long-browser-password",
            "password2": "a-different-password",
        },
    )

    page = soup_of(response)
    form = page.select_one("main form")
    for field in form.select("[aria-describedby]"):
        for target in field["aria-describedby"].split():
            assert page.find(id=target) is not None, target
    assert [f["name"] for f in form.select("[autofocus]")] == ["password2"]
    error = page.find(id="id_password2_error")
    assert "match" in error.get_text()


def test_a_fresh_form_keeps_its_own_autofocus(client):
    page = soup_of(client.get("/accounts/register/"))

    assert [f["name"] for f in page.select("main form [autofocus]")] == ["email"]


def test_reader_pages_link_one_stylesheet_and_the_statement(client, section):
    article = make_article(section=section)

    page = soup_of(client.get(article.get_absolute_url()))

    assert [link["href"] for link in page.select("link[rel=stylesheet]")] == [
        "/static/css/site.css"
    ]
    assert page.select_one('.site-footer a[href="/accessibility/"]')


def test_chat_history_can_be_scrolled_with_the_keyboard(client, section):
    article = make_article(section=section)
    ChatMessage.objects.create(article=article, user=make_user(), text="Hello")

    page = soup_of(client.get(article.get_absolute_url()))

    assert page.select_one(".chat__messages")["tabindex"] == "0"
