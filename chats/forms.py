from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ChatMessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The browser's own limit; the service checks it again.
        self.fields["text"].widget.attrs["maxlength"] = settings.CHATS_MAX_LENGTH
