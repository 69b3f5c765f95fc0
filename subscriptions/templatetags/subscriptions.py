from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from taggit.models import Tag

from articles import cachekeys
from articles.models import Author, Section
from newsroom import fragments, freshness
from subscriptions.forms import FrequencyForm
from subscriptions.models import Subscription

register = template.Library()

FEEDS = {
    "section": "articles:section_feed",
    "tag": "articles:tag_feed",
    "author": "articles:author_feed",
}
CONTROL = "subscriptions/includes/control.html"


@register.simple_tag(takes_context=True)
def subscribe_control(context, target):
    """Subscribe by e-mail (a link, or a button for readers who are logged in)
    and the RSS feed of a section, tag or author. The link of readers who
    are not logged in is the same for all: a cached block of the target."""
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
    if user and user.is_authenticated:
        return render_to_string(
            CONTROL,
            {
                **_control(kind, target),
                "logged_in": True,
                "next": request.get_full_path(),
                "csrf_token": context.get("csrf_token"),
            },
        )

    def link():
        freshness.depend(getattr(cachekeys, kind)(target.pk))
        return render_to_string(CONTROL, _control(kind, target))

    key = fragments.cache_key("subscribe", kind, target.pk)
    return mark_safe(fragments.cached(key, link))


def _control(kind, target):
    return {
        "kind": kind,
        "target": target,
        "feed_url": reverse(FEEDS[kind], kwargs={"slug": target.slug}),
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
