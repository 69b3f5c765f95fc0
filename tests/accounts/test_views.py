import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

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


def activation_link(outbox):
    (url,) = re.findall(r"https?://\S+/accounts/activate/\S+", outbox[-1].body)
    return url.replace("http://testserver", "")


def test_register_sends_an_activation_link_that_returns_to_the_article(client):
    response = client.post(
        "/accounts/register/", register_data(next="/russia/some-article/#discussion")
    )

    assert response.status_code == 200
    assert "new.reader@example.com" in response.content.decode()
    user = User.objects.get()
    assert user.email == "new.reader@example.com"
    assert user.is_active is False
    assert user.is_staff is False
    assert len(mail.outbox) == 1

    response = client.get(activation_link(mail.outbox))

    assert response.status_code == 302
    assert response["Location"] == "/russia/some-article/#discussion"
    user.refresh_from_db()
    assert user.is_active is True
    assert client.get("/").wsgi_request.user == user


def test_activation_link_works_once(client):
    client.post("/accounts/register/", register_data())
    link = activation_link(mail.outbox)
    client.get(link)
    client.post("/accounts/logout/")

    response = client.get(link)

    assert response.status_code == 400


@pytest.mark.parametrize(
    "link", ["/accounts/activate/xx/yy/", "/accounts/activate/MQ/bad-token/"]
)
def test_a_forged_activation_link_is_refused(client, link):
    client.post("/accounts/register/", register_data())

    assert client.get(link).status_code == 400
    assert User.objects.get().is_active is False


def test_inactive_account_cannot_log_in(client):
    client.post("/accounts/register/", register_data())

    response = client.post(
        "/accounts/login/",
        {"username": "new.reader@example.com", "password": "a-long-test-password"},
    )

    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated is False


def test_send_again_mails_a_new_link_without_revealing_accounts(client):
    client.post("/accounts/register/", register_data())
    mail.outbox.clear()

    waiting = client.post(
        "/accounts/activate/resend/", {"email": "new.reader@example.com"}
    )
    unknown = client.post("/accounts/activate/resend/", {"email": "nobody@example.com"})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.reader@example.com"]
    assert waiting.status_code == unknown.status_code == 200
    strip = lambda r, e: r.content.decode().replace(e, "")  # noqa: E731
    assert strip(waiting, "new.reader@example.com") == strip(
        unknown, "nobody@example.com"
    )
    client.get(activation_link(mail.outbox))
    assert User.objects.get().is_active is True


def test_registering_a_taken_address_looks_the_same_and_mails_its_owner(client):
    make_user(email="new.reader@example.com")

    response = client.post("/accounts/register/", register_data())

    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert User.objects.count() == 1
    assert mail.outbox[0].to == ["new.reader@example.com"]
    assert "already has an account" in mail.outbox[0].body


def test_registration_honeypot_turns_bots_away(client):
    response = client.post("/accounts/register/", register_data(website="http://spam"))

    assert response.status_code == 200
    assert not User.objects.exists()
    assert not mail.outbox


def test_registration_is_rate_limited_per_address(client, settings):
    settings.REGISTRATION_RATE = (2, 3600)
    for i in range(2):
        client.post("/accounts/register/", register_data(email=f"r{i}@example.com"))

    response = client.post("/accounts/register/", register_data(email="r9@example.com"))

    assert "Too many registrations" in response.content.decode()
    assert User.objects.count() == 2


def test_register_ignores_a_next_outside_the_site(client):
    client.post("/accounts/register/", register_data(next="https://evil.example/phish"))

    response = client.get(activation_link(mail.outbox))

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


