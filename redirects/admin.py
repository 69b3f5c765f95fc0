"""Editors add and remove redirects; the automatic ones are listed too."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .forms import RedirectForm
from .models import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    form = RedirectForm
    list_display = ["old_address", "target_link", "language", "is_automatic"]
    list_filter = ["language", "is_automatic"]
    search_fields = ["section_slug", "article_slug"]
    list_select_related = ["article__section", "section"]
    autocomplete_fields = ["article", "section"]

    @admin.display(description=_("old address"))
    def old_address(self, obj):
        return obj.old_address

    @admin.display(description=_("now at"))
    def target_link(self, obj):
        target = obj.target
        return f"{target} ({target.get_absolute_url()})"
