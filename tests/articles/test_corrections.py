from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction
from tests.desk.test_admin import article_form
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def add_correction(client, article, section, *, text, kind="correction", **changes):
    data = article_form(section, **changes)
    data.update(
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": kind,
            "corrections-0-text": text,
            "corrections-0-created_at_0": timezone.localdate().isoformat(),
            "corrections-0-created_at_1": timezone.localtime().strftime("%H:%M:%S"),
        }
    )
    url = reverse("admin:articles_article_change", args=[article.pk])
    return client.post(url, data)


def test_editor_adds_a_correction_readers_see_it_and_the_diff(client, editor, section):
    article = make_article(section=section, slug="gas-talks-resume")
    client.force_login(editor)
    # The first save keeps the public text as it was.
    client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(section, lead="Talks resumed in Minsk."),
    )

    response = add_correction(
        client, article, section, text="The talks were in Moscow, not Minsk."
    )

    assert response.status_code == 302
    article.refresh_from_db()
    correction = article.corrections.get()
    assert article.updated_at == correction.created_at
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    note = page.select_one("article .article__footer ~ .article__corrections li")
    assert note.select_one(".correction-note__kind").get_text() == "Correction:"
    assert "not Minsk" in note.get_text()
    diff = BeautifulSoup(
        client.get(note.select_one("a")["href"]).content, "html.parser"
    )
    assert diff.select_one(".correction-diff del").get_text() == "Minsk."
    assert diff.select_one(".correction-diff ins").get_text() == "Moscow."


def test_update_note_reads_updated(client, section):
    article = make_article(section=section)
    Correction.objects.create(article=article, kind="update", text="Adds a quote.")

    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")

    assert page.select_one(".correction-note__kind").get_text() == "Updated:"


def test_corrections_page_lists_public_corrections_only(client, section):
    public = make_article(section=section, title="Public story")
    hidden = make_article(
        section=section,
        title="Future story",
        published_at=timezone.now() + timedelta(hours=1),
    )
    Correction.objects.create(article=public, text="Fixed a name.")
    secret = Correction.objects.create(article=hidden, text="Secret fix.")

    response = client.get("/corrections/")

    assert "Fixed a name." in response.content.decode()
    assert "Secret fix." not in response.content.decode()
    assert client.get(secret.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("n", [1, 30])
def test_corrections_page_query_count_is_flat(client, n, django_assert_num_queries):
    section = make_section()
    for i in range(n):
        Correction.objects.create(
            article=make_article(section=section), text=f"Fix {i}"
        )

    # count, corrections+articles+sections; cold, the banner, the menu, the
    # newsfeed and the edition's next time boundary
    with django_assert_num_queries(8):
        client.get("/corrections/", {"page": "2"})
    with django_assert_num_queries(2):
        response = client.get("/corrections/", {"page": "2"})
    assert response.status_code == 200


def test_corrections_is_a_reserved_section_slug():
    from django.core.exceptions import ValidationError

    section = make_section()
    section.slug = "corrections"

    with pytest.raises(ValidationError):
        section.full_clean()


def test_diff_works_for_an_article_published_through_the_workflow(client, editor):
    from desk.services import save_article

    section = make_section()
    article = make_article(
        section=section, slug="gas-talks-resume", status="review", published_at=None
    )
    save_article(move="publish", article=article, by=editor)
    client.force_login(editor)

    add_correction(
        client,
        article,
        section,
        text="The lead named the wrong city.",
        lead="Talks resumed in Kyiv.",
        status="published",
    )

    correction = article.corrections.get()
    assert correction.has_diff is True
    client.logout()
    diff = BeautifulSoup(
        client.get(correction.get_absolute_url()).content, "html.parser"
    )
    assert "Kyiv." in [ins.get_text() for ins in diff.select(".correction-diff ins")]


def test_public_correction_pages_set_no_cookie(client, section):
    article = make_article(section=section)
    correction = Correction.objects.create(article=article, text="Fixed.")

    for url in ["/corrections/", correction.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200
        assert response.cookies == {}, url
