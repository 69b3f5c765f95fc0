from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """A field people never see; bots that fill it are turned away."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("This form could not be sent."), code="honeypot"
            )
        return ""


class CommentForm(HoneypotMixin):
    body = forms.CharField(
        label=_("Your comment"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write something before posting.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    notify_replies = forms.BooleanField(
        label=_("E-mail me when someone replies"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["maxlength"] = settings.COMMENTS_MAX_LENGTH


class CommentEditForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), strip=False, widget=forms.Textarea(attrs={"rows": 4})
    )
