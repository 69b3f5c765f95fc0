from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from desk.models import Transition
from desk.services import save_article
from tests.factories import image_upload, make_article, make_image, make_section

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")


def draft_by(user, **overrides):
    fields = {"status": "draft", "published_at": None, "created_by": user}
    return make_article(**{**fields, **overrides})


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_author_submits_own_draft_and_it_is_recorded(author_user):
    article = draft_by(author_user)

    save_article(move="submit", article=article, by=author_user)

    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    step = article.transitions.get()
    assert (step.user, step.from_status, step.to_status) == (
        author_user,
        "draft",
        "review",
    )


def test_author_cannot_submit_someone_elses_draft(author_user, editor):
    article = draft_by(editor)

    with pytest.raises(PermissionDenied):
        save_article(move="submit", article=article, by=author_user)


def test_submitting_twice_is_refused_with_a_reason(author_user):
    article = draft_by(author_user, status="review")

    with pytest.raises(ValidationError, match="In review"):
        save_article(move="submit", article=article, by=author_user)


@pytest.mark.parametrize(
    "move, kwargs",
    [
        ("publish", {}),
        ("request_changes", {"note": "More sources."}),
        ("unpublish", {}),
        ("archive", {}),
    ],
)
def test_authors_cannot_make_editor_transitions(author_user, move, kwargs):
    article = draft_by(author_user, status="review")

    with pytest.raises(PermissionDenied):
        save_article(article=article, by=author_user, move=move, **kwargs)


def test_editor_publishes_now(editor, author_user):
    article = draft_by(author_user, status="review")

    save_article(move="publish", article=article, by=editor)

    assert article.is_published is True
    assert Article.objects.published().filter(pk=article.pk).exists() is True
    assert article.transitions.get().to_status == "published"


def test_editor_schedules_and_it_appears_at_its_time(editor, author_user, monkeypatch):
    article = draft_by(author_user, status="review")
    start = timezone.now()
    at = start + timedelta(minutes=2)

    save_article(move="schedule", article=article, by=editor, at=at)

    assert article.state == "scheduled"
    assert article.transitions.get().to_status == "scheduled"
    assert Article.objects.published().filter(pk=article.pk).exists() is False
    monkeypatch.setattr(timezone, "now", lambda: at + timedelta(seconds=1))
    assert Article.objects.published().filter(pk=article.pk).exists() is True


def test_scheduling_in_the_past_is_refused(editor):
    article = draft_by(editor)

    with pytest.raises(ValidationError, match="future"):
        save_article(
            move="schedule",
            article=article,
            by=editor,
            at=timezone.now() - timedelta(minutes=1),
        )


def test_request_changes_returns_to_draft_with_the_note(editor, author_user, client):
    article = draft_by(author_user, status="review")

    save_article(
        move="request_changes", article=article, by=editor, note="Check the figures."
    )

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    client.force_login(author_user)
    assert "Check the figures." in client.get(change_url(article)).content.decode()


def test_request_changes_needs_a_note(editor):
    article = draft_by(editor, status="review")

    with pytest.raises(ValidationError, match="note"):
        save_article(move="request_changes", article=article, by=editor, note="  ")


def test_unpublished_article_answers_410_and_leaves_lists(editor, client, section):
    article = make_article(section=section, title="Withdrawn story")

    save_article(move="unpublish", article=article, by=editor)

    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
    assert response.cookies == {}
    assert (
        "Withdrawn story" not in client.get(section.get_absolute_url()).content.decode()
    )
    assert "Withdrawn story" not in client.get("/feeds/rss/").content.decode()


def test_never_public_article_is_404_not_410(client, section):
    article = make_article(section=section, status="draft", published_at=None)

    assert client.get(article.get_absolute_url()).status_code == 404


def test_archived_article_stays_readable_but_leaves_lists(editor, client, section):
    article = make_article(section=section, title="Old story")

    save_article(move="archive", article=article, by=editor)

    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Old story" not in client.get(section.get_absolute_url()).content.decode()
    assert "Old story" not in client.get("/newsfeed/").content.decode()


