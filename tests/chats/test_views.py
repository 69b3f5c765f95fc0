from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from bs4 import BeautifulSoup
from channels.layers import get_channel_layer
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from chats.models import ChatMessage
from chats.rooms import room_for
from participation.models import Restriction
from tests.factories import make_article, make_user


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def say(target, user, text, **fields):
    room = {"article": target} if hasattr(target, "lead") else {"section": target}
    return ChatMessage.objects.create(**room, user=user, text=text, **fields)


def listen(room):
    """A channel in the room's group, as a connected socket would have."""
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(room.group_name, channel)
    return layer, channel


def post_url(article):
    return reverse("chats:article_post", args=[article.pk])


def test_article_page_shows_the_room_after_the_discussion(client, article, reader):
    say(article, reader, "First!")

    soup = soup_of(client.get(article.get_absolute_url()))

    below = [
        tag.get("id") or tag.get("class")[0]
        for tag in soup.select("#discussion, #chat, .reading-bar")
    ]
    assert below == ["discussion", "chat", "reading-bar"]
    assert soup.select_one("#chat-title").get_text() == "Chats"
    assert soup.select_one(".chat__text").get_text(strip=True) == "First!"


def test_anonymous_reader_sees_messages_and_the_gate_without_a_form(client, article):
    soup = soup_of(client.get(article.get_absolute_url()))

    chat = soup.select_one("#chat")
    assert chat.select_one("form") is None
    gate = chat.select_one(".chat__gate")
    assert "To take part," in gate.get_text()
    links = [a["href"] for a in gate.select("a")]
    assert links[0].startswith(reverse("accounts:login") + "?next=")
    assert links[1].startswith(reverse("accounts:register") + "?next=")
    assert chat["data-socket"] == f"/ws/chats/article/{article.pk}/?lang=en"


def test_room_shows_the_latest_messages_oldest_first(client, article, reader, settings):
    settings.CHATS_HISTORY = 3
    now = timezone.now()
    for i in range(5):
        say(article, reader, f"m{i}", created_at=now - timedelta(minutes=10 - i))
    say(article, reader, "removed", is_deleted=True)

    soup = soup_of(client.get(article.get_absolute_url()))

    texts = [p.get_text(strip=True) for p in soup.select(".chat__text")]
    assert texts == ["m2", "m3", "m4"]


def test_message_text_is_escaped_on_the_page(client, article, reader):
    say(article, reader, "<script>alert(1)</script> https://example.com")

    html = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="https://example.com" rel="nofollow ugc"' in html


@pytest.mark.parametrize("n_messages", [1, 20])
def test_article_page_queries_are_flat_in_messages(
    client, article, n_messages, django_assert_num_queries
):
    for i in range(n_messages):
        say(article, make_user(), f"message {i}")

    client.get(article.get_absolute_url())

    # none: the article's row and the room's messages from the fragment cache
    with django_assert_num_queries(0):
        client.get(article.get_absolute_url())


@pytest.mark.parametrize("n_messages", [1, 20])
def test_logged_in_page_queries_are_flat_in_messages(
    client, article, reader, n_messages, django_assert_num_queries
):
    for i in range(n_messages):
        say(article, make_user(), f"message {i}")
    client.force_login(reader)
    client.get(article.get_absolute_url())

    # as above, plus session, user, the discussion (own to each reader:
    # counter, threads), comment suspension, chat block, and the user's and
    # groups' permissions (may they delete messages?); a reader who may not
    # delete messages sees the cached history
    with django_assert_num_queries(8):
        client.get(article.get_absolute_url())


def test_form_post_stores_the_message_and_broadcasts_it(client, article, reader):
    layer, channel = listen(room_for(article))
    client.force_login(reader)

    response = client.post(post_url(article), {"text": "Without JavaScript"})

    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url() + "#chat"
    message = ChatMessage.objects.get()
    assert (message.user, message.text) == (reader, "Without JavaScript")
    event = async_to_sync(layer.receive)(channel)
    assert event["type"] == "chat.event"
    assert event["event"]["id"] == message.pk
    assert event["event"]["html"] == "<p>Without JavaScript</p>"


