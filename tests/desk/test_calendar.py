from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db

URL = reverse("admin:articles_article_calendar")
MOSCOW = ZoneInfo("Europe/Moscow")


def test_calendar_lists_appearing_and_expiring_by_day(client, editor):
    make_article(
        title="Summit opens", published_at=datetime(2009, 1, 26, 10, tzinfo=MOSCOW)
    )
    make_article(
        title="Talks story",
        published_at=datetime(2009, 1, 20, 9, tzinfo=MOSCOW),
        expires_at=datetime(2009, 1, 27, 18, tzinfo=MOSCOW),
    )
    make_article(title="Next month", published_at=datetime(2009, 2, 2, tzinfo=MOSCOW))
    make_article(title="A draft", status="draft", published_at=None)
    client.force_login(editor)

    soup = BeautifulSoup(client.get(URL, {"month": "2009-01"}).content, "html.parser")

    days = {
        day.h3.time["datetime"]: [
            li.get_text(" ", strip=True) for li in day.select("li")
        ]
        for day in soup.select(".desk-calendar__day")
    }
    assert list(days) == ["2009-01-20", "2009-01-26", "2009-01-27"]
    assert "Summit opens" in days["2009-01-26"][0]
    assert "Expires" in days["2009-01-27"][0]
    assert "Talks story" in days["2009-01-27"][0]
    assert "Next month" not in soup.get_text()


def test_future_publication_is_marked_scheduled(client, editor):
    make_article(title="Tomorrow", published_at=timezone.now() + timedelta(days=1))
    client.force_login(editor)
    month = timezone.localdate(timezone.now() + timedelta(days=1)).strftime("%Y-%m")

    soup = BeautifulSoup(client.get(URL, {"month": month}).content, "html.parser")

    assert (
        soup.select_one(".desk-calendar__event--scheduled a").get_text() == "Tomorrow"
    )


@pytest.mark.parametrize(
    "month", ["", "2009", "2009-13", "abc-de", "0-1", "9999-12", "9999999-01"]
)
def test_calendar_copes_with_any_month_value(client, editor, month):
    client.force_login(editor)

    assert client.get(URL, {"month": month}).status_code == 200


@pytest.mark.parametrize("n", [1, 20])
def test_calendar_query_count_is_flat(client, editor, n, django_assert_num_queries):
    section = make_section()
    for i in range(n):
        make_article(
            section=section,
            published_at=datetime(2009, 1, 1 + i, tzinfo=MOSCOW),
            expires_at=datetime(2009, 1, 2 + i, tzinfo=MOSCOW),
        )
    client.force_login(editor)

    # session, user, the user's permissions (2, for the admin's app list),
    # then articles appearing and articles expiring
    with django_assert_num_queries(6):
        client.get(URL, {"month": "2009-01"})


def test_calendar_is_for_staff_only(client):
    assert client.get(URL).status_code == 302
    client.force_login(make_user())
    assert client.get(URL).status_code == 302
