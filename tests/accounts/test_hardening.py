"""Issue 10: lockouts per (address, account), `next` this site or nowhere,
clean display names, mail after commit with identical answers."""

import pytest
from axes.models import AccessAttempt
from django.core import mail

from accounts.models import User
from tests.factories import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def login(client, email, password, address="203.0.113.1"):
    return client.post(
        "/accounts/login/",
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def lock_after_three(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.LOGIN_FREE_FAILURES = 10  # the lock alone, without the slow-down


def test_failed_logins_record_the_account(client, lock_after_three):
    make_user(email="reader@example.com")

    login(client, "reader@example.com", "wrong")

    assert AccessAttempt.objects.get().username == "reader@example.com"


def test_failures_lock_that_account_from_that_address(client, lock_after_three):
    make_user(email="reader@example.com")
    for _ in range(3):
        login(client, "reader@example.com", "wrong")

    response = login(client, "reader@example.com", PASSWORD)

    assert response.status_code == 429
    assert response.wsgi_request.user.is_authenticated is False


def test_one_address_cannot_lock_out_the_other_readers_behind_it(
    client, lock_after_three
):
    make_user(email="victim@example.com")
    make_user(email="neighbour@example.com")
    for n in range(6):  # guessing several accounts from one address
        login(client, f"victim{n % 2 or ''}@example.com", "wrong")

    neighbour = login(client, "neighbour@example.com", PASSWORD)

    assert neighbour.status_code == 302
    assert neighbour.wsgi_request.user.email == "neighbour@example.com"


def test_the_owner_logs_in_from_another_address(client, lock_after_three):
    make_user(email="victim@example.com")
    for _ in range(4):
        login(client, "victim@example.com", "wrong", address="198.51.100.66")

    owner = login(client, "victim@example.com", PASSWORD, address="203.0.113.5")

    assert owner.status_code == 302


def test_lockouts_key_on_the_client_behind_a_trusted_proxy(
    client, settings, lock_after_three
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    make_user(email="reader@example.com")
    for _ in range(3):
        client.post(
            "/accounts/login/",
            {"username": "reader@example.com", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )

    other_client = client.post(
        "/accounts/login/",
        {"username": "reader@example.com", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )

    assert other_client.status_code == 302
    assert AccessAttempt.objects.get().ip_address == "198.51.100.66"


@pytest.mark.parametrize("target", ["id", "foo", "//evil.example/"])
def test_a_logged_in_reader_with_a_bad_next_goes_home(client, reader, target):
    client.force_login(reader)

    response = client.get("/accounts/register/", {"next": target})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_login_and_logout_redirect_only_to_paths_on_this_site(client, reader):
    logged_in = client.post(
        "/accounts/login/?next=id",
        {"username": reader.email, "password": PASSWORD},
    )
    logged_out = client.post("/accounts/logout/?next=//evil.example/")

    assert logged_in["Location"] == "/"
    assert logged_out["Location"] == "/"


def test_display_names_lose_bidi_overrides_and_invisible_characters(client, reader):
    client.force_login(reader)

    client.post("/accounts/profile/", {"display_name": "\u202eAdmin\u200b\u2066 Bob"})

    reader.refresh_from_db()
    assert reader.display_name == "Admin Bob"


def test_a_display_name_of_invisible_characters_only_is_refused(client, reader):
    User.objects.filter(pk=reader.pk).update(display_name="Reader")
    client.force_login(reader)

    response = client.post("/accounts/profile/", {"display_name": "\u200b\u202e"})

    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.display_name == "Reader"


def test_registration_mail_waits_for_the_commit(rf, django_capture_on_commit_callbacks):
    from accounts import services

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.register_reader(
            email="new@example.com",
            password=PASSWORD,
            display_name="New",
            site_url="http://testserver/",
        )
        assert mail.outbox == []  # nothing sent inside the transaction

    assert len(callbacks) == 1
    callbacks[0]()
    assert mail.outbox[0].to == ["new@example.com"]


def test_resend_answers_alike_for_inactive_unknown_and_active_addresses(client):
    make_user(email="waiting@example.com", is_active=False)
    make_user(email="active@example.com")

    pages = [
        client.post("/accounts/activate/resend/", {"email": email})
        for email in ("waiting@example.com", "nobody@example.com", "active@example.com")
    ]

    assert {page.status_code for page in pages} == {200}
    texts = [
        page.content.decode()
        .replace("waiting@example.com", "X")
        .replace("nobody@example.com", "X")
        .replace("active@example.com", "X")
        for page in pages
    ]
    assert texts[0] == texts[1] == texts[2]
    assert [m.to for m in mail.outbox] == [["waiting@example.com"]]


def test_two_registrations_of_one_address_make_one_account(client):
    data = {
        "email": "twice@example.com",
        "display_name": "Twice",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }

    first = client.post("/accounts/register/", data)
    second = client.post("/accounts/register/", data)

    assert first.status_code == second.status_code == 200
    assert User.objects.filter(email="twice@example.com").count() == 1


def test_subscribing_with_a_bad_next_returns_to_the_target(client, reader, section):
    client.force_login(reader)

    response = client.post(f"/subscriptions/section/{section.slug}/?next=foo")

    assert response.status_code == 302
    assert response["Location"] == section.get_absolute_url()
