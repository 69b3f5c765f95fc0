from django import template
from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import render_to_string

from articles import cachekeys
from newsroom import fragments, freshness
from newsroom.text import render_post
from participation.services import Scope, refusal_notice

from ..forms import CommentForm
from ..models import Comment

register = template.Library()

SORTS = {"newest": ("-created_at", "-id"), "oldest": ("created_at", "id")}


def thread_rows(user):
    """Comments that appear in threads: those shown to `user`, and deleted
    ones, which stay as a placeholder when they have replies."""
    return Comment.objects.shown_to(user) | Comment.objects.filter(
        status=Comment.Status.DELETED
    )


@register.simple_tag(takes_context=True)
def discussion(context, article):
    """The article's discussion: counter, form or gate, and threaded comments.

    Anonymous readers all see the same one for an address, kept in the
    fragment cache until a comment, the counter or the article changes, or
    an automatic close comes.
    """
    request = context["request"]
    if request.user.is_authenticated:
        return render_discussion(request, article)

    def render():
        freshness.depend(cachekeys.comments(article.pk), cachekeys.article(article.pk))
        freshness.not_after(article.comments_close_at)
        return render_discussion(request, article)

    key = fragments.cache_key("discussion", article.pk, request.get_full_path())
    return fragments.cached(key, render)


def render_discussion(request, article):
    """The discussion's HTML for the reader of `request`."""
    user = request.user
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "newest"
    roots = (
        thread_rows(user)
        .filter(article=article, parent=None)
        .for_display()
        .order_by(*SORTS[sort])
    )
    page = Paginator(roots, settings.COMMENTS_PER_PAGE).get_page(
        request.GET.get("cpage")
    )
    threads = list(page.object_list)
    children = {}
    replies = thread_rows(user).filter(root__in=[c.pk for c in threads]).for_display()
    for reply in replies.order_by("created_at", "id") if threads else []:
        children.setdefault(reply.parent_id, []).append(reply)
    for comment in threads + [r for rs in children.values() for r in rs]:
        comment.children = children.get(comment.pk, [])
    comment_count = getattr(article, "comment_count", None)
    if comment_count is None:
        comment_count = article.comments.visible().count()
    return render_to_string(
        "comments/includes/discussion.html",
        {
            "user": user,
            "article": article,
            "comment_count": comment_count,
            "threads": threads,
            "page": page,
            "sort": sort,
            "form": CommentForm() if user.is_authenticated else None,
            "suspension_message": refusal_notice(
                user, scope=Scope.COMMENTS, article=article
            ),
            "max_depth": settings.COMMENTS_MAX_DEPTH,
        },
        request,
    )


@register.filter
def comment_html(comment):
    """A comment's text as safe HTML."""
    return render_post(comment.body)


@register.filter
def can_edit(comment, user):
    """Whether `user` may still edit `comment`."""
    return comment.can_edit(user)
