import pytest
from django.core import mail, signing

from subscriptions import services
from subscriptions.models import Subscription
from tests.factories import make_article, make_author

from .conftest import link_in, subscribe

pytestmark = pytest.mark.django_db


def post_subscribe(client, email="new@example.com", frequency="daily", **extra):
    return client.post(
        "/subscriptions/section/russia/",
        {"email": email, "frequency": frequency, **extra},
    )


def test_anonymous_pages_link_to_subscribe_page_without_cookie_or_token(client, russia):
    article = make_article(section=russia, tags=["nato"], authors=[make_author()])
    author = article.authors.get()

    for url, target in [
        (article.get_absolute_url(), "/subscriptions/section/russia/"),
        ("/russia/", "/subscriptions/section/russia/"),
        ("/tags/nato/", "/subscriptions/tag/nato/"),
        (author.get_absolute_url(), f"/subscriptions/author/{author.slug}/"),
    ]:
        response = client.get(url)
        html = response.content.decode()
        assert f'href="{target}"' in html, url
        assert "csrfmiddlewaretoken" not in html, url
        assert response.cookies == {}, url


def test_tag_and_author_controls_offer_their_feeds(client, russia):
    author = make_author(slug="ivanov")
    make_article(section=russia, tags=["nato"], authors=[author])

    assert 'href="/feeds/tags/nato/rss/"' in client.get("/tags/nato/").content.decode()
    assert (
        'href="/feeds/authors/ivanov/rss/"'
        in client.get("/authors/ivanov/").content.decode()
    )


def test_nothing_is_stored_or_sent_but_the_confirmation_before_confirming(
    client, russia
):
    make_article(section=russia)

    response = post_subscribe(client)

    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert Subscription.objects.count() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.com"]
    services.sweep()
    assert len(mail.outbox) == 1


def test_confirmation_link_subscribes_once_and_twice_is_harmless(client, russia):
    post_subscribe(client, email="New@Example.com")
    url = link_in(mail.outbox[0], "/subscriptions/confirm/")

    first = client.get(url)
    second = client.get(url)

    assert first.status_code == second.status_code == 200
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.section, subscription.frequency) == (
        "new@example.com",
        russia,
        "daily",
    )
    assert subscription.next_digest_at is not None


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.dumps({"e": "x@example.com", "k": "section", "t": 1, "f": "daily"}),
        signing.dumps(
            {"e": "x@example.com", "k": "nonsense", "t": 1, "f": "daily"},
            salt=services.CONFIRM_SALT,
        ),
    ],
)
def test_forged_confirmation_link_is_a_clear_400(client, russia, token):
    response = client.get(f"/subscriptions/confirm/{token}/")

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert Subscription.objects.count() == 0


def test_expired_confirmation_link_is_400(client, russia, monkeypatch):
    post_subscribe(client)
    url = link_in(mail.outbox[0], "/subscriptions/confirm/")
    later = signing.time.time() + 4 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)

    assert client.get(url).status_code == 400
    assert Subscription.objects.count() == 0


def test_already_subscribed_address_sees_the_same_page_and_gets_no_mail(client, russia):
    fresh = post_subscribe(client, email="fresh@example.com").content.decode()
    subscribe("known@example.com", russia)
    mail.outbox.clear()

    known = post_subscribe(client, email="known@example.com").content.decode()

    assert known.replace("known@", "X@") == fresh.replace("fresh@", "X@")
    assert mail.outbox == []


def test_honeypot_refuses_the_form(client, russia):
    response = post_subscribe(client, website="http://spam.example")

    assert response.status_code == 200
    assert "Check your inbox" not in response.content.decode()
    assert mail.outbox == []


def test_rate_limit_stops_many_requests_from_one_address(client, russia, settings):
    settings.SUBSCRIPTIONS_RATE = (2, 3600)

    for i in range(3):
        response = post_subscribe(client, email=f"r{i}@example.com")

    assert "Too many requests" in response.content.decode()
    assert len(mail.outbox) == 2


def test_bad_email_and_unknown_target(client, russia):
    response = post_subscribe(client, email="not-an-address")

    assert response.status_code == 200
    assert mail.outbox == []
    assert client.get("/subscriptions/section/nowhere/").status_code == 404
    assert client.get("/subscriptions/planet/russia/").status_code == 404


