"""The article admin: the desk's main tool."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import AdminProseEditorWidget
from taggit.models import Tag

from .. import calendar, editing, revisions, workflow
from ..images import refresh_renditions
from ..models import (
    Article,
    Correction,
    Transition,
)
from ..workflow import can_publish

# The change page's workflow buttons: POST name "_workflow" → (label, service).
from .editing import (
    BODY_EDITOR_CONFIG,
    PROSE_EDITOR_STYLE,
    ArticleAdminForm,
    BylineInline,
    CorrectionInline,
    DeskFilter,
    TagSuggestWidget,
    importmap_csp,
    int_or_none,
)

WORKFLOW_ACTIONS = {
    "submit": (_("Submit for review"), workflow.submit_for_review),
    "publish": (_("Publish now"), workflow.publish_article),
    "schedule": (_("Schedule at the publication time"), workflow.schedule_article),
    "request_changes": (_("Request changes"), workflow.request_changes),
    "unpublish": (_("Unpublish"), workflow.unpublish_article),
    "archive": (_("Archive"), workflow.archive_article),
    "to_draft": (_("Return to draft"), workflow.return_to_draft),
}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
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
    inlines = [BylineInline, CorrectionInline]
    readonly_fields = [
        "image_preview",
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
        if can_publish(request.user):
            return articles
        # Authors work on their own articles only.
        return articles.filter(created_by=request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
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
        before = Transition.State.DRAFT
        if change:
            before = Article.objects.get(pk=obj.pk).state
        else:
            obj.created_by = request.user
        if not can_publish(request.user):
            obj.status = Article.Status.DRAFT
        obj.modified_by = request.user
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
        # A status changed by hand in the form is a transition too.
        workflow.record_transition(article=obj, by=request.user, from_status=before)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None and request.method == "GET":
            if self.has_change_permission(request, obj):
                extra_context["edit_lock"] = editing.open_for_editing(
                    article=obj, user=request.user
                )
        response = super().change_view(request, object_id, form_url, extra_context)
        if obj is not None and request.method == "POST" and response.status_code == 302:
            if "_continue" not in request.POST:
                editing.release_lock(article=obj, user=request.user)
        return response

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        revision = revisions.record_revision(article=article, by=request.user)
        added = [
            obj
            for formset in formsets
            if formset.model is Correction
            for obj in formset.new_objects
        ]
        if added:
            revisions.link_corrections(corrections=added, revision=revision)
            if article.is_published:
                # A note to readers is a change they should see dated.
                article.updated_at = max(c.created_at for c in added)
                article.save(update_fields=["updated_at"])

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["workflow_buttons"] = self.workflow_buttons(request, obj)
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

    def workflow_buttons(self, request, obj):
        """[(name, label)] of the transitions the user may try on `obj`."""
        if obj is None:
            return []
        if can_publish(request.user):
            names = {
                Transition.State.DRAFT: ["submit", "publish", "schedule"],
                Transition.State.REVIEW: [
                    "publish",
                    "schedule",
                    "request_changes",
                    "to_draft",
                ],
                Transition.State.SCHEDULED: ["publish", "schedule", "unpublish"],
                Transition.State.PUBLISHED: ["unpublish", "archive"],
                Transition.State.UNPUBLISHED: ["publish", "schedule", "to_draft"],
                Transition.State.ARCHIVED: ["publish", "unpublish", "to_draft"],
            }[obj.state]
        elif workflow.can_edit(request.user, obj):
            names = ["submit"]
        else:
            names = []
        return [(name, WORKFLOW_ACTIONS[name][0]) for name in names]

    def response_change(self, request, obj):
        name = request.POST.get("_workflow")
        if name not in WORKFLOW_ACTIONS:
            return super().response_change(request, obj)
        self.apply_transition(request, obj, name)
        if self.has_change_permission(request, obj):
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    def apply_transition(self, request, obj, name):
        """Run the workflow service `name` on `obj`; report the outcome."""
        label, service = WORKFLOW_ACTIONS[name]
        kwargs = {"article": obj, "by": request.user}
        if name == "schedule":
            kwargs["at"] = obj.published_at
        if name == "request_changes":
            kwargs["note"] = request.POST.get("workflow_note", "")
        try:
            service(**kwargs)
        except (PermissionDenied, ValidationError) as error:
            reasons = getattr(error, "messages", None) or [str(error)]
            self.message_user(
                request,
                gettext("“%(action)s” refused: %(reasons)s")
                % {"action": label, "reasons": " ".join(reasons)},
                messages.ERROR,
            )
            return False
        self.message_user(
            request,
            gettext("“%(title)s”: %(action)s done; now %(state)s.")
            % {"title": obj.title, "action": label, "state": obj.state_label},
            messages.SUCCESS,
        )
        return True

    def get_urls(self):
        return [
            path(
                "calendar/",
                self.admin_site.admin_view(self.calendar_view),
                name="articles_article_calendar",
            ),
            path(
                "<path:object_id>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name="articles_article_revisions",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="articles_article_restore",
            ),
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions),
                name="articles_article_tag_suggestions",
            ),
            *super().get_urls(),
        ]

    def calendar_view(self, request):
        """What appears and what expires, by day, in ?month=YYYY-MM."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        first = calendar.parse_month(request.GET.get("month"))
        previous, following = calendar.neighbour_months(first)
        articles = self.get_queryset(request).prefetch_related(None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Editors' calendar"),
            "month": first,
            "previous": previous,
            "following": following,
            "agenda": calendar.month_agenda(articles=articles, first=first),
        }
        return TemplateResponse(
            request, "admin/articles/article/calendar.html", context
        )

    def revisions_view(self, request, object_id):
        """The article's revisions, and the diff of two chosen with ?a=&b=."""
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_permission(request, article):
            raise Http404
        history = list(article.revisions.select_related("user"))
        by_id = {revision.pk: revision for revision in history}
        old, new = (
            by_id.get(int_or_none(request.GET.get("a"))),
            by_id.get(int_or_none(request.GET.get("b"))),
        )
        if old and new and old.created_at > new.created_at:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": gettext("Revisions of “%(title)s”") % {"title": article.title},
            "revisions": history,
            "old": old,
            "new": new,
            "diff": revisions.diff_revisions(old, new) if old and new else None,
            "can_restore": self.has_change_permission(request, article),
        }
        return TemplateResponse(
            request, "admin/articles/article/revisions.html", context
        )

    def restore_view(self, request, object_id, revision_id):
        """POST: put an old revision's text back, as a new revision."""
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        if request.method != "POST" or not self.has_change_permission(request, article):
            raise PermissionDenied
        revision = get_object_or_404(article.revisions, pk=revision_id)
        revisions.restore_revision(revision=revision, by=request.user)
        self.message_user(
            request,
            gettext("Revision #%(id)s restored as a new revision.")
            % {"id": revision.pk},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )

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

    @admin.display(description=_("length"))
    def length(self, obj):
        """Word count and reading time; static/js/admin-desk.js updates it live."""
        words = obj.word_count if obj else 0
        minutes = obj.reading_minutes if obj else 1
        return format_html(
            '<span class="desk-length" data-words-per-minute="200">'
            '<span class="desk-length__words">{}</span> {} · '
            '<span class="desk-length__minutes">{}</span> {}</span>',
            words,
            gettext("words"),
            minutes,
            gettext("min read"),
        )

    @admin.display(description=_("state"))
    def state_display(self, obj):
        return obj.state_label

    @admin.display(description=_("editor's note"))
    def editor_note(self, obj):
        """The latest "request changes" note, for the author."""
        if obj is None or obj.pk is None or obj.status != Article.Status.DRAFT:
            return "—"
        last = obj.transitions.filter(to_status=Transition.State.DRAFT).first()
        if last is None or not last.note:
            return "—"
        return format_html(
            "{} <small>({}, {})</small>",
            last.note,
            last.user or "—",
            timezone.localtime(last.created_at).strftime("%Y-%m-%d %H:%M"),
        )

    @admin.display(description=_("transitions"))
    def workflow_history(self, obj):
        """Every transition of the article, newest first (read-only)."""
        if obj is None or obj.pk is None:
            return "—"
        rows = obj.transitions.select_related("user")
        if not rows:
            return "—"
        return format_html(
            '<table class="desk-history"><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>'
            "</tr></thead><tbody>{}</tbody></table>",
            gettext("When"),
            pgettext("revision author", "By"),
            gettext("Change"),
            gettext("Note"),
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td></tr>",
                (
                    (
                        timezone.localtime(t.created_at).strftime("%Y-%m-%d %H:%M"),
                        t.user or "—",
                        t.get_from_status_display(),
                        t.get_to_status_display(),
                        t.note,
                    )
                    for t in rows
                ),
            ),
        )

    def run_bulk(self, request, queryset, service):
        """Apply a workflow service to each row; rows it refuses are listed."""
        done, refused = 0, []
        # get_queryset() already limits authors to their own rows; the
        # service checks each row again.
        for article in queryset.select_related("section"):
            try:
                service(article=article, by=request.user)
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
        self.run_bulk(request, queryset, workflow.submit_for_review)

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.run_bulk(request, queryset, workflow.publish_article)

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self.run_bulk(request, queryset, workflow.unpublish_article)

    @admin.action(description=_("Archive selected articles"), permissions=["publish"])
    def archive_selected(self, request, queryset):
        self.run_bulk(request, queryset, workflow.archive_article)
