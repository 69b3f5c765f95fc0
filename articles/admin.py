from django.contrib import admin, messages
from django.db.models import Count, F
from django.db.models.functions import Coalesce, Now
from django.http import JsonResponse
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.forms import TagWidget
from taggit.models import Tag

from .images import refresh_renditions
from .models import Article, Author, Byline, Section


def can_publish(user):
    return user.has_perm("articles.publish_article")


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "is_active", "subscriber_count"]
    list_editable = ["position", "is_active"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(subscribers=Count("subscriptions"))
        )

    @admin.display(description=_("e-mail subscribers"), ordering="subscribers")
    def subscriber_count(self, obj):
        return obj.subscribers


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "photo" in form.changed_data or (obj.photo and not obj.photo_renditions):
            refresh_renditions(obj=obj)


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    verbose_name = _("byline")
    verbose_name_plural = _("bylines (in order)")


class TagSuggestWidget(TagWidget):
    """taggit's comma-separated input, with suggestions of existing tags."""

    class Media:
        js = ["js/admin-tags.js"]

    def __init__(self, attrs=None):
        super().__init__(
            {
                "data-tag-suggest": reverse_lazy(
                    "admin:articles_article_tag_suggestions"
                ),
                "autocomplete": "off",
                **(attrs or {}),
            }
        )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "section", "status", "published_at", "byline"]
    list_filter = ["status", "section", "published_at"]
    list_select_related = ["section"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [BylineInline]
    readonly_fields = ["image_preview", "created_at", "updated_at"]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "lead", "body", "tags"]}),
        (_("Dateline"), {"fields": ["dateline_place", "source_credit"]}),
        (
            _("Main image"),
            {
                "fields": [
                    "image",
                    "image_preview",
                    ("image_focal_x", "image_focal_y"),
                    "image_alt",
                    "image_caption",
                    "image_credit",
                ]
            },
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "comments_mode",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        articles = super().get_queryset(request).prefetch_related("bylines__author")
        if can_publish(request.user):
            return articles
        # Authors work on their own articles only.
        return articles.filter(created_by=request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            fields += ["status", "published_at"]
        return fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            kwargs["widget"] = TagSuggestWidget()
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or can_publish(request.user):
            return True
        return (
            obj.created_by_id == request.user.pk and obj.status == Article.Status.DRAFT
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(
            request, obj
        ) and super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        if not can_publish(request.user):
            obj.status = Article.Status.DRAFT
        if (
            change
            and obj.is_published
            and Article.PUBLIC_FIELDS.intersection(form.changed_data)
        ):
            obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)
        image_fields = {"image", "image_focal_x", "image_focal_y"}
        if image_fields.intersection(form.changed_data) or (
            obj.image and not obj.image_renditions
        ):
            refresh_renditions(obj=obj)

    def get_urls(self):
        return [
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions),
                name="articles_article_tag_suggestions",
            ),
            *super().get_urls(),
        ]

    def tag_suggestions(self, request):
        """Existing tag names starting with ?q=, for the tags input."""
        term = request.GET.get("q", "").strip()[:100]
        names = []
        if term:
            names = list(
                Tag.objects.filter(name__istartswith=term)
                .order_by("name")
                .values_list("name", flat=True)[:10]
            )
        return JsonResponse({"tags": names})

    def view_on_site(self, obj):
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"pk": obj.pk})

    @admin.display(description=_("authors"))
    def byline(self, obj):
        return ", ".join(author.name for author in obj.byline_authors) or "—"

    @admin.display(description=_("preview"))
    def image_preview(self, obj):
        if not obj.image:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" style="max-width: 320px; height: auto">',
            obj.image.url,
            obj.image_alt,
        )

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        count = queryset.update(
            status=Article.Status.PUBLISHED,
            published_at=Coalesce(F("published_at"), Now()),
        )
        self.message_user(
            request,
            ngettext("%d article published.", "%d articles published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        count = queryset.update(status=Article.Status.DRAFT)
        self.message_user(
            request,
            ngettext("%d article unpublished.", "%d articles unpublished.", count)
            % count,
            messages.SUCCESS,
        )
