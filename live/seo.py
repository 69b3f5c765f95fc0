"""A live story's schema.org LiveBlogPosting data for JSON-LD."""

from django.utils.html import strip_tags
from django.utils.text import Truncator

from articles.seo import absolute_url, image_object, iso, modified_at


def post_text(post):
    """A post's words as plain text: its body, else its link or quote author."""
    return strip_tags(post.body).strip() or post.link_title or post.link_url or ""


def live_blog_posting(request, story, posts):
    """The story with `posts` (the page's) as its liveBlogUpdate."""
    article = story.article
    url = absolute_url(request, article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "@id": f"{url}#live",
        "headline": article.title,
        "description": article.lead,
        "url": url,
        "datePublished": iso(article.published_at),
        "dateModified": iso(modified_at(article)),
        "coverageStartTime": iso(story.started_at),
        "coverageEndTime": iso(story.closed_at),
        "liveBlogUpdate": [_update(request, url, post) for post in posts],
    }
    return {key: value for key, value in data.items() if value is not None}


def _update(request, url, post):
    text = post_text(post)
    update = {
        "@type": "BlogPosting",
        "headline": Truncator(text).chars(110) or post.get_kind_display(),
        "url": f"{url}#{post.anchor}",
        "datePublished": iso(post.posted_at),
        "dateModified": iso(post.edited_at or post.posted_at),
        "articleBody": text,
    }
    if post.image:
        update["image"] = image_object(request, post.image)
    return update
