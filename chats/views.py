from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles.lookups import get_in_edition_or_404
from articles.models import Article

from . import services
from .forms import ChatMessageForm
from .models import ChatMessage
from .rooms import room_for


def section_chat(request, slug):
    """A section's chat room on a page of its own."""
    section = get_in_edition_or_404("section", slug)
    return render(request, "chats/section_chat.html", {"section": section})


def post(request, room):
    """The form path, for readers without JavaScript or WebSockets."""
    form = ChatMessageForm(request.POST)
    if form.is_valid():
        try:
            services.post_message(
                room=room, user=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error("text", error)
        except PermissionDenied as denied:
            return render(
                request,
                "chats/message_form_page.html",
                {"room": room, "refused": str(denied)},
                status=403,
            )
        else:
            return redirect(room.page_url)
    return render(
        request,
        "chats/message_form_page.html",
        {"room": room, "form": form},
        status=400,
    )


@login_required
@require_POST
def article_post(request, article_id):
    article = get_object_or_404(
        Article.objects.published().select_related("section"), pk=article_id
    )
    return post(request, room_for(article))


@login_required
@require_POST
def section_post(request, slug):
    return post(request, room_for(get_in_edition_or_404("section", slug)))


@permission_required("chats.delete_chatmessage", raise_exception=True)
@require_POST
def message_delete(request, pk):
    """A moderator removes a message from the room's page."""
    message = get_object_or_404(
        ChatMessage.objects.select_related("article__section", "section"), pk=pk
    )
    services.delete_messages(messages=ChatMessage.objects.filter(pk=pk))
    return redirect(message.get_absolute_url())
