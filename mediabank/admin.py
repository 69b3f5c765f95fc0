"""The image library's admin: the list with thumbnails and search, the
image form, and the chooser endpoint the article form's dialog reads."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import services
from .models import GalleryItem, Image, LibraryTag
from .thumbnails import thumbnail
from .widgets import ImageChooserWidget

CHOOSER_PAGE = 24


class ImageChooserMixin:
    """For admins whose foreign keys to library images (`image_fields`)
    use the chooser. List them in raw_id_fields too: the chooser has its
    own upload link, and the admin's related-object icons expect a select."""

    image_fields = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.image_fields:
            rel = db_field.remote_field
            kwargs["widget"] = ImageChooserWidget(rel, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class GalleryItemInline(ImageChooserMixin, admin.TabularInline):
    """The article's gallery, in the article admin: library images in
    order, each with this story's caption."""

    model = GalleryItem
    fields = ["position", "image", "caption"]
    image_fields = ["image"]
    raw_id_fields = ["image"]
    extra = 0
    ordering = ["position", "id"]


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = [
        "thumbnail_column",
        "title",
        "credit_column",
        "uploaded_at",
        "uploaded_by",
        "use_count",
    ]
    list_display_links = ["title"]
    list_filter = ["uploaded_at", "tags"]
    list_select_related = ["uploaded_by"]
    search_fields = [
        "title",
        "caption",
        "alt",
        "photographer",
        "copyright_holder",
        "source",
        "tags__name",
    ]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["preview", "size", "uploaded_by", "uploaded_at"]
    fieldsets = [
        (None, {"fields": ["file", "preview", "size", "title", "alt", "caption"]}),
        (_("Credit"), {"fields": ["photographer", "copyright_holder", "source"]}),
        (None, {"fields": [("focal_x", "focal_y"), "tags"]}),
        (None, {"fields": ["uploaded_by", "uploaded_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_use_count()

    def get_urls(self):
        chooser = self.admin_site.admin_view(self.chooser_view)
        return [
            path("chooser/", chooser, name="mediabank_image_chooser"),
            *super().get_urls(),
        ]

    def chooser_view(self, request):
        """The newest library images matching ?q= (or the one ?id=), as the
        chooser dialog's list of buttons; for those who may view images."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        images = Image.objects.search(request.GET.get("q", "")).newest_first()
        if request.GET.get("id", "").isdigit():
            images = images.filter(pk=request.GET["id"])
        images = images.only(
            "id",
            "file",
            "width",
            "height",
            "title",
            "photographer",
            "copyright_holder",
            "renditions",
        )
        return TemplateResponse(
            request,
            "mediabank/admin/chooser_results.html",
            {"images": list(images[:CHOOSER_PAGE]), "page_size": CHOOSER_PAGE},
        )

    def save_model(self, request, obj, form, change):
        services.save_image(image=obj, by=request.user, changed=form.changed_data)

    @admin.display(description=_("picture"))
    def thumbnail_column(self, obj):
        return thumbnail(obj) or "—"

    @admin.display(description=_("credit"))
    def credit_column(self, obj):
        return obj.credit or "—"

    @admin.display(description=_("used in stories"), ordering="uses")
    def use_count(self, obj):
        return obj.uses

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj) or "—"

    @admin.display(description=_("size"))
    def size(self, obj):
        if not obj.width:
            return "—"
        return f"{obj.width} × {obj.height}"


@admin.register(LibraryTag)
class LibraryTagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
