"""Changelist pieces the admin of every app can use."""

from django import forms


class LabelledChangelistForm(forms.ModelForm):
    """A list_editable row whose inputs name their column and row. The stock
    ones have no label and point aria-describedby at help text the list never
    shows (WCAG 4.1.2; axe: label)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        row = str(self.instance) if self.instance.pk else ""
        for field in self.fields.values():
            field.help_text = ""
            field.widget.attrs["aria-label"] = f"{field.label}: {row}".rstrip(": ")


class LabelledListEditableMixin:
    """For a ModelAdmin with list_editable: labelled inputs in the list."""

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", LabelledChangelistForm)
        return super().get_changelist_form(request, **kwargs)
