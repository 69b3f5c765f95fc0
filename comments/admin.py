from datetime import timedelta

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from newsroom.web import site_url
from participation.admin import RestrictAuthorsMixin, restrict_action
from participation.models import Restriction

from . import services
from .models import BlockedWord, Comment


class ReportedFilter(admin.SimpleListFilter):
    title = _("reports")
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("yes", _("Reported")), ("no", _("Not reported"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(report_count__gt=0)
        if self.value() == "no":
            return queryset.filter(report_count=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(RestrictAuthorsMixin, admin.ModelAdmin):
    """The moderation queue: held and reported comments first."""

    restriction_scope = Restriction.Scope.COMMENTS
    restriction_reason = _("Breaking the discussion rules.")
    restricted_message = ngettext_lazy("%d reader suspended.", "%d readers suspended.")

    list_display = [
        "excerpt",
        "author_link",
        "article_link",
        "status",
        "report_count",
        "created_at",
    ]
    list_filter = ["status", ReportedFilter, "created_at"]
    list_select_related = ["author", "article__section"]
    search_fields = ["body", "author__email", "author__display_name", "article__title"]
    date_hierarchy = "created_at"
    list_per_page = 50
    readonly_fields = [
        "article",
        "author",
        "parent",
        "created_at",
        "edited_at",
        "report_count",
        "held_reason",
        "body",
    ]
    fields = [
        "body",
        "status",
        "held_reason",
        "article",
        "author",
        "parent",
        "report_count",
        "created_at",
        "edited_at",
    ]
    actions = [
        "approve",
        "reject",
        "mark_spam",
        "suspend_day",
        "suspend_week",
        "suspend_for_good",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).moderation_queue()

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("comment"))
    def excerpt(self, obj):
        return Truncator(obj.body).chars(80) or "—"

    @admin.display(description=_("author"), ordering="author__email")
    def author_link(self, obj):
        if obj.author is None:
            return _("Deleted user")
        return format_html(
            '<a href="?author__id__exact={}">{}</a>', obj.author_id, obj.author.email
        )

    @admin.display(description=_("article"), ordering="article__title")
    def article_link(self, obj):
        return format_html(
            '<a href="?article__id__exact={}">{}</a>',
            obj.article_id,
            Truncator(obj.article.title).chars(60),
        )

    def lookup_allowed(self, lookup, value, request=None):
        if lookup in {"author__id__exact", "article__id__exact"}:
            return True
        return super().lookup_allowed(lookup, value, request)

    def _moderate(self, request, queryset, status, message):
        count = services.moderate_comments(
            comments=queryset, status=status, site_url=site_url(request)
        )
        self.message_user(request, message % {"n": count}, messages.SUCCESS)

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.VISIBLE, _("%(n)d approved."))

    @admin.action(description=_("Reject selected comments"), permissions=["change"])
    def reject(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.REJECTED, _("%(n)d rejected."))

    @admin.action(
        description=_("Mark selected comments as spam"), permissions=["change"]
    )
    def mark_spam(self, request, queryset):
        self._moderate(
            request, queryset, Comment.Status.SPAM, _("%(n)d marked as spam.")
        )

    suspend_day = restrict_action(
        duration=lambda: timedelta(days=1),
        description=_("Suspend the authors for a day"),
    )
    suspend_week = restrict_action(
        duration=lambda: timedelta(days=7),
        description=_("Suspend the authors for a week"),
    )
    suspend_for_good = restrict_action(
        duration=lambda: None, description=_("Suspend the authors for good")
    )


@admin.register(BlockedWord)
class BlockedWordAdmin(admin.ModelAdmin):
    list_display = ["phrase", "created_at"]
    search_fields = ["phrase"]
