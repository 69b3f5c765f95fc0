from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Section

# Outside these years a date is a typo, and far-off dates overflow datetime
# arithmetic.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


class PlainInputMixin:
    """Renders the markup of Django's input.html in Python: the search form
    is on every search page, and a template per widget was a fifth of the
    page's rendering (issue 9)."""

    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        value = widget["value"]
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            format_html(' value="{}"', value) if value is not None else "",
            flatatt(widget["attrs"]),
        )


class PlainTextInput(PlainInputMixin, forms.TextInput):
    pass


class DateInput(PlainInputMixin, forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class PlainSelect(forms.Select):
    """A <select> rendered in Python, as PlainInputMixin renders inputs."""

    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        groups = []
        for name, options, _index in widget["optgroups"]:
            html = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((o["value"], flatatt(o["attrs"]), o["label"]) for o in options),
            )
            if name is not None:
                html = format_html('<optgroup label="{}">{}</optgroup>', name, html)
            groups.append(html)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(groups)),  # noqa: S308 - each part format_html'd
        )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=PlainTextInput(attrs={"type": "search"}),
    )
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Section.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("All sections"),
        widget=PlainSelect,
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=DateInput(), input_formats=["%Y-%m-%d"]
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=DateInput(), input_formats=["%Y-%m-%d"]
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "search-%s")
        super().__init__(*args, **kwargs)
        # Only this edition's sections: their slugs are unique within it.
        self.fields["section"].queryset = Section.objects.active().in_edition()

    def clean_date_from(self):
        return self._check_year(self.cleaned_data["date_from"])

    def clean_date_to(self):
        return self._check_year(self.cleaned_data["date_to"])

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise ValidationError(
                _("The “from” date is after the “to” date."), code="date_order"
            )
        return cleaned

    def _check_year(self, value):
        if value is not None and not EARLIEST <= value <= LATEST:
            raise ValidationError(
                _("Enter a date between %(earliest)s and %(latest)s."),
                code="date_range",
                params={"earliest": EARLIEST.year, "latest": LATEST.year},
            )
        return value
