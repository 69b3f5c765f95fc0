import pytest
from django.urls import reverse

from participation.models import Restriction
from tests.factories import make_article, make_staff

pytestmark = pytest.mark.django_db

ADD = reverse("admin:participation_restriction_add")


@pytest.mark.parametrize("group", ["Moderators", "Editors"])
def test_moderators_restrict_a_reader_in_one_section(client, reader, group):
    article = make_article()
    moderator = make_staff(groups=[group])
    client.force_login(moderator)

    response = client.post(
        ADD,
        {
            "user": reader.pk,
            "scope": "everything",
            "section": article.section.pk,
            "reason": "Flooding the match thread",
        },
    )

    assert response.status_code == 302
    restriction = Restriction.objects.get()
    assert (restriction.user, restriction.created_by) == (reader, moderator)
    assert (restriction.section, restriction.until) == (article.section, None)


def test_a_restriction_names_a_section_or_an_article_not_both(client, reader):
    article = make_article()
    client.force_login(make_staff(groups=["Moderators"]))

    response = client.post(
        ADD,
        {
            "user": reader.pk,
            "scope": "comments",
            "section": article.section.pk,
            "article": article.pk,
        },
    )

    assert response.status_code == 200
    assert "Choose a section or an article, not both." in response.content.decode()
    assert Restriction.objects.exists() is False


def test_authors_cannot_restrict_readers(client, reader):
    client.force_login(make_staff(groups=["Authors"]))

    response = client.post(ADD, {"user": reader.pk, "scope": "comments"})

    assert response.status_code == 403
    assert Restriction.objects.exists() is False
