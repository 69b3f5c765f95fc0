"""What the article admin shows of an article besides its fields: the
byline, the length, the state and the desk's history."""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class ArticleColumnsMixin:
    """For ArticleAdmin: its read-only columns and fields."""

    @admin.display(description=_("authors"))
    def byline(self, obj):
        return ", ".join(author.name for author in obj.byline_authors) or "—"

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
        last = obj.transitions.filter(to_status=Article.State.DRAFT).first()
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
