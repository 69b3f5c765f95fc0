"""The admin's redirect form: an old address typed as readers see it."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from articles.lookups import find_in_edition
from articles.models import Article

from .models import Redirect
from .services import address_of

# The addresses a redirect may start from: a section's page (and so every
# article under it) or an article's.
VIEWS = {"articles:section", "articles:detail"}


def parse_address(value):
    """(edition, section slug, article slug) of a site address such as
    `/ru/world/old-slug/` or `https://host/world/`, or ValidationError."""
    path = urlsplit(value.strip()).path or "/"
    path = "/" + path.strip("/") + "/"
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            match = resolve(path)
    except Resolver404:
        match = None
    if match is None or match.view_name not in VIEWS or too_long(match.kwargs):
        raise forms.ValidationError(
            _("Enter the address of a section or an article, e.g. /world/old-slug/."),
            code="not_redirectable",
        )
    if match.view_name == "articles:section":
        return (language, match.kwargs["slug"], "")
    return (language, match.kwargs["section"], match.kwargs["slug"])


def too_long(kwargs):
    """Whether a slug is longer than any section or article slug can be."""
    limits = {"section": 80, "slug": 200} if "section" in kwargs else {"slug": 80}
    return any(len(kwargs[name]) > limit for name, limit in limits.items())


def stands_at(address):
    """Whether a section or an article answers at `address` itself."""
    language, section_slug, article_slug = address
    if not article_slug:
        return find_in_edition("section", section_slug, language=language) is not None
    at = {"language": language, "section__slug": section_slug, "slug": article_slug}
    return (Article.objects.readable() | Article.objects.gone()).filter(**at).exists()


class RedirectForm(forms.ModelForm):
    old_address = forms.CharField(
        label=_("Old address"),
        max_length=300,
        help_text=_(
            "The address to send on, as readers see it: /world/old-slug/ or "
            "/ru/world/ (a section's address sends every article under it)."
        ),
    )

    class Meta:
        model = Redirect
        fields = ["old_address", "article", "section"]
        help_texts = {
            "article": _("The article readers land on; or choose a section."),
            "section": _("The section readers land on; or choose an article."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial.setdefault("old_address", self.instance.old_address)

    def clean_old_address(self):
        address = parse_address(self.cleaned_data["old_address"])
        if stands_at(address):
            raise forms.ValidationError(
                _("A live page stands at this address: it cannot redirect."),
                code="live",
            )
        taken = Redirect.objects.filter(
            language=address[0], section_slug=address[1], article_slug=address[2]
        ).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("This address already redirects: change or delete that redirect."),
                code="taken",
            )
        return address

    def clean(self):
        cleaned = super().clean()
        # Neither or both: the model's constraint says so (_post_clean).
        target = cleaned.get("article") or cleaned.get("section")
        address = cleaned.get("old_address")
        if address and target and address_of(target) == address:
            self.add_error(
                "old_address",
                forms.ValidationError(
                    _("This is the target's own address: the redirect would loop."),
                    code="loop",
                ),
            )
        return cleaned

    def _post_clean(self):
        address = self.cleaned_data.get("old_address")
        if isinstance(address, tuple):
            language, section_slug, article_slug = address
            self.instance.language = language
            self.instance.section_slug = section_slug
            self.instance.article_slug = article_slug
        super()._post_clean()
