"""URL converters shared by the apps' urls.py."""

from django.urls import register_converter


class TagSlugConverter:
    """Taggit keeps Cyrillic in tag slugs ("нато"): letters of any script."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TagSlugConverter, "tagslug")
