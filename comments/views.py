from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles.models import Article
from newsroom.web import site_url

from . import services
from .forms import CommentEditForm, CommentForm
from .models import Comment


def visible_comment(pk):
    """A visible comment on a public article, or 404."""
    return get_object_or_404(
        Comment.objects.visible().select_related("article__section", "author"),
        pk=pk,
        article__in=Article.objects.published(),
    )


@login_required
def comment_post(request, article_id):
    """Post a comment or a reply; errors re-show the form with the text kept."""
    article = get_object_or_404(
        Article.objects.published().select_related("section"), pk=article_id
    )
    if request.method != "POST":
        return redirect(article.get_absolute_url() + "#discussion")
    form = CommentForm(request.POST)
    parent = None
    if form.is_valid():
        try:
            if form.cleaned_data["parent"]:
                parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
                if parent is None:
                    raise ValidationError(
                        _("The comment you are replying to no longer exists.")
                    )
            comment = services.post_comment(
                article=article,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
                notify_replies=form.cleaned_data["notify_replies"],
                site_url=site_url(request),
                token=form.cleaned_data["token"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied as denied:
            return render(
                request,
                "comments/comment_refused.html",
                {"article": article, "message": str(denied)},
                status=403,
            )
        else:
            if comment.is_visible:
                messages.success(request, _("Your comment is published."))
            else:
                messages.info(
                    request,
                    _(
                        "Thank you. Your comment will appear once a moderator approves "
                        "it."
                    ),
                )
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "comments/comment_form_page.html",
        {"article": article, "form": form, "parent": parent},
        status=400,
    )


@login_required
def comment_reply(request, pk):
    """The reply form on a page of its own, for readers without JavaScript."""
    parent = visible_comment(pk)
    form = CommentForm(initial={"parent": parent.pk})
    return render(
        request,
        "comments/comment_form_page.html",
        {"article": parent.article, "form": form, "parent": parent},
    )


@login_required
def comment_edit(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related("article__section"), pk=pk
    )
    if not comment.can_edit(request.user):
        raise PermissionDenied(_("This comment can no longer be edited."))
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_comment(
                comment=comment, user=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Your comment is updated."))
            return redirect(comment.get_absolute_url())
    return render(
        request, "comments/comment_edit.html", {"comment": comment, "form": form}
    )


@login_required
def comment_delete(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related("article__section"), pk=pk
    )
    if comment.author_id != request.user.pk:
        raise PermissionDenied(_("You can only delete your own comments."))
    if request.method == "POST":
        services.delete_comment(comment=comment, user=request.user)
        messages.success(request, _("Your comment is deleted."))
        return redirect(comment.article.get_absolute_url() + "#discussion")
    return render(request, "comments/comment_delete.html", {"comment": comment})


@login_required
@require_POST
def comment_report(request, pk):
    comment = visible_comment(pk)
    try:
        services.report_comment(comment=comment, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Thank you. Moderators will look at this comment."))
    return redirect(comment.article.get_absolute_url() + "#discussion")


def unsubscribe(request, token):
    """Turn off reply e-mails for one comment, from the link in the e-mail."""
    comment = services.comment_from_unsubscribe_token(token)
    if comment is None:
        return render(
            request, "comments/unsubscribe.html", {"invalid": True}, status=400
        )
    if request.method == "POST":
        comment.notify_replies = False
        comment.save(update_fields=["notify_replies"])
        return render(request, "comments/unsubscribe.html", {"done": True})
    return render(request, "comments/unsubscribe.html", {"comment": comment})
