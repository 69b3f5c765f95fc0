"""Language editions: the URL prefix (`/`, `/ru/`) decides which one a page is."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def codes():
    """The editions' language codes, in settings.LANGUAGES order."""
    return [code for code, _name in settings.LANGUAGES]


def current():
    """The edition of the page being rendered: the active language."""
    language = translation.get_language()
    if language in codes():
        return language
    try:
        return translation.get_supported_language_variant(language or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def reverse_in(language, viewname, **kwargs):
    """`reverse()` under `language`'s URL prefix, whatever is active now."""
    with translation.override(language):
        return reverse(viewname, **kwargs)
