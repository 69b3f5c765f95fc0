from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Section

# Outside these years a date is a typo, and far-off dates overflow datetime
# arithmetic.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Section.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("All sections"),
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
