from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing

EMAIL_CHANGE_SALT = "accounts.email-change"


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """One-use activation links: the token dies once the account is active."""

    key_salt = "accounts.tokens.ActivationTokenGenerator"

    def __init__(self):
        super().__init__()
        self.timeout = settings.ACCOUNT_ACTIVATION_DAYS * 24 * 3600

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.is_active}{user.email}{timestamp}"


activation_token = ActivationTokenGenerator()


def make_email_change_token(user, new_email):
    """A signed link token carrying the new address and the user's current one."""
    return signing.dumps(
        {"user": user.pk, "old": user.email, "new": new_email}, salt=EMAIL_CHANGE_SALT
    )


def read_email_change_token(token, *, max_age=3 * 24 * 3600):
    """The token's payload, or None when forged, broken or expired."""
    try:
        return signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