def test_unpublish_a_draft_is_refused(editor):
    article = draft_by(editor)

    with pytest.raises(ValidationError, match="cannot be unpublished"):
        save_article(move="unpublish", article=article, by=editor)


@pytest.mark.parametrize(
    "overrides, reason",
    [
        ({"title": "x" * 121}, "121 characters"),
        ({"lead": ""}, "lead is missing"),
        ({"image_alt": "", "with_image": True}, "no alt text"),
        ({"section_active": False}, "inactive"),
    ],
)
def test_pre_publish_checks_refuse_with_reasons(editor, overrides, reason):
    overrides = dict(overrides)
    section = make_section(is_active=overrides.pop("section_active", True))
    if overrides.pop("with_image", False):
        overrides["image"] = image_upload()
    article = draft_by(editor, section=section, **overrides)

    with pytest.raises(ValidationError) as error:
        save_article(move="publish", article=article, by=editor)

    assert reason in " ".join(error.value.messages)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_pre_publish_checks_list_every_reason(editor):
    section = make_section(is_active=False)
    article = draft_by(editor, section=section, title="", lead="")

    with pytest.raises(ValidationError) as error:
        save_article(move="publish", article=article, by=editor)

    assert error.value.messages == [
        "The title is missing.",
        "The lead is missing.",
        f"The section “{section.name}” is inactive.",
    ]
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.transitions.exists() is False


def test_publishing_through_the_admin_form_runs_the_checks(client, editor, section):
    from tests.desk.test_admin import ADD_URL, article_form

    client.force_login(editor)

    # An image from before the library, when alt text was optional.
    image = make_image(alt="")

    response = client.post(ADD_URL, article_form(section, image=image.pk))

    assert response.status_code == 200
    assert "no alt text" in response.content.decode()
    assert not Article.objects.exists()


