from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import HomeSlot
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_editors_picks_lead_the_home_page_in_their_order(client):
    section = make_section()
    newest = make_article(section=section, title="Newest")
    second = make_article(section=section, title="Picked second")
    first = make_article(section=section, title="Picked first")
    scheduled = make_article(
        section=section,
        title="Picked but scheduled",
        published_at=timezone.now() + timedelta(hours=1),
    )
    HomeSlot.objects.create(article=second, position=2)
    HomeSlot.objects.create(article=first, position=1)
    HomeSlot.objects.create(article=scheduled, position=0)

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    top = [t.get_text(strip=True) for t in soup.select(".home__top .card__title")]
    assert top == ["Picked first", "Picked second"]
    assert "Picked but scheduled" not in soup.get_text()
    assert newest.title in soup.select_one(".home__section").get_text()


def test_without_picks_the_newest_leads(client):
    make_article(title="Older", published_at=timezone.now() - timedelta(hours=2))
    make_article(title="Newest", published_at=timezone.now() - timedelta(minutes=1))

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    assert [t.get_text(strip=True) for t in soup.select(".home__top .card__title")] == [
        "Newest"
    ]


def test_breaking_banner_shows_until_its_end_on_every_page(client, monkeypatch):
    start = timezone.now()
    article = make_article(
        title="Quake hits", breaking_until=start + timedelta(hours=1)
    )
    make_article(title="Old alert", breaking_until=start - timedelta(minutes=1))
    make_article(
        title="Draft alert",
        status="draft",
        published_at=None,
        breaking_until=start + timedelta(hours=1),
    )

    pages = ["/", article.section.get_absolute_url(), "/corrections/"]
    for path in pages:
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        banner = soup.select_one("aside.breaking-banner")
        assert banner.find_next("main") is not None, path
        assert banner.a.get_text() == "Quake hits"
    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(hours=1, seconds=1))
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select_one(".breaking-banner") is None


def test_home_slots_admin_for_editors(client, editor, author_user):
    url = "/admin/articles/homeslot/"

    client.force_login(editor)
    assert client.get(url).status_code == 200
    client.force_login(author_user)
    assert client.get(url).status_code == 403
