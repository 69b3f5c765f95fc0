import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from chats.models import ChatMessage
from participation.models import Restriction
from participation.services import active_restriction
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:chats_chatmessage_changelist")


@pytest.mark.parametrize("group", ["Moderators", "Editors"])
def test_migration_gives_moderation_permissions(group):
    codenames = set(
        Group.objects.get(name=group)
        .permissions.filter(content_type__app_label__in=["chats", "participation"])
        .values_list("codename", flat=True)
    )

    assert {"view_chatmessage", "delete_chatmessage", "add_restriction"} <= codenames
    assert "change_chatmessage" not in codenames


@pytest.fixture
def moderator():
    return make_staff(groups=["Moderators"], email="mod@example.com")


def test_moderator_deletes_messages_from_the_room(client, moderator, article, reader):
    message = ChatMessage.objects.create(article=article, user=reader, text="Spam")
    client.force_login(moderator)

    response = client.post(
        CHANGELIST, {"action": "delete_from_room", "_selected_action": [message.pk]}
    )

    assert response.status_code == 302
    message.refresh_from_db()
    assert message.is_deleted is True


def test_moderator_blocks_authors_for_the_configured_hours(
    client, moderator, article, reader, settings
):
    settings.CHATS_BLOCK_HOURS = 2
    message = ChatMessage.objects.create(article=article, user=reader, text="Rude")
    client.force_login(moderator)

    client.post(
        CHANGELIST, {"action": "block_authors", "_selected_action": [message.pk]}
    )

    ban = Restriction.objects.get()
    assert (ban.user, ban.created_by, ban.scope) == (reader, moderator, "chats")
    hours = (ban.until - timezone.now()).total_seconds() / 3600
    assert 1.9 < hours <= 2
    assert active_restriction(reader, scope="chats", article=article) == ban


def test_staff_without_the_group_cannot_moderate(client, article, reader):
    message = ChatMessage.objects.create(article=article, user=reader, text="Fine")
    client.force_login(make_staff(groups=[]))

    response = client.post(
        CHANGELIST, {"action": "delete_from_room", "_selected_action": [message.pk]}
    )

    assert response.status_code == 403
    message.refresh_from_db()
    assert message.is_deleted is False
