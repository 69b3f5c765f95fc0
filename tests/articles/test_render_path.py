"""The cheaper render path: what is rendered once is still right."""

from django.template import Context, Template
from django.utils import translation

ONCE = Template(
    "{% load fragments i18n %}"
    "{% once %}{% translate 'Search' %} {% url 'articles:search' %}"
    " {{ SITE_NAME }}{% endonce %}|{{ q }}"
)


def render(**context):
    return ONCE.render(Context(context))


def test_once_renders_each_language_once_and_keeps_the_page_variables():
    with translation.override("en"):
        assert render(SITE_NAME="Site", q="a") == "Search /search/ Site|a"
        # Rendered once: a changed variable inside the block is not seen.
        assert render(SITE_NAME="Other", q="b") == "Search /search/ Site|b"
    with translation.override("ru"):
        assert render(SITE_NAME="Site", q="c") == "Поиск /ru/search/ Site|c"


def test_once_renders_again_after_a_setting_changes(settings, client, db):
    settings.SITE_NAME = "First Name"
    assert "First Name" in client.get("/newsfeed/").text
    settings.SITE_NAME = "Second Name"

    page = client.get("/newsfeed/").text

    assert "Second Name" in page and "First Name" not in page