def test_logged_in_reader_subscribes_with_one_click_without_confirmation(
    client, russia, reader
):
    article = make_article(section=russia)
    client.force_login(reader)

    page = client.get(article.get_absolute_url()).content.decode()
    response = client.post(
        "/subscriptions/section/russia/", {"next": article.get_absolute_url()}
    )
    again = client.post("/subscriptions/section/russia/")

    assert 'action="/subscriptions/section/russia/"' in page
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert again.status_code == 302
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.frequency) == (reader.email, "immediate")
    assert mail.outbox == []


def test_profile_lists_and_manages_subscriptions(client, russia, reader):
    subscription = subscribe(reader.email, russia)
    others = subscribe("someone@example.com", russia)
    client.force_login(reader)

    page = client.get("/accounts/profile/").content.decode()
    changed = client.post(
        f"/subscriptions/{subscription.pk}/frequency/", {"frequency": "weekly"}
    )
    subscription.refresh_from_db()
    foreign = client.post(f"/subscriptions/{others.pk}/delete/")
    deleted = client.post(f"/subscriptions/{subscription.pk}/delete/")

    assert "Your e-mail subscriptions" in page
    assert 'href="/russia/"' in page
    assert changed.status_code == 302
    assert subscription.frequency == "weekly"
    assert foreign.status_code == 404
    assert deleted.status_code == 302
    assert list(Subscription.objects.all()) == [others]


def test_profile_rejects_a_bad_frequency(client, russia, reader):
    subscription = subscribe(reader.email, russia)
    client.force_login(reader)

    client.post(f"/subscriptions/{subscription.pk}/frequency/", {"frequency": "hourly"})

    subscription.refresh_from_db()
    assert subscription.frequency == "immediate"


@pytest.mark.parametrize("n_subscriptions", [1, 8])
def test_profile_query_count_is_flat(
    client, reader, n_subscriptions, django_assert_num_queries
):
    from tests.factories import make_section

    for _ in range(n_subscriptions):
        subscribe(reader.email, make_section(), frequency="daily")
        subscribe(reader.email, make_author(), kind="author")
    client.force_login(reader)
    client.get("/accounts/profile/")  # warm the session

    # session, user, comment count, subscriptions (no comments: no page);
    # the banner and the menu come from the fragment cache
    with django_assert_num_queries(QUERIES_PROFILE):
        response = client.get("/accounts/profile/")

    assert response.content.decode().count("reader-subscriptions__item") == (
        2 * n_subscriptions
    )


QUERIES_PROFILE = 4


def test_unsubscribe_link_asks_then_unsubscribes_on_post(client, russia):
    subscription = subscribe("a@example.com", russia)
    token = services.unsubscribe_token([subscription])

    page = client.get(f"/subscriptions/unsubscribe/{token}/")
    done = client.post(f"/subscriptions/unsubscribe/{token}/")
    again = client.post(f"/subscriptions/unsubscribe/{token}/")

    assert page.status_code == 200
    assert page.cookies == {}
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert Subscription.objects.count() == 0
    assert done.status_code == again.status_code == 200


def test_rfc8058_one_click_post_works_without_csrf_token(russia):
    from django.test import Client

    subscription = subscribe("a@example.com", russia)
    token = services.unsubscribe_token([subscription])
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        f"/subscriptions/unsubscribe/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert Subscription.objects.count() == 0


def test_other_subscription_views_keep_csrf(russia, reader):
    from django.test import Client

    subscription = subscribe(reader.email, russia)
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    response = client.post(f"/subscriptions/{subscription.pk}/delete/")

    assert response.status_code == 403
    assert Subscription.objects.count() == 1


def test_forged_unsubscribe_link_is_400(client):
    assert client.post("/subscriptions/unsubscribe/forged/").status_code == 400
    assert client.get("/subscriptions/unsubscribe/forged/").status_code == 400


def test_subscribe_pages_for_tag_and_author_confirm_to_the_right_target(client):
    author = make_author(slug="ivanov")
    make_article(tags=["nato"], authors=[author])

    client.post("/subscriptions/tag/nato/", {"email": "t@x.org", "frequency": "weekly"})
    client.post(
        "/subscriptions/author/ivanov/", {"email": "t@x.org", "frequency": "immediate"}
    )
    for message in mail.outbox:
        client.get(link_in(message, "/subscriptions/confirm/"))

    kinds = {(s.kind, s.target.slug, s.frequency) for s in Subscription.objects.all()}
    assert kinds == {("tag", "nato", "weekly"), ("author", "ivanov", "immediate")}
