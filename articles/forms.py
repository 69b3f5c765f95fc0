from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from newsroom import fragments, freshness

from . import cachekeys, editions
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
    """A <select> of flat choices rendered in Python, as PlainInputMixin
    renders inputs: Django's option dictionaries cost about 80 Python calls
    an option."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, " selected" if str(choice) == chosen else "", label)
                for choice, label in self.choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            options,
        )


class SectionField(forms.ChoiceField):
    """One of the edition's active sections, by slug, cleaned to a Section
    holding its id, slug and name. The choices come from a cached block of
    the edition's menu (`edition_sections`): a search reads no section row."""

    default_error_messages = {
        "invalid_choice": forms.ModelChoiceField.default_error_messages[
            "invalid_choice"
        ],
    }

    def __init__(self, *, empty_label, **kwargs):
        super().__init__(**kwargs)
        self.empty_label, self.sections = empty_label, {}

    def set_sections(self, sections):
        """`sections`: (id, slug, name) of each section to offer, in order."""
        self.sections = {slug: (pk, name) for pk, slug, name in sections}
        self.choices = [("", self.empty_label)] + [
            (slug, name) for _pk, slug, name in sections
        ]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if value not in self.sections:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        pk, name = self.sections[value]
        return Section(pk=pk, slug=value, name=name)

    def validate(self, value):
        forms.Field.validate(self, value)

    def prepare_value(self, value):
        return value.slug if isinstance(value, Section) else value


def edition_sections():
    """(id, slug, name) of the edition's active sections, in menu order,
    kept like a block of the edition's menu (a section saved bumps it)."""
    language = editions.current()

    def read():
        freshness.depend(cachekeys.menu(language))
        sections = Section.objects.active().in_edition(language)
        return list(sections.values_list("pk", "slug", "name"))

    return fragments.cached(fragments.cache_key("search-sections", language), read)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=PlainTextInput(attrs={"type": "search"}),
    )
    section = SectionField(
        label=_("Section"),
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
        self.fields["section"].set_sections(edition_sections())

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
