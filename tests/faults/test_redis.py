"""Issue 10, fault 4: with REDIS_URL set, Redis stopped (nothing listens) or
hung (accepts, never answers). Pages load, writes that were stored answer
as stored, and each rate limit fails open or closed as documented."""

import pytest
from django.test import Client

from accounts.models import User
from chats.models import ChatMessage
from comments.models import Comment
from subscriptions.models import Subscription
from tests.factories import make_article, make_user

from .servers import HungServer, free_port

pytestmark = [pytest.mark.faults, pytest.mark.django_db]
PASSWORD = "a-long-test-password"


@pytest.fixture(params=["stopped", "hung"])
def broken_redis(request, settings):
    def point_at(port):
        url = f"redis://127.0.0.1:{port}/0"
        settings.REDIS_TIMEOUT = 0.2
        options = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
                "OPTIONS": options,
            }
        }
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": [{"address": url, **options}]},
            }
        }

    if request.param == "stopped":
        point_at(free_port())
        yield
        return
    with HungServer() as server:
        point_at(server.port)
        yield


def test_the_site_degrades_without_redis(broken_redis):
    article = make_article(comments_mode="open")
    reader = make_user(email="reader@example.com", display_name="Reader")
    member = Client()
    member.force_login(reader)

    answers = {
        "home": Client().get("/").status_code,
        "article": Client().get(article.get_absolute_url()).status_code,
        "login": Client()
        .post("/accounts/login/", {"username": reader.email, "password": PASSWORD})
        .status_code,
        "wrong password": Client()
        .post("/accounts/login/", {"username": reader.email, "password": "nope"})
        .status_code,
        "comment": member.post(f"/comments/post/{article.pk}/", {"body": "Hi"}),
        "chat": member.post(f"/chats/articles/{article.pk}/post/", {"text": "Hey"}),
        "subscribe logged in": member.post(
            f"/subscriptions/section/{article.section.slug}/"
        ),
        "register": Client().post(
            "/accounts/register/",
            {
                "email": "new@example.com",
                "display_name": "New",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        ),
        "subscribe anonymous": Client().post(
            f"/subscriptions/section/{article.section.slug}/",
            {"email": "follower@example.com", "frequency": "immediate"},
        ),
    }
    codes = {
        name: getattr(answer, "status_code", answer) for name, answer in answers.items()
    }

    assert codes == {
        "home": 200,
        "article": 200,
        "login": 302,
        "wrong password": 200,
        # Fail open: stored and answered as stored.
        "comment": 302,
        "chat": 302,
        "subscribe logged in": 302,
        # Fail closed: refused with a message, nothing stored or mailed.
        "register": 200,
        "subscribe anonymous": 200,
    }
    assert Comment.objects.filter(body="Hi").count() == 1
    assert ChatMessage.objects.filter(text="Hey").count() == 1
    assert Subscription.objects.filter(email=reader.email).count() == 1
    assert "Try again later" in answers["register"].content.decode()
    assert not User.objects.filter(email="new@example.com").exists()
    assert "Try again later" in answers["subscribe anonymous"].content.decode()
