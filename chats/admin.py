from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.utils.functional import lazy
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from participation.admin import RestrictAuthorsMixin, restrict_action
from participation.models import Restriction

from . import services
from .models import ChatMessage


@admin.register(ChatMessage)
class ChatMessageAdmin(RestrictAuthorsMixin, admin.ModelAdmin):
    """Moderation of the chat rooms: newest first, remove, block authors."""

    restriction_scope = Restriction.Scope.CHATS
    restriction_reason = _("Blocked from the chat moderation list.")
    restricted_message = ngettext_lazy("%d user blocked.", "%d users blocked.")
    author_field = "user"

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

    block_authors = restrict_action(
        duration=lambda: timedelta(hours=settings.CHATS_BLOCK_HOURS),
        description=lazy(
            lambda: (
                gettext("Block their authors from the chats for %(n)d h")
                % {"n": settings.CHATS_BLOCK_HOURS}
            ),
            str,
        )(),
    )
