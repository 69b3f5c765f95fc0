from django.contrib import admin, messages

from . import services
from .models import Restriction


def restrict_action(*, duration, description):
    """An admin action keeping the authors of the selected rows from posting
    for `duration()` (a timedelta, read when the action runs so it follows
    the settings; None: for good); see RestrictAuthorsMixin."""

    @admin.action(description=description, permissions=["restrict"])
    def action(modeladmin, request, queryset):
        modeladmin.restrict_authors(request, queryset, duration=duration())

    return action


class RestrictAuthorsMixin:
    """Restricting the authors of selected comments or chat messages, for a
    moderation list: `restriction_scope` is what they are kept from,
    `author_field` names the author, `restriction_reason` is stored, and
    `restricted_message` (ngettext_lazy, "%d ...") tells the moderator."""

    restriction_scope = None
    restriction_reason = ""
    restricted_message = None
    author_field = "author"

    def restrict_authors(self, request, queryset, *, duration):
        field = self.author_field
        users = {getattr(row, field) for row in queryset.select_related(field)} - {None}
        services.restrict_users(
            users=users,
            scope=self.restriction_scope,
            duration=duration,
            reason=str(self.restriction_reason),
            by=request.user,
        )
        self.message_user(
            request, self.restricted_message % len(users), messages.SUCCESS
        )

    def has_restrict_permission(self, request):
        return request.user.has_perm("participation.add_restriction")


@admin.register(Restriction)
class RestrictionAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "scope",
        "section",
        "article",
        "until",
        "reason",
        "created_by",
        "created_at",
    ]
    list_filter = ["scope", "until", "created_at"]
    list_select_related = ["user", "section", "article", "created_by"]
    search_fields = ["user__email", "user__display_name", "reason"]
    autocomplete_fields = ["user"]
    raw_id_fields = ["section", "article"]
    date_hierarchy = "created_at"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
