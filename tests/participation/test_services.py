from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from participation.models import Restriction
from participation.services import (
    active_restriction,
    check_may_post,
    restrict_users,
    restriction_message,
)
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db

Scope = Restriction.Scope


def restrict(user, scope, **fields):
    fields.setdefault("until", timezone.now() + timedelta(hours=1))
    return Restriction.objects.create(user=user, scope=scope, **fields)


@pytest.mark.parametrize(
    ("scope", "kept_from"),
    [
        (Scope.COMMENTS, {Scope.COMMENTS}),
        (Scope.CHATS, {Scope.CHATS}),
        (Scope.EVERYTHING, {Scope.COMMENTS, Scope.CHATS}),
    ],
)
def test_a_restriction_keeps_its_user_from_what_its_scope_names(
    reader, scope, kept_from
):
    article = make_article()
    restriction = restrict(reader, scope)

    found = {
        asked
        for asked in (Scope.COMMENTS, Scope.CHATS)
        if active_restriction(reader, scope=asked, article=article) == restriction
    }

    assert found == kept_from


def test_a_section_restriction_covers_its_room_and_articles_only(reader):
    article = make_article()
    elsewhere = make_article(section=make_section(name="Sport", slug="sport"))
    restriction = restrict(reader, Scope.CHATS, section=article.section)

    assert active_restriction(reader, scope=Scope.CHATS, article=article) == (
        restriction
    )
    assert active_restriction(reader, scope=Scope.CHATS, section=article.section) == (
        restriction
    )
    assert active_restriction(reader, scope=Scope.CHATS, article=elsewhere) is None
    assert (
        active_restriction(reader, scope=Scope.CHATS, section=elsewhere.section) is None
    )


def test_an_article_restriction_covers_that_article_only(reader):
    article = make_article()
    neighbour = make_article(section=article.section)
    restriction = restrict(reader, Scope.COMMENTS, article=article)

    assert active_restriction(reader, scope=Scope.COMMENTS, article=article) == (
        restriction
    )
    assert active_restriction(reader, scope=Scope.COMMENTS, article=neighbour) is None
    assert (
        active_restriction(reader, scope=Scope.COMMENTS, section=article.section)
        is None
    )


def test_the_longest_restriction_is_the_one_told(reader):
    article = make_article()
    restrict(reader, Scope.COMMENTS, until=timezone.now() + timedelta(days=3))
    for_good = restrict(reader, Scope.EVERYTHING, until=None)
    restrict(reader, Scope.COMMENTS, until=timezone.now() + timedelta(days=9))
    restrict(make_user(), Scope.COMMENTS, until=None)

    assert active_restriction(reader, scope=Scope.COMMENTS, article=article) == (
        for_good
    )


def test_ended_restrictions_keep_nobody_out(reader):
    article = make_article()
    restrict(reader, Scope.EVERYTHING, until=timezone.now() - timedelta(minutes=1))

    assert active_restriction(reader, scope=Scope.CHATS, article=article) is None
    check_may_post(reader, scope=Scope.COMMENTS, article=article)


def test_anonymous_and_inactive_users_may_not_post(reader):
    article = make_article()
    reader.is_active = False

    for user in (AnonymousUser(), reader):
        with pytest.raises(PermissionDenied, match="log in or register"):
            check_may_post(user, scope=Scope.CHATS, article=article)


def test_restricted_reader_is_told_why_in_the_words_of_the_place(reader):
    article = make_article()
    restrict_users(users=[reader], scope=Scope.EVERYTHING, reason="Flooding", by=None)

    with pytest.raises(PermissionDenied) as comments:
        check_may_post(reader, scope=Scope.COMMENTS, article=article)
    with pytest.raises(PermissionDenied) as chats:
        check_may_post(reader, scope=Scope.CHATS, article=article)

    assert str(comments.value) == "You can no longer comment. Reason: Flooding"
    assert str(chats.value) == "Access to the chat is blocked."


def test_messages_without_a_reason_say_until_when_alone(reader, settings):
    settings.TIME_ZONE = "UTC"
    until = timezone.now() + timedelta(hours=2)
    timed = Restriction(user=reader, scope=Scope.EVERYTHING, until=until)
    for_good = Restriction(user=reader, scope=Scope.EVERYTHING)

    comment_text = restriction_message(timed, scope=Scope.COMMENTS)

    assert comment_text.startswith("You cannot comment until ")
    assert comment_text.endswith(".")
    assert "Reason" not in comment_text
    assert restriction_message(for_good, scope=Scope.COMMENTS) == (
        "You can no longer comment."
    )


def test_restrict_users_sets_the_end_from_the_duration(reader):
    other_reader = make_user()
    before = timezone.now()

    made = restrict_users(
        users=[reader, other_reader],
        scope=Scope.CHATS,
        duration=timedelta(hours=3),
        reason="Rude",
        by=other_reader,
    )

    assert {r.user for r in made} == {reader, other_reader}
    for restriction in Restriction.objects.all():
        assert restriction.created_by == other_reader
        assert before + timedelta(hours=3) <= restriction.until
        assert restriction.until <= timezone.now() + timedelta(hours=3)
