from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlencode, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from newsroom.mail import send_email
from newsroom.text import clean_reader_text
from newsroom.web import absolute_url

from .models import User
from .tokens import activation_token, make_email_change_token, read_email_change_token


def clean_display_name(name):
    """A display name as others will read it: reader text, one line."""
    return " ".join(clean_reader_text(name).split())


def activation_url(*, user, site_url, next_url=""):
    """The absolute link that activates `user`, returning to `next_url`."""
    path = reverse(
        "accounts:activate",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": activation_token.make_token(user),
        },
    )
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return absolute_url(path + query, root=site_url)


def send_activation(*, user, site_url, next_url=""):
    """E-mail the activation link to a registered, not yet active reader."""
    send_email(
        to=user.email,
        subject_template="accounts/email/activation_subject.txt",
        template="accounts/email/activation.txt",
        context={
            "user": user,
            "url": activation_url(user=user, site_url=site_url, next_url=next_url),
        },
    )


@transaction.atomic
def register_reader(*, email, password, display_name, site_url, next_url=""):
    """Create an inactive account and send its activation link.

    When the address already has an account, its owner gets a notice instead
    and nothing is created, so the page shown is the same either way.
    """
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        send_email(
            to=existing.email,
            subject_template="accounts/email/already_registered_subject.txt",
            template="accounts/email/already_registered.txt",
            context={
                "user": existing,
                "login_url": absolute_url(reverse("accounts:login"), root=site_url),
                "reset_url": absolute_url(
                    reverse("accounts:password_reset"), root=site_url
                ),
            },
        )
        return None
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=email,
                password=password,
                display_name=display_name,
                is_active=False,
            )
    except IntegrityError:  # the same address registered at the same moment
        return None
    # Sent once the account is committed, by the task queue: an account whose
    # mail is lost is activated later through "send again".
    send_activation(user=user, site_url=site_url, next_url=next_url)
    return user


def resend_activation(*, email, site_url):
    """Send the activation link again, if the address waits for activation."""
    user = User.objects.filter(email__iexact=email, is_active=False).first()
    if user is not None and user.last_login is None:
        send_activation(user=user, site_url=site_url)
    return user


def activate_reader(*, uidb64, token):
    """Activate the account a link names; None when the link is not valid."""
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None
    if user.is_active or not activation_token.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def request_email_change(*, user, new_email, site_url):
    """Send a confirmation link to the new address; nothing changes before."""
    if User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).exists():
        return  # Same message to the reader: addresses of others stay private.
    path = reverse(
        "accounts:email_confirm", args=[make_email_change_token(user, new_email)]
    )
    send_email(
        to=new_email,
        subject_template="accounts/email/email_change_subject.txt",
        template="accounts/email/email_change.txt",
        context={"user": user, "url": absolute_url(path, root=site_url)},
    )


@transaction.atomic
def confirm_email_change(*, token):
    """Apply a confirmed e-mail change; returns the user or None."""
    data = read_email_change_token(token)
    if data is None:
        return None
    user = User.objects.select_for_update().filter(pk=data["user"]).first()
    if user is None or user.email != data["old"]:
        return None
    if User.objects.filter(email__iexact=data["new"]).exclude(pk=user.pk).exists():
        raise ValidationError(_("This address is already in use."))
    user.email = data["new"]
    user.save(update_fields=["email"])
    return user


def delete_account(*, user):
    """Delete a reader's account; their comments stay, from a deleted user."""
    user.delete()