def test_repeated_failed_logins_lock_the_account_and_the_address(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.LOGIN_FREE_FAILURES = 10  # the lock alone, without the slow-down
    make_user(email="reader@example.com", password="a-long-test-password")
    for _ in range(3):
        client.post(
            "/accounts/login/", {"username": "reader@example.com", "password": "wrong"}
        )

    response = client.post(
        "/accounts/login/",
        {"username": "reader@example.com", "password": "a-long-test-password"},
    )

    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert response.wsgi_request.user.is_authenticated is False


def test_password_reset_does_not_reveal_accounts_and_works(client):
    make_user(email="reader@example.com", password="old-password-123")

    known = client.post("/accounts/password/reset/", {"email": "reader@example.com"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})

    assert known["Location"] == unknown["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    (link,) = re.findall(
        r"http://testserver(/accounts/password/reset/\S+)", mail.outbox[0].body
    )
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url,
        {
            "new_password1": "brand-new-password-42",
            "new_password2": "brand-new-password-42",
        },
    )
    assert response["Location"] == "/accounts/password/reset/done/"
    assert User.objects.get().check_password("brand-new-password-42") is True


def test_password_change(client, reader):
    client.force_login(reader)

    response = client.post(
        "/accounts/password/",
        {
            "old_password": "a-long-test-password",
            "new_password1": "another-long-password",
            "new_password2": "another-long-password",
        },
    )

    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.check_password("another-long-password") is True


def test_email_change_needs_the_password_and_a_confirmed_link(client, reader):
    client.force_login(reader)

    wrong = client.post(
        "/accounts/email/", {"new_email": "new@example.com", "password": "nope"}
    )
    assert wrong.status_code == 200
    assert not mail.outbox

    client.post(
        "/accounts/email/",
        {"new_email": "New@Example.com", "password": "a-long-test-password"},
    )
    reader.refresh_from_db()
    assert reader.email == "reader@example.com"
    assert mail.outbox[0].to == ["new@example.com"]
    (link,) = re.findall(
        r"http://testserver(/accounts/email/confirm/\S+)", mail.outbox[0].body
    )

    client.get(link)

    reader.refresh_from_db()
    assert reader.email == "new@example.com"
    assert client.get(link).status_code == 400


def test_email_change_to_a_taken_address_sends_nothing(client, reader):
    make_user(email="taken@example.com")
    client.force_login(reader)

    response = client.post(
        "/accounts/email/",
        {"new_email": "taken@example.com", "password": "a-long-test-password"},
    )

    assert response.status_code == 200
    assert not mail.outbox


def test_profile_lists_the_readers_comments(client, reader):
    from comments.models import Comment
    from tests.factories import make_article

    article = make_article()
    Comment.objects.create(article=article, author=reader, body="My view on this")
    client.force_login(reader)

    response = client.post("/accounts/profile/", {"display_name": "Ivan"})
    page = client.get("/accounts/profile/").content.decode()

    assert response.status_code == 302
    assert "My view on this" in page
    assert "Ivan" in page


def test_deleting_the_account_keeps_comments_from_a_deleted_user(client, reader):
    from comments.models import Comment
    from tests.factories import make_article

    article = make_article()
    comment = Comment.objects.create(article=article, author=reader, body="Stays here")
    client.force_login(reader)

    refused = client.post("/accounts/delete/", {"password": "wrong"})
    assert refused.status_code == 200
    assert User.objects.filter(pk=reader.pk).exists()

    client.post("/accounts/delete/", {"password": "a-long-test-password"})

    assert not User.objects.filter(pk=reader.pk).exists()
    comment.refresh_from_db()
    assert comment.author is None
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Stays here" in page
    assert "Deleted user" in page


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/profile/",
        "/accounts/email/",
        "/accounts/delete/",
        "/accounts/password/",
    ],
)
def test_account_pages_need_a_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_failed_logins_are_slowed_before_they_are_refused(
    client, settings, monkeypatch
):
    settings.LOGIN_FREE_FAILURES = 2
    settings.AXES_FAILURE_LIMIT = 10
    make_user(email="reader@example.com", password="a-long-test-password")
    clock = [1_000_000.0]
    monkeypatch.setattr("accounts.throttle.time.time", lambda: clock[0])
    right = {"username": "reader@example.com", "password": "a-long-test-password"}
    wrong = {**right, "password": "wrong"}

    for _ in range(3):
        client.post("/accounts/login/", wrong)
    early = client.post("/accounts/login/", right)
    clock[0] += 2
    on_time = client.post("/accounts/login/", right)

    assert "Try again in 2 seconds" in early.content.decode()
    assert early.wsgi_request.user.is_authenticated is False
    assert on_time.status_code == 302
