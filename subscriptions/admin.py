import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Delivery, Subscription


def can_see_counts(request):
    return (
        request.user.is_active
        and request.user.is_staff
        and request.user.has_perm("subscriptions.view_subscription")
    )


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "kind", "target_name", "frequency", "created_at"]
    list_filter = ["kind", "frequency"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    list_select_related = ["section", "tag", "author"]
    raw_id_fields = ["section", "tag", "author"]
    readonly_fields = ["created_at"]

    @admin.display(description=_("follows"))
    def target_name(self, obj):
        return obj.target

    def get_urls(self):
        return [
            path(
                "counts/",
                self.admin_site.admin_view(self.counts_view),
                name="subscriptions_subscription_counts",
            ),
            path(
                "counts.csv",
                self.admin_site.admin_view(self.counts_csv),
                name="subscriptions_subscription_counts_csv",
            ),
            *super().get_urls(),
        ]

    def counts_view(self, request):
        """Subscribers per section, tag and author."""
        if not can_see_counts(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Subscriber counts"),
            "opts": self.model._meta,
            "rows": services.subscriber_counts(),
        }
        return TemplateResponse(
            request, "admin/subscriptions/subscription/counts.html", context
        )

    def counts_csv(self, request):
        """The same counts as a CSV file for spreadsheets."""
        if not can_see_counts(request):
            raise PermissionDenied
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="subscribers.csv"'
        writer = csv.writer(response)
        writer.writerow(["kind", "name", "slug", "subscribers"])
        for kind, target, count in services.subscriber_counts():
            writer.writerow([kind, csv_safe(target.name), target.slug, count])
        return response


def csv_safe(value):
    """Keep spreadsheets from running a name as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["email", "article", "created_at", "sent_at", "attempts"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    list_select_related = ["article"]
    raw_id_fields = ["article", "subscription"]
    readonly_fields = ["created_at", "claimed_at", "claim", "last_error"]
