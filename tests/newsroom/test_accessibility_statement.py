import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "path", "heading"),
    [
        ("en", "/accessibility/", "Accessibility"),
        ("ru", "/ru/accessibility/", "Доступность"),
    ],
)
def test_statement_is_published_in_both_editions(client, language, path, heading):
    with translation.override(language):
        assert reverse("accessibility") == path

    response = client.get(path)

    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert page.html["lang"] == language
    assert page.h1.get_text() == heading
    lead = page.select_one(".statement__lead").get_text()
    assert "WCAG" in lead
    assert "2.2" in lead


def test_statement_gives_the_contact_address_from_the_setting(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "a11y@news.example.com"

    page = BeautifulSoup(client.get("/accessibility/").content, "html.parser")

    link = page.select_one('.statement a[href^="mailto:"]')
    assert link["href"] == "mailto:a11y@news.example.com"
    assert link.get_text() == "a11y@news.example.com"


def test_statement_is_the_same_for_every_reader_and_sets_no_cookie(client):
    first = client.get("/accessibility/")
    second = client.get("/accessibility/")

    assert first.cookies == {}
    assert first.content == second.content
    assert b"csrfmiddlewaretoken" not in first.content


def test_statement_page_costs_a_constant_number_of_queries(
    client, section, django_assert_max_num_queries
):
    client.get("/accessibility/")

    # The masthead's section menu and the breaking-news banner.
    with django_assert_max_num_queries(2):
        client.get("/accessibility/")
