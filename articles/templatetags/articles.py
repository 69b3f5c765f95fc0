from datetime import timedelta
from urllib.parse import quote

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils import formats, timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from taggit.models import Tag

from newsroom import fragments, freshness

from .. import blocks, editions, images, search, services
from ..models import Article, Section
from ..seo import dateline_parts

register = template.Library()


@register.simple_tag
def section_menu(current=None):
    """The masthead's section links, in the editors' order (cached)."""
    return blocks.section_menu(current)


@register.simple_tag
def newsfeed():
    """The sidebar's latest published headlines across sections (cached)."""
    return blocks.newsfeed()


@register.simple_tag
def breaking_banner():
    """The site-wide banner of the newest breaking story (cached)."""
    return blocks.breaking_banner()


@register.simple_tag
def related_articles(article, limit=4):
    """Up to `limit` published articles sharing tags or the section (cached)."""
    return blocks.related_articles(article, limit)


@register.simple_tag
def article_cards(items, level=2, show_section=False, featured=False, image="card"):
    """Teaser cards of `items`, each cached: one tag per list, not an include
    per card; `image` is the IMAGE_KINDS entry their pictures are sized by."""
    return blocks.cards(
        items, level=level, show_section=show_section, featured=featured, image=image
    )


@register.simple_tag
def article_card(item, level=2, show_section=False, featured=False):
    """The teaser card of one article (cached)."""
    return article_cards([item], level, show_section, featured)


@register.simple_tag
def depends_on(article):
    """Inside a cached block: load what the article page shows and say the
    block shows the article, its section, authors and tags. Renders nothing."""
    freshness.depend(*blocks.article_keys(article))
    return ""


@register.filter
def newsfeed_days(articles, before=None):
    """[(day label, article)] with a label ("Today", "Yesterday", "26 January")
    on each article that starts a local day; none on the first one when the
    page before it (ending at the moment `before`) ended on the same day.

    Labels change at local midnight with no write: the block or page
    showing them is cached until then, never past."""
    today = timezone.localdate()
    freshness.not_after(services.start_of_day(today + timedelta(days=1)))
    shown = timezone.localdate(before) if before else None
    labelled = []
    for article in articles:
        day = timezone.localdate(article.published_at)
        labelled.append((day_label(day, today) if day != shown else "", article))
        shown = day
    return labelled


def day_label(day, today):
    """A day in the Newsfeed: "Today", "Yesterday", "26 January", and with the
    year when it is not this year's."""
    if day == today:
        return gettext("Today")
    if (today - day).days == 1:
        return gettext("Yesterday")
    if day.year == today.year:
        return formats.date_format(day, pgettext("newsfeed day", "j F"))
    return formats.date_format(day, pgettext("newsfeed day of another year", "j F Y"))


@register.simple_tag
def dateline(article):
    """`BRUSSELS, January 26 (RIA Novosti) - `: place, date, source, dash."""
    place, source = dateline_parts(article)
    parts = [place] if place else []
    if source:
        parts.append(f"({source})")
    return " ".join(parts) + " - " if parts else ""


def language_url(context, code, versions=None):
    """This page in the edition `code`: an article's translation there, that
    edition's home for other content of this edition, else the same page."""
    if versions is not None and code in versions:
        return versions[code].get_absolute_url()
    for name in ("article", "section", "target"):
        shown = context.get(name)
        if isinstance(shown, Article | Section) and shown.language != code:
            # Sections and articles belong to one edition: no 404 for a reader.
            return editions.reverse_in(code, "articles:home")
    shown = context.get("tag") or context.get("target")
    if isinstance(shown, Tag) and code != editions.current():
        # A tag is public in an edition only while one of its published
        # articles carries it: the other edition's home never fails.
        return editions.reverse_in(code, "articles:home")
    if context.get("period") and code != editions.current():
        # A day or month of the archive exists where articles appeared then.
        return editions.reverse_in(code, "articles:home")
    request = context["request"]
    # The same list's first page: the other edition may have fewer pages.
    query = request.GET.copy()
    query.pop("page", None)
    path = request.path + (f"?{query.urlencode()}" if query else "")
    return translate_url(path, code)


@register.simple_tag(takes_context=True)
def language_links(context):
    """The masthead's links to this page in the other editions, each named in
    its own language; on an article (`translations_of`), to its versions
    there, cached."""
    article = context.get("translations_of")
    if article is None:
        return _language_links(context)

    def render():
        blocks.depend_on_translations(article)
        return _language_links(context, article.edition_versions)

    if context.get("is_preview"):
        return render()
    return fragments.cached(fragments.cache_key("languages", article.pk), render)


def _language_links(context, versions=None):
    current = translation.get_language()
    return format_html_join(
        "\n",
        '<li><a href="{}" hreflang="{}" lang="{}">{}</a></li>',
        (
            (
                language_url(context, code, versions),
                code,
                code,
                capfirst(local_name(code)),
            )
            for code in editions.codes()
            if code != current
        ),
    )


