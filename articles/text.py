"""Slugs readers can read: Cyrillic transliterated as Django's admin does."""

from django.utils.text import slugify

# The table of django/contrib/admin/static/admin/js/urlify.js (RUSSIAN_MAP),
# so the slug the admin prepopulates and the one the server makes agree.
CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
TRANSLITERATION = str.maketrans(
    {**CYRILLIC, **{k.upper(): v.capitalize() for k, v in CYRILLIC.items()}}
)


def transliterate(text):
    """`text` with Cyrillic letters spelled in Latin ones."""
    return (text or "").translate(TRANSLITERATION)


def slugify_title(text):
    """An ASCII slug of `text`: "Глава НАТО и Иванов" → "glava-nato-i-ivanov"."""
    return slugify(transliterate(text), allow_unicode=False)


def unique_slug(model, text, *, max_length):
    """A slug from `text` that no row of `model` uses yet (adds -2, -3, ...)."""
    base = slugify_title(text)[: max_length - 8].strip("-") or "item"
    taken = set(
        model.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
