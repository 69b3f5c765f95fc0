import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_article, make_image, make_section

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def article_form(section, **overrides):
    data = {
        "title": "Gas talks resume",
        "slug": "gas-talks-resume",
        "section": section.pk,
        "lead": "Talks resumed in Moscow.",
        "body": "First paragraph.\n\nSecond paragraph.",
        "tags": "Gas, Energy",
        "dateline_place": "Moscow",
        "source_credit": "RIA Novosti",
        "status": "published",
        "published_at_0": "2009-01-20",
        "published_at_1": "10:00:00",
        "comments_mode": "open",
        "image": "",
        "image_caption": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
        "gallery_items-TOTAL_FORMS": "0",
        "gallery_items-INITIAL_FORMS": "0",
        "gallery_items-MIN_NUM_FORMS": "0",
        "gallery_items-MAX_NUM_FORMS": "1000",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_editor_publishes_an_article_through_the_admin(client, editor, section):
    client.force_login(editor)

    response = client.post(ADD_URL, article_form(section))

    assert response.status_code == 302
    article = Article.objects.get(slug="gas-talks-resume")
    assert article.is_published is True
    assert article.created_by == editor
    assert sorted(article.tags.names()) == ["Energy", "Gas"]
    assert article.body == "<p>First paragraph.</p><p>Second paragraph.</p>"
    assert client.get(article.get_absolute_url()).status_code == 200


def test_author_cannot_publish_through_the_admin(client, author_user, section):
    client.force_login(author_user)

    response = client.post(ADD_URL, article_form(section))

    assert response.status_code == 302
    article = Article.objects.get(slug="gas-talks-resume")
    assert article.status == Article.Status.DRAFT
    assert article.is_published is False


def test_author_has_no_publish_action_and_cannot_post_it(client, author_user, section):
    own = make_article(
        section=section, status="draft", published_at=None, created_by=author_user
    )
    client.force_login(author_user)

    page = client.get(CHANGELIST_URL)
    response = client.post(
        CHANGELIST_URL,
        {"action": "publish_selected", "_selected_action": [own.pk]},
    )

    assert "publish_selected" not in page.content.decode()
    own.refresh_from_db()
    assert own.status == Article.Status.DRAFT
    # The admin refuses an action the user lacks with a redirect to the list.
    assert response.status_code == 302
    assert response["Location"] == CHANGELIST_URL


def test_editor_publish_action_publishes(client, editor, section):
    draft = make_article(section=section, status="draft", published_at=None)
    client.force_login(editor)

    client.post(
        CHANGELIST_URL, {"action": "publish_selected", "_selected_action": [draft.pk]}
    )

    draft.refresh_from_db()
    assert draft.is_published is True


def test_author_edits_only_their_own_drafts(client, author_user, editor, section):
    own = make_article(
        section=section, status="draft", published_at=None, created_by=author_user
    )
    others = make_article(
        section=section, status="draft", published_at=None, created_by=editor
    )
    published_own = make_article(section=section, created_by=author_user)
    client.force_login(author_user)

    def change_url(article):
        return reverse("admin:articles_article_change", args=[article.pk])

    assert client.get(change_url(own)).status_code == 200
    assert client.get(change_url(others)).status_code == 302  # "doesn't exist"
    response = client.post(change_url(published_own), article_form(section))
    published_own.refresh_from_db()
    assert response.status_code == 403
    assert published_own.title != "Gas talks resume"


def test_reader_account_cannot_open_the_admin(client, reader):
    client.force_login(reader)

    response = client.get(CHANGELIST_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_main_image_is_chosen_from_the_library(client, editor, section):
    image = make_image(alt="A photo")
    client.force_login(editor)

    response = client.post(ADD_URL, article_form(section, image=image.pk))

    assert response.status_code == 302
    assert Article.objects.get().image == image


def test_editing_published_text_sets_the_updated_time(client, editor, section):
    article = make_article(section=section, slug="gas-talks-resume")
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])

    client.post(url, article_form(section, title="Gas talks resume, updated"))

    article.refresh_from_db()
    assert article.title == "Gas talks resume, updated"
    assert article.was_updated is True


def test_tag_suggestions_for_staff_only(client, editor, section):
    make_article(section=section, tags=["Gazprom", "Gas", "Oil"])
    url = reverse("admin:articles_article_tag_suggestions")

    assert client.get(url, {"q": "ga"}).status_code == 302
    client.force_login(editor)
    assert client.get(url, {"q": "ga"}).json() == {"tags": ["Gas", "Gazprom"]}


def test_view_on_site_of_a_draft_is_the_staff_preview(client, editor, section):
    draft = make_article(section=section, status="draft", published_at=None)
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_change", args=[draft.pk]))

    assert f"/preview/{draft.pk}/" in response.content.decode()


def test_body_uses_the_rich_text_editor_limited_to_the_allow_list(client, editor):
    import base64
    import hashlib
    import json

    from bs4 import BeautifulSoup

    article = make_article()
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    config = json.loads(
        soup.select_one("#id_body")["data-django-prose-editor-configurable"]
    )
    assert config["extensions"]["Heading"] == {"levels": [2, 3, 4]}
    assert {"Bold", "Italic", "Link", "BulletList", "Blockquote"} <= set(
        config["extensions"]
    )
    assert "Image" not in config["extensions"] and "Table" not in config["extensions"]
    # Assets come from the package's own static files, never a CDN.
    sources = [s["src"] for s in soup.select("script[src]")]
    assert "/static/django_prose_editor/configurable.js" in sources
    assert not [src for src in sources if src.startswith(("http:", "https:", "//"))]
    importmap = soup.select_one('script[type="importmap"]').string
    digest = base64.b64encode(hashlib.sha256(importmap.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response["Content-Security-Policy"]


def test_editor_html_is_still_sanitized_on_save(client, editor, section):
    client.force_login(editor)
    body = '<p onclick="x()">Hi <img src=x onerror=alert(1)><script>bad()</script></p>'

    client.post(ADD_URL, article_form(section, body=body))

    assert Article.objects.get().body == "<p>Hi </p>"


def test_editor_links_a_russian_translation_with_a_transliterated_slug(
    client, editor, section
):
    original = make_article(section=section)
    rossiya = make_section(name="Россия", slug="rossiya", language="ru")
    client.force_login(editor)

    form_page = client.get(ADD_URL).content.decode()
    response = client.post(
        ADD_URL,
        article_form(
            rossiya,
            title="Глава НАТО и Иванов обсудят",
            slug="",
            translation_of=original.pk,
        ),
    )

    assert 'id="id_translation_of"' in form_page
    assert "admin-autocomplete" in form_page
    assert response.status_code == 302
    russian = Article.objects.get(translation_of=original)
    assert russian.language == "ru"
    assert russian.slug == "glava-nato-i-ivanov-obsudyat"
    assert russian.get_absolute_url() == "/ru/rossiya/glava-nato-i-ivanov-obsudyat/"


def test_admin_refuses_a_section_of_another_edition(client, editor):
    rossiya = make_section(slug="rossiya", language="ru")
    client.force_login(editor)

    response = client.post(ADD_URL, article_form(rossiya, language="en"))

    assert response.status_code == 200
    assert "The section belongs to another edition." in response.content.decode()
    assert not Article.objects.exists()
