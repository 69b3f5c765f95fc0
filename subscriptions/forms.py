from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.forms import HoneypotMixin

from .models import Subscription


class SubscribeForm(HoneypotMixin):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Subscription.Frequency.choices
    )
