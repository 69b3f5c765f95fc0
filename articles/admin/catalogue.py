"""Admin for the catalogue: sections, authors and the home page picks."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from mediabank.admin import ImageChooserMixin
from redirects.services import save_section

from ..models import (
    Author,
    HomeSlot,
    Section,
)
from .lists import LabelledListEditableMixin

# The change page's workflow buttons: POST name "_workflow" → (label, service).


@admin.register(Section)
class SectionAdmin(LabelledListEditableMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "slug",
        "language",
        "position",
        "is_active",
        "subscriber_count",
    ]
    list_editable = ["position", "is_active"]
    list_filter = ["language"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(subscribers=Count("subscriptions"))
        )

    def save_model(self, request, obj, form, change):
        # A new slug keeps the old one answering (redirects app, issue 13).
        save_section(section=obj)

    @admin.display(description=_("e-mail subscribers"), ordering="subscribers")
    def subscriber_count(self, obj):
        return obj.subscribers


@admin.register(Author)
class AuthorAdmin(ImageChooserMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user", "photo"]
    image_fields = ["photo"]


@admin.register(HomeSlot)
class HomeSlotAdmin(LabelledListEditableMixin, admin.ModelAdmin):
    list_display = ["position", "article", "article_state"]
    list_display_links = ["article"]
    list_editable = ["position"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]

    @admin.display(description=_("state"))
    def article_state(self, obj):
        return obj.article.state_label
