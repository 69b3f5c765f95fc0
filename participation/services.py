"""The rules comments and chats share: may this reader post here, what a
restricted reader is told, and restricting readers."""

from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Restriction

Scope = Restriction.Scope


def active_restriction(user, *, scope, article=None, section=None):
    """The restriction keeping `user` from posting in `scope` under `article`
    or in `section`'s room now, the longest first; None when there is none."""
    if not user.is_authenticated:
        return None
    return (
        Restriction.objects.active()
        .covering(scope=scope, article=article, section=section)
        .filter(user=user)
        .longest_first()
        .first()
    )


def check_may_post(user, *, scope, article=None, section=None):
    """Raise PermissionDenied, saying why, unless `user` may post in `scope`
    under `article` or in `section`'s room: logged in, active, unrestricted."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied(_("To take part, log in or register."))
    restriction = active_restriction(
        user, scope=scope, article=article, section=section
    )
    if restriction is not None:
        raise PermissionDenied(restriction_message(restriction, scope=scope))


def refusal_notice(user, *, scope, article=None, section=None):
    """What a logged-in `user` is shown instead of the form where `scope` is
    refused them under `article` or in `section`'s room; "" if they may post."""
    restriction = active_restriction(
        user, scope=scope, article=article, section=section
    )
    return restriction_message(restriction, scope=scope) if restriction else ""


def restriction_message(restriction, *, scope):
    """What a restricted reader is told where `scope` is refused them."""
    if scope == Scope.CHATS:
        return _chat_message(restriction)
    return _comment_message(restriction)


def _comment_message(restriction):
    reason = restriction.reason
    if restriction.until is None:
        if not reason:
            return _("You can no longer comment.")
        return _("You can no longer comment. Reason: %(reason)s") % {"reason": reason}
    until = formats.date_format(
        timezone.localtime(restriction.until), "DATETIME_FORMAT"
    )
    if not reason:
        return _("You cannot comment until %(until)s.") % {"until": until}
    return _("You cannot comment until %(until)s. Reason: %(reason)s") % {
        "until": until,
        "reason": reason,
    }


def _chat_message(restriction):
    """Until when, in the site's time zone: the time alone today."""
    if restriction.until is None:
        return _("Access to the chat is blocked.")
    until = timezone.localtime(restriction.until)
    text = formats.date_format(until, "H:i")
    if until.date() != timezone.localdate():
        text = f"{formats.date_format(until, 'DATE_FORMAT')}, {text}"
    return _("Access to the chat is blocked until %(until)s.") % {"until": text}


def restrict_users(*, users, scope, duration=None, reason="", by=None):
    """Keep `users` from posting in `scope` on the whole site for `duration`
    (a timedelta), or for good when it is None."""
    until = timezone.now() + duration if duration is not None else None
    return Restriction.objects.bulk_create(
        Restriction(user=user, scope=scope, until=until, reason=reason, created_by=by)
        for user in users
    )