def test_publish_button_on_the_change_page(client, editor, author_user):
    from tests.desk.test_admin import article_form

    article = draft_by(author_user, status="review", slug="gas-talks-resume")
    client.force_login(editor)
    data = article_form(article.section, status="review", _workflow="publish")
    data.pop("published_at_0"), data.pop("published_at_1")

    response = client.post(change_url(article), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published is True
    assert article.transitions.get().user == editor


def test_publish_button_refusal_lists_the_reasons(client, editor):
    from tests.desk.test_admin import article_form

    section = make_section(is_active=False, name="Archive desk")
    article = draft_by(editor, slug="gas-talks-resume", section=section)
    title = article.title
    client.force_login(editor)
    # A valid form: only the write path's pre-publish checks refuse it.
    data = article_form(section, status="draft", _workflow="publish")
    data["title"] = "x" * 121
    data["seen_version"] = article.version

    response = client.post(change_url(article), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "The title is 121 characters long; the limit is 120." in page
    assert "The section “Archive desk” is inactive." in page
    article.refresh_from_db()
    assert (article.status, article.title) == ("draft", title)
    assert article.revisions.exists() is False
    assert article.transitions.exists() is False


def test_publish_now_is_one_save_one_revision_one_transition(
    client, editor, author_user
):
    from django.db.models.signals import post_save

    from tests.desk.test_admin import article_form

    article = draft_by(author_user, status="review", slug="gas-talks-resume")
    client.force_login(editor)
    data = article_form(article.section, status="review", _workflow="publish")
    data["title"] = "Gas talks resume in Moscow"
    data["seen_version"] = article.version
    saves = []

    def count(sender, instance, **kwargs):
        saves.append(instance.pk)

    post_save.connect(count, sender=Article)
    try:
        response = client.post(change_url(article), data)
    finally:
        post_save.disconnect(count, sender=Article)

    assert response.status_code == 302
    article.refresh_from_db()
    assert saves == [article.pk]
    assert article.version == data["seen_version"] + 1
    revision = article.revisions.get()
    assert (revision.title, revision.is_public, revision.note) == (
        "Gas talks resume in Moscow",
        True,
        "Published.",
    )
    step = article.transitions.get()
    assert (step.from_status, step.to_status, step.user) == (
        "review",
        "published",
        editor,
    )


def test_submit_button_for_the_author(client, author_user):
    from tests.desk.test_admin import article_form

    article = draft_by(author_user, slug="gas-talks-resume")
    client.force_login(author_user)
    page = client.get(change_url(article)).content.decode()
    data = article_form(article.section, _workflow="submit")

    response = client.post(change_url(article), data)

    assert 'value="submit"' in page
    assert 'value="publish"' not in page
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_author_bulk_submit_ignores_other_peoples_ids(client, author_user, editor):
    own = draft_by(author_user)
    others = draft_by(editor)
    client.force_login(author_user)

    client.post(
        CHANGELIST_URL,
        {"action": "submit_selected", "_selected_action": [own.pk, others.pk]},
    )

    own.refresh_from_db(), others.refresh_from_db()
    assert own.status == Article.Status.REVIEW
    assert others.status == Article.Status.DRAFT


def test_bulk_publish_refuses_rows_that_fail_checks(client, editor):
    good = draft_by(editor)
    bad = draft_by(editor, lead="")
    client.force_login(editor)

    response = client.post(
        CHANGELIST_URL,
        {"action": "publish_selected", "_selected_action": [good.pk, bad.pk]},
        follow=True,
    )

    good.refresh_from_db(), bad.refresh_from_db()
    assert good.is_published is True
    assert bad.status == Article.Status.DRAFT
    assert "lead is missing" in response.content.decode()


def test_status_changed_in_the_form_is_recorded(client, editor, section):
    from tests.desk.test_admin import ADD_URL, article_form

    client.force_login(editor)

    client.post(ADD_URL, article_form(section))

    step = Transition.objects.get()
    assert (step.from_status, step.to_status, step.user) == (
        "draft",
        "published",
        editor,
    )


def test_history_is_shown_on_the_change_page(client, editor, author_user):
    article = draft_by(author_user)
    save_article(move="submit", article=article, by=author_user)
    save_article(
        move="request_changes", article=article, by=editor, note="Needs a quote."
    )
    client.force_login(editor)

    page = client.get(change_url(article)).content.decode()

    assert "desk-history" in page
    assert "Needs a quote." in page
    assert "In review" in page


def test_change_page_shows_word_count_and_reading_time(client, editor):
    article = draft_by(editor, body="<p>" + "word " * 401 + "</p>")
    client.force_login(editor)

    page = client.get(change_url(article)).content.decode()

    assert article.word_count == 401
    assert '<span class="desk-length__words">401</span>' in page
    assert '<span class="desk-length__minutes">3</span>' in page


@pytest.mark.parametrize(
    "start, status, allowed",
    [
        ({"status": "draft", "published_at": None}, "archived", False),
        ({"status": "draft", "published_at": None}, "unpublished", False),
        ({"status": "draft", "published_at": None}, "review", True),
        ({}, "archived", True),
        ({}, "draft", False),
    ],
)
def test_status_field_allows_only_legal_moves(client, editor, start, status, allowed):
    from tests.desk.test_admin import article_form

    article = make_article(slug="gas-talks-resume", created_by=editor, **start)
    before = article.status
    client.force_login(editor)

    response = client.post(
        change_url(article), article_form(article.section, status=status)
    )

    article.refresh_from_db()
    assert (article.status == status) is allowed
    if not allowed:
        assert article.status == before
        assert "cannot become" in response.content.decode()


def test_publishing_by_status_without_a_time_uses_now(client, editor):
    from tests.desk.test_admin import article_form

    article = draft_by(editor, slug="gas-talks-resume")
    client.force_login(editor)
    data = article_form(article.section, status="published")
    data["published_at_0"] = data["published_at_1"] = ""

    response = client.post(change_url(article), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published is True
