from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordResetForm,
    UserChangeForm,
)
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsroom.forms import HoneypotMixin
from newsroom.mail import send_email

from . import throttle
from .models import User
from .services import clean_display_name


class DisplayNameMixin:
    def clean_display_name(self):
        name = clean_display_name(self.cleaned_data.get("display_name", ""))
        if not name:
            raise forms.ValidationError(
                _("Write the name shown on your comments."), code="required"
            )
        return name


class AdminUserCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name"]


class AdminUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean(self):
        username = self.data.get("username", "")
        wait = throttle.seconds_to_wait(self.request, username)
        if wait:
            raise forms.ValidationError(
                ngettext(
                    "Too many failed attempts. Try again in %(n)d second.",
                    "Too many failed attempts. Try again in %(n)d seconds.",
                    wait,
                )
                % {"n": wait},
                code="throttled",
            )
        try:
            return super().clean()
        except forms.ValidationError:
            throttle.record_failure(self.request, username)
            raise


class RegistrationForm(DisplayNameMixin, HoneypotMixin, BaseUserCreationForm):
    """A reader's sign-up: e-mail, the name shown on comments, a password.

    An address that already has an account is not an error here: the reader
    sees the same page either way, and the owner gets an e-mail.
    """

    class Meta:
        model = User
        fields = ["email", "display_name"]
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["website"] = self.fields.pop("website")

    def _get_validation_exclusions(self):
        # Uniqueness of the address is the service's business (see above).
        return {*super()._get_validation_exclusions(), "email"}

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"]).lower()


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class PasswordConfirmMixin(forms.Form):
    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(
                _("The password is not correct."), code="password"
            )
        return ""


class EmailChangeForm(PasswordConfirmMixin):
    new_email = forms.EmailField(
        label=_("New e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["new_email", "password"]

    def clean_new_email(self):
        email = User.objects.normalize_email(self.cleaned_data["new_email"]).lower()
        if email == self.user.email:
            raise forms.ValidationError(_("This is already your address."), code="same")
        return email


class DeleteAccountForm(PasswordConfirmMixin):
    pass


class ProfileForm(DisplayNameMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True


class ReaderPasswordResetForm(PasswordResetForm):
    """Django's reset form, its mail sent through the task queue after the
    request: the answer never waits on, nor depends on, the mail server."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        send_email(
            to=to_email,
            subject_template=subject_template_name,
            template=email_template_name,
            html_template=html_email_template_name,
            context=context,
        )
