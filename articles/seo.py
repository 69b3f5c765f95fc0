"""What crawlers and social networks read: datelines, Open Graph, JSON-LD."""

import json
import mimetypes
from typing import NamedTuple

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

# Characters that could close the <script> element or open a comment in it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
LOGO_PATH = "img/logo.png"
LOGO_SIZE = (600, 60)
# The search page lives at /search/ under the site root (issue 4, search).
SEARCH_PATH = "search/"


class Dateline(NamedTuple):
    """A dateline's parts: "BRUSSELS, January 26" and the source credit."""

    place: str
    source: str


class Enclosure(NamedTuple):
    """A main image as a feed enclosure or a social image."""

    url: str
    length: int
    mime_type: str


def dateline_parts(article):
    """The place in capitals with the date in the page's language, and the source."""
    place = article.dateline_place.upper()
    # The wire copy's own date when the desk kept it, else the publication's.
    filed = article.dateline_date or (
        article.published_at and timezone.localtime(article.published_at)
    )
    if place and filed:
        day = dateformat.format(
            filed, pgettext("dateline date, PHP date() format", "F j")
        )
        place = _("%(place)s, %(date)s") % {"place": place, "date": day}
    return Dateline(place=place, source=article.source_credit)


def absolute_url(request, path):
    """`path` as an absolute URL on the host and scheme of `request`."""
    return request.build_absolute_uri(path)


def image_enclosure(request, article):
    """The main image's absolute URL, size and type; None if it is missing."""
    if not article.image:
        return None
    file = article.image.file
    try:
        length = file.size
    except (OSError, ValueError):
        return None
    mime_type = mimetypes.guess_type(file.name)[0] or "image/jpeg"
    return Enclosure(absolute_url(request, file.url), length, mime_type)


def image_object(request, image, *, caption=""):
    """A library image as schema.org ImageObject data, with its credit."""
    data = {
        "@type": "ImageObject",
        "url": absolute_url(request, image.file.url),
        "contentUrl": absolute_url(request, image.file.url),
        "width": image.width,
        "height": image.height,
        "caption": caption or image.caption or None,
        "description": image.alt or None,
        "creditText": image.credit or None,
    }
    if image.photographer:
        data["creator"] = {"@type": "Person", "name": image.photographer}
    if image.copyright_holder:
        data["copyrightHolder"] = {
            "@type": "Organization",
            "name": image.copyright_holder,
        }
        data["copyrightNotice"] = image.credit
    return {key: value for key, value in data.items() if value is not None}


def iso(moment):
    """A W3C datetime in the site's time zone, or None."""
    if not moment:
        return None
    return timezone.localtime(moment).isoformat(timespec="seconds")


def modified_at(article):
    """When the article last changed: its update time, else its publication."""
    return article.updated_at or article.published_at


def open_graph(request, article):
    """Open Graph properties of an article page, as (property, content) pairs."""
    pairs = [
        ("og:type", "article"),
        ("og:title", article.title),
        ("og:description", article.lead),
        ("og:url", absolute_url(request, article.get_absolute_url())),
        ("og:site_name", settings.SITE_NAME),
    ]
    if image := article.image:
        pairs += [
            ("og:image", absolute_url(request, image.file.url)),
            ("og:image:width", str(image.width or "")),
            ("og:image:height", str(image.height or "")),
            ("og:image:alt", image.alt or article.title),
        ]
    pairs += [
        ("article:published_time", iso(article.published_at)),
        ("article:modified_time", iso(modified_at(article))),
        ("article:section", article.section.name),
    ]
    pairs += [("article:tag", tag.name) for tag in article.tags.all()]
    return [(name, content) for name, content in pairs if content]


def twitter_card(request, article):
    """Twitter card tags of an article page, as (name, content) pairs."""
    pairs = [
        ("twitter:card", "summary_large_image" if article.image else "summary"),
        ("twitter:title", article.title),
        ("twitter:description", article.lead),
    ]
    if image := article.image:
        pairs += [
            ("twitter:image", absolute_url(request, image.file.url)),
            ("twitter:image:alt", image.alt or article.title),
        ]
    return pairs


def publisher(request):
    """The site as a schema.org Organization with its logo."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute_url(request, reverse("articles:home")),
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(request, static(LOGO_PATH)),
            "width": LOGO_SIZE[0],
            "height": LOGO_SIZE[1],
        },
    }


def article_authors(request, article):
    """Every byline as a Person; agency copy credits its source organization."""
    people = [
        {
            "@type": "Person",
            "name": author.name,
            "url": absolute_url(request, author.get_absolute_url()),
        }
        for author in article.byline_authors
    ]
    if people:
        return people
    if article.source_credit:
        return [{"@type": "Organization", "name": article.source_credit}]
    return [{"@type": "Organization", "name": settings.SITE_NAME}]


def news_article(request, article):
    """The article as schema.org NewsArticle data for JSON-LD."""
    url = absolute_url(request, article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lead,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": iso(article.published_at),
        "dateModified": iso(modified_at(article)),
        "author": article_authors(request, article),
        "publisher": publisher(request),
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "inLanguage": get_language(),
    }
    if article.image:
        data["image"] = image_object(
            request, article.image, caption=article.image_caption_shown
        )
    dateline = dateline_parts(article)
    if dateline.place:
        data["dateline"] = dateline.place
    if article.source_credit:
        data["sourceOrganization"] = {
            "@type": "Organization",
            "name": article.source_credit,
        }
    return {key: value for key, value in data.items() if value is not None}


def website(request):
    """The site as schema.org WebSite data with its search box for JSON-LD."""
    root = absolute_url(request, reverse("articles:home"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": root,
        "inLanguage": get_language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{root}{SEARCH_PATH}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }


def json_ld_script(data):
    """`data` in a JSON-LD script element; no text in it can close the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped
    )
