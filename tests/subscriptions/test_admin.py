import csv
import io

import pytest
from django.contrib.auth.models import Permission

from tests.factories import make_author, make_section, make_staff, make_user

from .conftest import subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = make_staff(groups=[], email="editor@example.com")
    user.user_permissions.add(
        Permission.objects.get(codename="view_subscription"),
        Permission.objects.get(codename="view_section"),
    )
    return user


def test_csv_export_counts_subscribers_per_section_tag_and_author(
    client, editor, russia
):
    author = make_author(name="=Ivanov")
    for i in range(3):
        subscribe(f"r{i}@example.com", russia)
    subscribe("a@example.com", author, kind="author")
    client.force_login(editor)

    response = client.get("/admin/subscriptions/subscription/counts.csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["kind", "name", "slug", "subscribers"],
        ["Section", "Russia", "russia", "3"],
        ["Author", "'=Ivanov", author.slug, "1"],
    ]
    page = client.get("/admin/subscriptions/subscription/counts/")
    assert page.status_code == 200
    assert "Russia" in page.content.decode()


@pytest.mark.parametrize(
    "who, status",
    # The admin sends visitors who are not staff to its login page, and
    # refuses staff who lack the permission.
    [("anonymous", 302), ("reader", 302), ("staff_without_permission", 403)],
)
def test_counts_and_csv_are_refused_without_permission(client, who, status):
    if who == "reader":
        client.force_login(make_user())
    elif who == "staff_without_permission":
        client.force_login(make_staff(groups=[]))

    for url in [
        "/admin/subscriptions/subscription/counts.csv",
        "/admin/subscriptions/subscription/counts/",
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        if status == 302:
            assert response["Location"].startswith("/admin/login/?next=")
        assert b"subscribers" not in response.content


@pytest.mark.parametrize("n_sections", [1, 6])
def test_section_admin_shows_subscriber_counts_in_constant_queries(
    client, editor, n_sections, django_assert_num_queries
):
    for i in range(n_sections):
        section = make_section()
        subscribe(f"s{i}@example.com", section)
        subscribe(f"t{i}@example.com", section)
    client.force_login(editor)
    client.get("/admin/articles/section/")

    with django_assert_num_queries(7):
        response = client.get("/admin/articles/section/")

    assert response.status_code == 200
    assert response.content.decode().count(
        '<td class="field-subscriber_count">2</td>'
    ) == (n_sections)
