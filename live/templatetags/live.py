from django import template
from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import get_language

from articles.seo import json_ld_script

from ..models import LiveStory
from ..seo import live_blog_posting

register = template.Library()


@register.inclusion_tag("live/includes/live_blog.html", takes_context=True)
def live_blog(context, article):
    """A live story's posts, newest first and paged, with its JSON-LD; nothing
    for an article that is not one (one query)."""
    story = LiveStory.objects.filter(pk=article.pk).first()
    if story is None:
        return {"story": None}
    # The article's page depends on cachekeys.article already, which every
    # write of live/services.py bumps.
    story.article = article
    request = context["request"]
    posts = story.posts.newest_first().for_display()
    page = Paginator(posts, settings.LIVE_POSTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return {
        "story": story,
        "page": page,
        "json_ld": json_ld_script(live_blog_posting(request, story, page)),
        "socket_url": (
            f"{story.socket_path}?lang={get_language()}"
            if page.number == 1 and not story.is_closed
            else ""
        ),
    }