def local_name(code):
    """The edition's language named in itself ("русский")."""
    return translation.get_language_info(code)["name_local"]


@register.inclusion_tag("articles/includes/edition_alternates.html", takes_context=True)
def edition_alternates(context, article):
    """hreflang alternates for each edition's version of `article` (absolute),
    x-default on the default language's version, else the first one."""
    blocks.depend_on_translations(article)
    versions = article.edition_versions
    request = context["request"]
    links = [
        (code, request.build_absolute_uri(article.get_absolute_url()))
        for code, article in versions.items()
    ]
    default = dict(links).get(settings.LANGUAGE_CODE, links[0][1] if links else None)
    return {"links": links if len(links) > 1 else [], "default": default}


@register.filter
def body_with_dateline(article, text):
    """The article's body with the dateline `text` opening its first paragraph."""
    return article.body_with_dateline(text)


@register.filter
def highlight(text, terms):
    """`text` escaped, with the words matching the search `terms` in <mark>."""
    return search.highlight(text or "", terms)


@register.inclusion_tag("articles/includes/share_links.html", takes_context=True)
def share_links(context, article):
    """Plain share links (no third-party scripts) for the article's address."""
    url = quote(
        context["request"].build_absolute_uri(article.get_absolute_url()), safe=""
    )
    title = quote(article.title, safe="")
    return {
        "links": [
            ("telegram", "Telegram", f"https://t.me/share/url?url={url}&text={title}"),
            ("vk", "VK", f"https://vk.com/share.php?url={url}&title={title}"),
            ("x", "X", f"https://x.com/intent/post?url={url}&text={title}"),
            (
                "facebook",
                "Facebook",
                f"https://www.facebook.com/sharer/sharer.php?u={url}",
            ),
        ],
        "mailto": f"mailto:?subject={title}&body={url}",
    }


# sizes and loading per use of an image; cards are lazy, the article's main
# image and the top story are above the fold. The sizes follow site.css: the
# main column is 51.25rem wide from 76em (76rem container, 300 px sidebar),
# the viewport less 24.75rem from 60em, less the gutters below; a phone's
# teaser shows a 7rem square cut from the 16:9 picture (12.5rem of its
# width); teasers elsewhere are at most 20rem wide, the top story's picture
# 28rem beside its headline.
IMAGE_KINDS = {
    "card": ("(max-width: 39.99em) 12.5rem, 20rem", "lazy"),
    "featured": (
        "(min-width: 60em) 28rem, (min-width: 40em) 55vw, calc(100vw - 2rem)",
        "eager",
    ),
    "article": (
        "(min-width: 76em) 51.25rem, (min-width: 60em) calc(100vw - 24.75rem), "
        "(min-width: 40em) calc(100vw - 3rem), calc(100vw - 2rem)",
        "eager",
    ),
    # Related stories: two to a row under the article, up to 25rem each.
    "related": ("(max-width: 39.99em) 12.5rem, 25rem", "lazy"),
    "author": ("6rem", "lazy"),
    # A gallery's pictures: the article's width, loaded when shown.
    "gallery": (
        "(min-width: 76em) 51.25rem, (min-width: 60em) calc(100vw - 24.75rem), "
        "(min-width: 40em) calc(100vw - 3rem), calc(100vw - 2rem)",
        "lazy",
    ),
    # A live post's picture: the article's width too, most below the fold.
    "live": (
        "(min-width: 76em) 51.25rem, (min-width: 60em) calc(100vw - 24.75rem), "
        "(min-width: 40em) calc(100vw - 3rem), calc(100vw - 2rem)",
        "lazy",
    ),
}


@register.simple_tag
def responsive_image(obj, kind="card", alt=""):
    """<picture> with WebP and JPEG srcsets of `obj`'s image, or a placeholder.

    Built here rather than in a template: a page shows dozens of them.
    """
    sizes, loading = IMAGE_KINDS[kind]
    obj = images.holder(obj)
    record = images.renditions_of(obj) if obj is not None else {}
    if not record.get("sizes"):
        return format_html(
            '<img class="image image--placeholder image--{}" src="{}" alt="{}" '
            'width="1600" height="900" loading="{}" decoding="async">',
            kind,
            static("img/placeholder.svg"),
            alt,
            loading,
        )
    field_name, _ = images.image_fields(obj)
    url = getattr(obj, field_name).storage.url
    renditions = record["sizes"]
    fallback = next((r for r in renditions if r[0] >= 640), renditions[-1])
    return format_html(
        '<picture class="image image--{}"><source type="image/webp" srcset="{}" '
        'sizes="{}"><img src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" '
        'height="{}" loading="{}" decoding="async"></picture>',
        kind,
        ", ".join(f"{url(r[3])} {r[0]}w" for r in renditions),
        sizes,
        url(fallback[2]),
        ", ".join(f"{url(r[2])} {r[0]}w" for r in renditions),
        sizes,
        alt,
        renditions[-1][0],
        renditions[-1][1],
        loading,
    )
