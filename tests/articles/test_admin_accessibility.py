"""The project's overrides of stock admin templates and widgets that lacked
labels and names (the browser tests run axe-core over the same pages)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import Correction
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_date_and_time_inputs_have_labels(admin_client, section):
    article = make_article(section=section)

    form = page(
        admin_client, reverse("admin:articles_article_change", args=[article.pk])
    )

    for name in ("published_at", "expires_at", "embargo_until", "breaking_until"):
        for part, text in (("0", "Date:"), ("1", "Time:")):
            label = form.select_one(f'label[for="id_{name}_{part}"]')
            assert label.get_text() == text
            assert form.select_one(f"#id_{name}_{part}") is not None


def test_inline_rows_label_their_inputs_and_no_header_cell_is_empty(
    admin_client, section
):
    article = make_article(section=section, authors=[make_author(name="Olga")])
    Correction.objects.create(article=article, text="Fixed.")

    form = page(
        admin_client, reverse("admin:articles_article_change", args=[article.pk])
    )

    assert form.select_one('label[for="id_bylines-0-author"]').get_text() == "Author"
    assert form.select_one('label[for="id_corrections-0-text"]').get_text() == "Text"
    assert form.select_one('label[for="id_bylines-0-DELETE"]') is not None
    headers = form.select(".inline-group thead th")
    assert headers
    assert [th for th in headers if not th.get_text(strip=True)] == []


def test_list_editable_inputs_name_their_column_and_row(admin_client):
    section = make_section(name="Sport")

    changelist = page(admin_client, reverse("admin:articles_section_changelist"))

    position = changelist.select_one("#id_form-0-position")
    assert position["aria-label"] == "Position: Sport"
    assert not position.has_attr("aria-describedby")
    assert section.name in changelist.select_one("#id_form-0-is_active")["aria-label"]


def test_every_admin_page_loads_the_desk_styles_and_the_naming_script(admin_client):
    for url in (reverse("admin:index"), reverse("admin:articles_article_changelist")):
        admin_page = page(admin_client, url)

        assert admin_page.select('link[href$="css/admin-desk.css"]')
        assert admin_page.select('script[src$="js/admin-a11y.js"]')
        assert admin_page.select("#nav-sidebar") == []


def test_admin_login_page_has_a_level_one_heading(client):
    login = page(client, reverse("admin:login"))

    assert login.h1.get_text() == "Log in"
