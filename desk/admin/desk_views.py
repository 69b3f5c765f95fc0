"""The article admin's own pages: the editors' calendar, an article's
revisions with their diff and restore, and the tag suggestions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from taggit.models import Tag

from articles.diff import diff_revisions

from .. import calendar, services
from .editing import int_or_none


class DeskViewsMixin:
    """For ArticleAdmin: the desk's pages beside the change form."""

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
            "diff": diff_revisions(old, new) if old and new else None,
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
        services.restore_revision(revision=revision, by=request.user)
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
