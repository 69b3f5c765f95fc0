"""Editors add and remove redirects in the admin; authors cannot."""

import pytest
from django.urls import reverse

from redirects.models import Redirect
from tests.factories import make_article
from tests.invalidation import logged_in

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:redirects_redirect_add")
LIST_URL = reverse("admin:redirects_redirect_changelist")


@pytest.fixture
def desk(editor):
    return logged_in(editor)


def errors(response):
    form = response.context["adminform"].form
    return {
        name: [e.code for e in errs.as_data()] for name, errs in form.errors.items()
    }


def test_an_editor_adds_a_redirect_readers_follow(desk, client, story):
    response = desk.post(
        ADD_URL, {"old_address": "https://example.com/world/gas/", "article": story.pk}
    )

    assert response.status_code == 302
    redirect = Redirect.objects.get()
    assert (redirect.language, redirect.section_slug, redirect.article_slug) == (
        "en",
        "world",
        "gas",
    )
    assert redirect.is_automatic is False
    answer = client.get("/world/gas/")
    assert (answer.status_code, answer["Location"]) == (301, "/world/gas-talks/")


def test_an_editor_sends_an_old_russian_section_to_a_section(desk, client, world):
    response = desk.post(ADD_URL, {"old_address": "/ru/mir", "section": world.pk})

    assert response.status_code == 302
    assert client.get("/ru/mir/")["Location"] == "/world/"


def test_an_old_article_address_may_lead_to_a_section(desk, client, world):
    response = desk.post(ADD_URL, {"old_address": "/world/gone/", "section": world.pk})

    assert response.status_code == 302
    assert client.get("/world/gone/")["Location"] == "/world/"


def test_an_editor_removes_a_redirect(desk, client, story):
    redirect = Redirect.objects.create(
        section_slug="world", article_slug="gas", article=story
    )

    response = desk.post(
        reverse("admin:redirects_redirect_delete", args=[redirect.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert client.get("/world/gas/").status_code == 404


def test_the_list_shows_old_and_current_addresses(desk, world, story, move):
    move(story, slug="gas-deal")

    response = desk.get(LIST_URL)

    assert response.status_code == 200
    assert "/world/gas-talks/" in response.content.decode()
    assert "/world/gas-deal/" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"old_address": "/world/gas-talks/"}, {"old_address": ["live"]}),
        ({"old_address": "/world/"}, {"old_address": ["live"]}),
        ({"old_address": "/tags/gas/"}, {"old_address": ["not_redirectable"]}),
        ({"old_address": "/archive/2009/01/"}, {"old_address": ["not_redirectable"]}),
        ({"old_address": "/world/old/", "article": None}, {"__all__": ["one_target"]}),
        ({"old_address": f"/{'a' * 81}/"}, {"old_address": ["not_redirectable"]}),
        (
            {"old_address": f"/world/{'a' * 201}/"},
            {"old_address": ["not_redirectable"]},
        ),
    ],
    ids=[
        "live-article",
        "live-section",
        "tag",
        "archive",
        "no-target",
        "long-section",
        "long-article",
    ],
)
def test_a_redirect_that_cannot_work_is_refused(desk, story, data, expected):
    data = {"article": story.pk, **data}
    data = {name: value for name, value in data.items() if value is not None}

    response = desk.post(ADD_URL, data)

    assert response.status_code == 200
    assert errors(response) == expected
    assert Redirect.objects.count() == 0


def test_a_redirect_to_both_an_article_and_a_section_is_refused(desk, world, story):
    response = desk.post(
        ADD_URL, {"old_address": "/old/", "article": story.pk, "section": world.pk}
    )

    assert errors(response) == {"__all__": ["one_target"]}


def test_a_redirect_from_its_targets_own_address_is_refused(desk, story):
    draft = make_article(section=story.section, slug="draft", status="draft")

    response = desk.post(ADD_URL, {"old_address": "/world/draft/", "article": draft.pk})

    assert errors(response) == {"old_address": ["loop"]}


def test_an_address_that_already_redirects_is_refused(desk, story):
    Redirect.objects.create(section_slug="world", article_slug="gas", article=story)

    response = desk.post(ADD_URL, {"old_address": "/world/gas/", "article": story.pk})

    assert errors(response) == {"old_address": ["taken"]}
    assert Redirect.objects.count() == 1


def test_an_author_may_not_see_add_or_remove_redirects(author_user, story):
    writer = logged_in(author_user)
    redirect = Redirect.objects.create(
        section_slug="world", article_slug="gas", article=story
    )

    assert writer.get(LIST_URL).status_code == 403
    assert writer.get(ADD_URL).status_code == 403
    assert (
        writer.post(ADD_URL, {"old_address": "/world/x/", "article": story.pk})
    ).status_code == 403
    delete_url = reverse("admin:redirects_redirect_delete", args=[redirect.pk])
    assert writer.post(delete_url, {"post": "yes"}).status_code == 403
    assert Redirect.objects.count() == 1


@pytest.mark.parametrize("rows", [1, 30])
def test_the_list_costs_the_same_for_one_row_or_many(
    desk, world, story, rows, django_assert_num_queries
):
    for n in range(rows):
        Redirect.objects.create(
            section_slug="world", article_slug=f"old-{n}", article=story
        )
        Redirect.objects.create(section_slug=f"old-{n}", section=world)
    desk.get(LIST_URL)

    # session, user, their own and their groups' permissions; the count
    # twice (filtered, total); the page of rows with articles and sections
    with django_assert_num_queries(7):
        assert desk.get(LIST_URL).status_code == 200
