from django.conf import settings
from django.contrib import admin, messages
from django.utils.functional import lazy
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ChatBan, ChatMessage


@admin.register(ChatMessage)
class ChatMessageAdmin(admin.ModelAdmin):
    """Moderation of the chat rooms: newest first, remove, block authors."""

    list_display = ["excerpt", "user", "article", "section", "is_deleted", "created_at"]
    list_filter = ["is_deleted", "created_at"]
    list_select_related = ["user", "article", "section"]
    search_fields = ["text", "user__email", "user__display_name", "article__title"]
    date_hierarchy = "created_at"
    list_per_page = 50
    fields = ["text", "user", "article", "section", "is_deleted", "created_at"]
    readonly_fields = fields
    actions = ["delete_from_room", "block_authors"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return Truncator(obj.text).chars(80)

    @admin.action(description=_("Delete from the chat room"), permissions=["delete"])
    def delete_from_room(self, request, queryset):
        count = services.delete_messages(messages=queryset)
        self.message_user(
            request,
            ngettext("%d message deleted.", "%d messages deleted.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(
        description=lazy(
            lambda: (
                gettext("Block their authors from the chats for %(n)d h")
                % {"n": settings.CHATS_BLOCK_HOURS}
            ),
            str,
        )(),
        permissions=["block"],
    )
    def block_authors(self, request, queryset):
        users = {message.user for message in queryset.select_related("user")}
        services.block_users(
            users=users,
            hours=settings.CHATS_BLOCK_HOURS,
            reason=_("Blocked from the chat moderation list."),
            by=request.user,
        )
        self.message_user(
            request,
            ngettext("%d user blocked.", "%d users blocked.", len(users)) % len(users),
            messages.SUCCESS,
        )

    def has_block_permission(self, request):
        return request.user.has_perm("chats.add_chatban")


@admin.register(ChatBan)
class ChatBanAdmin(admin.ModelAdmin):
    list_display = ["user", "until", "reason", "created_by", "created_at"]
    list_select_related = ["user", "created_by"]
    search_fields = ["user__email", "user__display_name", "reason"]
    autocomplete_fields = ["user"]
    date_hierarchy = "created_at"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
