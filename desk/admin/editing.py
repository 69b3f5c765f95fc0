"""What the article admin is built from: its form, widgets, inlines and
the desk's saved filters and counts."""

import base64
import hashlib
import re

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget

from articles.models import Article, Byline, Correction
from articles.permissions import may_publish

from .. import locks, services, wire


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


class DeskFilter(admin.SimpleListFilter):
    """The desk's saved views of the article list."""

    title = _("desk")
    parameter_name = "desk"

    def lookups(self, request, model_admin):
        return [
            ("my_drafts", _("My drafts")),
            ("review", _("Awaiting review")),
            ("scheduled", _("Scheduled")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "my_drafts":
            return queryset.filter(created_by=request.user, status=Article.Status.DRAFT)
        if self.value() == "review":
            return queryset.filter(status=Article.Status.REVIEW)
        if self.value() == "scheduled":
            return queryset.scheduled()
        return queryset


def desk_counts(request):
    """Counts for the admin dashboard, in one query, over what the user sees."""
    articles = Article.objects.all()
    if not may_publish(request.user):
        articles = articles.filter(created_by=request.user)
    now = timezone.now()
    return articles.aggregate(
        my_drafts=Count(
            "id", filter=Q(created_by=request.user, status=Article.Status.DRAFT)
        ),
        review=Count("id", filter=Q(status=Article.Status.REVIEW)),
        scheduled=Count(
            "id", filter=Q(status=Article.Status.PUBLISHED, published_at__gt=now)
        ),
    )


# The body editor offers only what articles.sanitize keeps; the sanitizer on
# save stays the authority whatever the browser sends.
BODY_EDITOR_CONFIG = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Heading": {"levels": [2, 3, 4]},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "HardBreak": True,
        "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    }
}
# The <style> element the pinned editor (django-prose-editor 0.28.0) injects;
# update the hash with the package (the browser console names the new one).
PROSE_EDITOR_STYLE = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
IMPORTMAP = re.compile(r'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


def importmap_csp(media):
    """The CSP source that lets the editor's inline import map run."""
    found = IMPORTMAP.search(str(media))
    if not found:
        return None
    digest = hashlib.sha256(found.group(1).encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class CorrectionInline(admin.TabularInline):
    """Notes to readers; editors add them when a published text changes."""

    model = Correction
    extra = 0
    fields = ["kind", "text", "created_at"]
    verbose_name_plural = _("corrections and updates (shown to readers)")

    def has_view_permission(self, request, obj=None):
        return may_publish(request.user)

    def has_add_permission(self, request, obj=None):
        return may_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return may_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        return may_publish(request.user)


class ArticleAdminForm(forms.ModelForm):
    """The article form; ModelAdmin supplies the model and fields."""

    seen_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, label=_("version")
    )
    # Set by ArticleAdmin.get_form(): who saves, with which workflow move.
    editor = None
    move = None
    move_note = ""

    class Media:
        js = ["js/admin-desk.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
        if "language" in self.fields:
            # Left empty, the edition is the section's.
            self.fields["language"].required = False
        if "slug" in self.fields:
            # Left empty, Article.save() makes it from the title (Cyrillic
            # transliterated with the table the admin's JavaScript uses).
            self.fields["slug"].required = False

    def clean_body(self):
        body = self.cleaned_data.get("body", "")
        if self.data.get("dateline_place") or self.data.get("source_credit"):
            return body
        place, when, source, rest = wire.split_body_dateline(body)
        if place:
            self.wire_dateline = (place, when, source)
            return rest
        return body

    def clean(self):
        cleaned = super().clean()
        if "language" in self.fields and cleaned.get("section"):
            if not cleaned.get("language"):
                # Also on the instance: an omitted field keeps the model default.
                language = cleaned["section"].language
                cleaned["language"] = self.instance.language = language
        wire_dateline = getattr(self, "wire_dateline", None)
        if wire_dateline:
            place, when, source = wire_dateline
            cleaned["dateline_place"], cleaned["source_credit"] = place, source
            cleaned["dateline_date"] = cleaned.get("dateline_date") or when
        if self.instance.pk:
            message = locks.stale_edit_message(
                article_id=self.instance.pk, seen_version=cleaned.get("seen_version")
            )
            if message:
                raise ValidationError(message, code="stale")
        status = cleaned.get("status")
        needs_time = status not in (
            None,
            "",
            Article.Status.DRAFT,
            Article.Status.REVIEW,
        )
        if needs_time and not cleaned.get("published_at"):
            cleaned["published_at"] = timezone.now()
        return cleaned

    def write_arguments(self):
        """What the write path is told of this form's save."""
        return {
            "article": self.instance,
            "by": self.editor,
            "changed": self.changed_data,
            "move": self.move,
            "note": self.move_note,
        }

    def _post_clean(self):
        """With the posted values on the instance, ask the write path whether
        it would take this save (desk.services.check_save): the status
        moves, the permissions and the pre-publish checks are its own."""
        super()._post_clean()
        if self.errors or self.editor is None:
            return
        try:
            services.check_save(**self.write_arguments())
        except (PermissionDenied, ValidationError) as error:
            if isinstance(error, PermissionDenied):
                error = ValidationError(str(error))
            self.add_error(None, error)
