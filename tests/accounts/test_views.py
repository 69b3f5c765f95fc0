import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_user

pytestmark = pytest.mark.django_db
User = get_user_model()


def register_data(**overrides):
    data = {
        "email": "New.Reader@Example.com",
        "display_name": "New Reader",
        "password1": "a-long-test-password",
        "password2": "a-long-test-password",
    }
    data.update(overrides)
    return data


def test_register_creates_an_account_and_returns_to_the_article(client):
    response = client.post(
        "/accounts/register/", register_data(next="/russia/some-article/#discussion")
    )

    assert response.status_code == 302
    assert response["Location"] == "/russia/some-article/#discussion"
    user = User.objects.get()
    assert user.email == "new.reader@example.com"
    assert user.is_staff is False
    assert client.get("/").wsgi_request.user == user


def test_register_ignores_a_next_outside_the_site(client):
    response = client.post(
        "/accounts/register/", register_data(next="https://evil.example/phish")
    )

    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "overrides",
    [
        {"email": "not-an-email"},
        {"password2": "different-password"},
        {"password1": "123", "password2": "123"},
        {"display_name": ""},
    ],
)
def test_bad_registration_is_a_form_error_and_creates_nothing(client, overrides):
    response = client.post("/accounts/register/", register_data(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.exists()


def test_registering_an_address_twice_is_refused(client):
    make_user(email="new.reader@example.com")

    response = client.post("/accounts/register/", register_data())

    assert response.status_code == 200
    assert User.objects.count() == 1


def test_login_with_email_returns_to_next(client):
    make_user(email="reader@example.com", password="a-long-test-password")

    response = client.post(
        "/accounts/login/",
        {
            "username": "READER@example.com",
            "password": "a-long-test-password",
            "next": "/russia/x/#discussion",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/russia/x/#discussion"


def test_login_ignores_an_outside_next(client):
    make_user(email="reader@example.com", password="a-long-test-password")

    response = client.post(
        "/accounts/login/",
        {
            "username": "reader@example.com",
            "password": "a-long-test-password",
            "next": "//evil.example/",
        },
    )

    assert response["Location"] == "/"


def test_wrong_password_is_a_form_error(client):
    make_user(email="reader@example.com", password="a-long-test-password")

    response = client.post(
        "/accounts/login/", {"username": "reader@example.com", "password": "nope"}
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_logout_needs_a_post(client, reader):
    client.force_login(reader)

    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/").wsgi_request.user.is_authenticated is False


def test_only_superusers_can_grant_staff_or_groups(client):
    manager = make_user(is_staff=True)
    from django.contrib.auth.models import Permission

    manager.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_user", "view_user"])
    )
    target = make_user(email="target@example.com")
    client.force_login(manager)

    client.post(
        f"/admin/accounts/user/{target.pk}/change/",
        {
            "email": target.email,
            "display_name": "Target",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "date_joined_0": "2009-01-01",
            "date_joined_1": "00:00:00",
        },
    )

    target.refresh_from_db()
    assert target.display_name == "Target"
    assert target.is_staff is False
    assert target.is_superuser is False
