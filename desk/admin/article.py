"""The article admin: the desk's main tool. Every save, button and bulk
action goes through desk.services.save_article()."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import AdminProseEditorWidget

from articles.models import Article, Correction
from articles.permissions import may_edit, may_publish
from mediabank.admin import GalleryItemInline, ImageChooserMixin

from .. import locks, services, workflow
from .columns import ArticleColumnsMixin
from .desk_views import DeskViewsMixin
from .editing import (
    BODY_EDITOR_CONFIG,
    PROSE_EDITOR_STYLE,
    ArticleAdminForm,
    BylineInline,
    CorrectionInline,
    DeskFilter,
    TagSuggestWidget,
    importmap_csp,
)


@admin.register(Article)
class ArticleAdmin(
    ImageChooserMixin, DeskViewsMixin, ArticleColumnsMixin, admin.ModelAdmin
):
    form = ArticleAdminForm
    image_fields = ["image"]
    raw_id_fields = ["image"]
    list_display = [
        "title",
        "section",
        "language",
        "state_display",
        "published_at",
        "byline",
    ]
    list_filter = [DeskFilter, "status", "language", "section", "published_at"]
    autocomplete_fields = ["translation_of"]
    list_select_related = ["section"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [BylineInline, GalleryItemInline, CorrectionInline]
    readonly_fields = [
        "created_at",
        "updated_at",
        "state_display",
        "editor_note",
        "workflow_history",
        "length",
    ]
    actions = [
        "submit_selected",
        "publish_selected",
        "unpublish_selected",
        "archive_selected",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "seen_version",
                    "title",
                    "slug",
                    ("language", "section"),
                    "translation_of",
                    "lead",
                    "body",
                    "length",
                    "tags",
                ]
            },
        ),
        (
            _("Dateline"),
            {
                "fields": ["dateline_place", "dateline_date", "source_credit"],
                "description": _(
                    "Pasted agency copy that opens with a dateline such as "
                    "“BRUSSELS, January 26 (RIA Novosti) - ” fills these fields "
                    "when they are empty."
                ),
            },
        ),
        (
            _("Main image"),
            {
                "fields": ["image", "image_caption"],
                "description": _(
                    "Alt text, credit and focal point belong to the image in "
                    "the library: fixing them there fixes every story using it."
                ),
            },
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "state_display",
                    "editor_note",
                    "status",
                    "published_at",
                    "expires_at",
                    "embargo_until",
                    "breaking_until",
                    "comments_mode",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
        (_("Workflow history"), {"fields": ["workflow_history"]}),
    ]

    def get_queryset(self, request):
        articles = super().get_queryset(request).prefetch_related("bylines__author")
        if may_publish(request.user):
            return articles
        # Authors work on their own articles only.
        return articles.filter(created_by=request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not may_publish(request.user):
            fields += [
                "status",
                "published_at",
                "expires_at",
                "embargo_until",
                "breaking_until",
            ]
        return fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            kwargs["widget"] = TagSuggestWidget()
        if db_field.name == "body":
            kwargs["widget"] = AdminProseEditorWidget(
                preset="configurable", config=BODY_EDITOR_CONFIG
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(
            request, obj
        ) and super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return may_publish(request.user)

    def requested_move(self, request):
        """The workflow button the form was sent with, if any."""
        name = request.POST.get("_workflow")
        return name if name in workflow.MOVES else None

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # What the form's check_save() needs: who saves, and the move.
        form.editor = request.user
        form.move = self.requested_move(request)
        form.move_note = request.POST.get("workflow_note", "")
        return form

    def save_model(self, request, obj, form, change):
        """Nothing yet: save_related() saves the article and its rows in one
        call of the write path, which needs the inlines."""

    def save_related(self, request, form, formsets, change):
        def related():
            super(ArticleAdmin, self).save_related(request, form, formsets, change)
            return [
                obj
                for formset in formsets
                if formset.model is Correction
                for obj in formset.new_objects
            ]

        services.save_article(**form.write_arguments(), related=related)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None and request.method == "GET":
            if self.has_change_permission(request, obj):
                extra_context["edit_lock"] = locks.open_for_editing(
                    article=obj, user=request.user
                )
        response = super().change_view(request, object_id, form_url, extra_context)
        if obj is not None and request.method == "POST" and response.status_code == 302:
            if "_continue" not in request.POST:
                locks.release_lock(article=obj, user=request.user)
        return response

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["workflow_buttons"] = (
            workflow.moves_for(request.user, obj) if obj is not None else []
        )
        response = super().render_change_form(
            request, context, *args, obj=obj, **kwargs
        )
        source = importmap_csp(context.get("media", ""))
        if source:
            response._csp_update = {
                "script-src": [source],
                "style-src": [PROSE_EDITOR_STYLE],
            }
        return response

    def response_change(self, request, obj):
        name = self.requested_move(request)
        if name is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            gettext("“%(title)s”: %(action)s done; now %(state)s.")
            % {
                "title": obj.title,
                "action": workflow.MOVES[name].label,
                "state": obj.state_label,
            },
            messages.SUCCESS,
        )
        if self.has_change_permission(request, obj):
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    def view_on_site(self, obj):
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"pk": obj.pk})

    def run_bulk(self, request, queryset, name):
        """Make the move `name` on each row; rows it refuses are listed."""
        done, refused = 0, []
        # get_queryset() already limits authors to their own rows; the
        # write path checks each row again.
        for article in queryset.select_related("section"):
            try:
                services.save_article(article=article, by=request.user, move=name)
                done += 1
            except (PermissionDenied, ValidationError) as error:
                reasons = getattr(error, "messages", None) or [str(error)]
                refused.append(f"“{article.title}”: {' '.join(reasons)}")
        if done:
            self.message_user(
                request,
                ngettext("%d article changed.", "%d articles changed.", done) % done,
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request, gettext("Refused: %s") % "; ".join(refused), messages.ERROR
            )

    @admin.action(description=_("Submit selected drafts for review"))
    def submit_selected(self, request, queryset):
        self.run_bulk(request, queryset, "submit")

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.run_bulk(request, queryset, "publish")

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self.run_bulk(request, queryset, "unpublish")

    @admin.action(description=_("Archive selected articles"), permissions=["publish"])
    def archive_selected(self, request, queryset):
        self.run_bulk(request, queryset, "archive")
