from django import template
from django.urls import reverse
from taggit.models import Tag

from articles.models import Author, Section
from subscriptions.forms import FrequencyForm
from subscriptions.models import Subscription

register = template.Library()

FEEDS = {
    "section": "articles:section_feed",
    "tag": "articles:tag_feed",
    "author": "articles:author_feed",
}


@register.inclusion_tag("subscriptions/includes/control.html", takes_context=True)
def subscribe_control(context, target):
    """Subscribe by e-mail (a link, or a button for readers who are logged in)
    and the RSS feed of a section, tag or author."""
    if isinstance(target, Section):
        kind = "section"
    elif isinstance(target, Tag):
        kind = "tag"
    elif isinstance(target, Author):
        kind = "author"
    else:
        raise template.TemplateSyntaxError(
            "subscribe_control takes a section, tag or author"
        )
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "kind": kind,
        "target": target,
        "feed_url": reverse(FEEDS[kind], kwargs={"slug": target.slug}),
        "logged_in": bool(user and user.is_authenticated),
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag(
    "subscriptions/includes/reader_subscriptions.html", takes_context=True
)
def reader_subscriptions(context, user):
    """A reader's subscriptions with forms to change or end each."""
    subscriptions = list(Subscription.objects.for_email(user.email))
    return {
        "subscriptions": [
            (
                s,
                FrequencyForm(
                    initial={"frequency": s.frequency}, auto_id=f"id_sub{s.pk}_%s"
                ),
            )
            for s in subscriptions
        ],
        "csrf_token": context.get("csrf_token"),
    }
