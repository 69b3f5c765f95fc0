"""Site-wide form pieces: the honeypot field, and how every form's fields
render (settings.FORM_RENDERER)."""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
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


class FocusFirstErrorBoundField(BoundField):
    """A field of a form sent back with errors takes the focus if it is the
    first one with an error, and no other field does: a keyboard or screen
    reader user lands on what to fix (WCAG 3.3.1), not on the form's first
    field (the register form's e-mail, issue 11)."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        form = self.form
        if form.is_bound and form.errors:
            first = next((name for name in form.fields if name in form.errors), None)
            if first is not None:
                attrs["autofocus"] = self.name == first
        return attrs


class Renderer(TemplatesSetting):
    """Widgets render through TEMPLATES, so the project's templates/ can
    override a stock widget (admin/widgets/split_datetime.html)."""

    bound_field_class = FocusFirstErrorBoundField
