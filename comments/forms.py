import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from newsroom.forms import HoneypotMixin


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
    # One per rendered form: posting the same form twice (a double click, a
    # resent request) stores one comment (see services.post_comment).
    token = forms.CharField(
        required=False, max_length=64, widget=forms.HiddenInput, initial=uuid.uuid4
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["maxlength"] = settings.COMMENTS_MAX_LENGTH


class CommentEditForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), strip=False, widget=forms.Textarea(attrs={"rows": 4})
    )