def test_form_post_requires_the_csrf_token(article, reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    response = client.post(post_url(article), {"text": "Forged"})

    assert response.status_code == 403
    assert ChatMessage.objects.exists() is False


def test_logged_in_reader_gets_the_form(client, article, reader):
    client.force_login(reader)

    chat = soup_of(client.get(article.get_absolute_url())).select_one("#chat")

    form = chat.select_one("form.chat__form")
    assert form["action"] == post_url(article)
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert chat.has_attr("data-can-post")


def test_anonymous_post_goes_to_login(client, article):
    response = client.post(post_url(article), {"text": "Hi"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert ChatMessage.objects.exists() is False


@pytest.mark.parametrize(
    "fields",
    [{"status": "draft"}, {"published_at": timezone.now() + timedelta(days=1)}],
)
def test_unpublished_article_room_is_404(client, reader, fields):
    article = make_article(**fields)
    client.force_login(reader)

    response = client.post(post_url(article), {"text": "Early"})

    assert response.status_code == 404
    assert ChatMessage.objects.exists() is False


def test_closed_discussion_closes_the_room(client, reader):
    article = make_article(comments_mode="closed")
    client.force_login(reader)

    page = soup_of(client.get(article.get_absolute_url())).select_one("#chat")
    response = client.post(post_url(article), {"text": "Too late"})

    assert page.select_one("form.chat__form") is None
    assert page.select_one(".chat__closed").get_text() == "This chat is closed."
    assert response.status_code == 400
    assert "This chat is closed." in response.content.decode()
    assert ChatMessage.objects.exists() is False


def test_blocked_user_sees_until_when_instead_of_the_form(client, article, reader):
    until = timezone.now() + timedelta(minutes=45)
    Restriction.objects.create(scope="chats", user=reader, until=until)
    client.force_login(reader)

    chat = soup_of(client.get(article.get_absolute_url())).select_one("#chat")
    response = client.post(post_url(article), {"text": "Still here"})

    notice = chat.select_one(".chat__blocked").get_text()
    assert notice.startswith("Access to the chat is blocked until ")
    assert notice.endswith(f"{timezone.localtime(until):%H:%M}.")
    assert chat.select_one("form.chat__form") is None
    assert response.status_code == 403
    assert "Access to the chat is blocked until" in response.content.decode()
    assert ChatMessage.objects.exists() is False


def test_block_on_another_day_names_the_date(client, article, reader, settings):
    settings.TIME_ZONE = "Europe/Moscow"
    until = timezone.now() + timedelta(days=3)
    Restriction.objects.create(scope="chats", user=reader, until=until)
    client.force_login(reader)

    chat = soup_of(client.get(article.get_absolute_url())).select_one("#chat")

    local = timezone.localtime(until)
    notice = chat.select_one(".chat__blocked").get_text()
    assert f"{local.day}" in notice and f"{local:%H:%M}" in notice


def test_too_long_form_post_keeps_the_text_and_explains(
    client, article, reader, settings
):
    settings.CHATS_MAX_LENGTH = 5
    client.force_login(reader)

    response = client.post(post_url(article), {"text": "123456"})

    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.select_one("textarea").get_text() == "123456"
    assert soup.select_one(".form__error").get_text() == (
        "A message can be at most 5 characters; this one has 6."
    )


def test_form_posts_are_rate_limited(client, article, reader, settings):
    settings.CHATS_RATE = (1, 60)
    client.force_login(reader)

    first = client.post(post_url(article), {"text": "one"})
    second = client.post(post_url(article), {"text": "two"})

    assert first.status_code == 302
    assert second.status_code == 400
    assert "too fast" in second.content.decode()
    assert ChatMessage.objects.count() == 1


def test_section_chat_page_shows_and_accepts_messages(client, section, reader):
    say(section, reader, "About this section")
    url = reverse("chats:section", args=[section.slug])

    anonymous = soup_of(client.get(url))
    client.force_login(reader)
    response = client.post(
        reverse("chats:section_post", args=[section.slug]), {"text": "Second"}
    )

    assert anonymous.select_one("h1").get_text() == f"Chat: {section.name}"
    assert anonymous.select_one(".chat__text").get_text(strip=True) == (
        "About this section"
    )
    assert response["Location"] == url + "#chat"
    assert ChatMessage.objects.filter(section=section).count() == 2


def test_section_page_links_to_its_chat(client, section):
    make_article(section=section)

    soup = soup_of(client.get(section.get_absolute_url()))

    link = soup.select_one(".chat-link a")
    assert link["href"] == reverse("chats:section", args=[section.slug])


def test_unknown_section_chat_is_404(client, db):
    assert client.get(reverse("chats:section", args=["nowhere"])).status_code == 404


def test_moderator_deletes_a_message_from_the_room(client, article, reader):
    message = say(article, reader, "Spam spam")
    layer, channel = listen(room_for(article))
    client.force_login(make_user(groups=["Moderators"]))

    page = soup_of(client.get(article.get_absolute_url()))
    response = client.post(reverse("chats:delete", args=[message.pk]))

    assert page.select_one(f"#chat-message-{message.pk} form.chat__delete")
    assert response["Location"] == article.get_absolute_url() + "#chat"
    message.refresh_from_db()
    assert message.is_deleted is True
    event = async_to_sync(layer.receive)(channel)
    assert event["event"] == {"type": "deleted", "id": message.pk}


def test_reader_cannot_delete_messages(client, article, reader, other_reader):
    message = say(article, reader, "Mine")
    client.force_login(other_reader)

    page = soup_of(client.get(article.get_absolute_url()))
    response = client.post(reverse("chats:delete", args=[message.pk]))

    assert page.select_one(".chat__delete") is None
    assert response.status_code == 403
    message.refresh_from_db()
    assert message.is_deleted is False
