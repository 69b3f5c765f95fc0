from django import template
from django.urls import translate_url
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _, pgettext

from ..models import Article, Section
from ..services import newsfeed_page

register = template.Library()


@register.inclusion_tag("includes/section_menu.html", takes_context=True)
def section_menu(context, current=None):
    """The masthead's section links, in the editors' order."""
    return {"sections": Section.objects.active(), "current": current}


@register.inclusion_tag("articles/includes/newsfeed.html")
def newsfeed():
    """The sidebar's latest published headlines across sections."""
    articles, next_cursor = newsfeed_page()
    return {"articles": articles, "next_cursor": next_cursor}


@register.simple_tag
def dateline(article):
    """`BRUSSELS, January 26 (RIA Novosti) - `: place, date, source, dash."""
    if not article.dateline_place and not article.source_credit:
        return ""
    parts = []
    if article.dateline_place:
        place = article.dateline_place.upper()
        filed = article.dateline_date or (
            article.published_at and timezone.localtime(article.published_at)
        )
        if filed:
            day = dateformat.format(
                filed, pgettext("dateline date, PHP date() format", "F j")
            )
            place = _("%(place)s, %(date)s") % {"place": place, "date": day}
        parts.append(place)
    if article.source_credit:
        parts.append(f"({article.source_credit})")
    return " ".join(parts) + " - "


@register.simple_tag(takes_context=True)
def language_url(context, code):
    """This page's address in the interface language `code`."""
    request = context["request"]
    return translate_url(request.get_full_path(), code)


@register.filter
def body_with_dateline(article, text):
    """The article's body with the dateline `text` opening its first paragraph."""
    return article.body_with_dateline(text)


@register.inclusion_tag("includes/breaking_banner.html")
def breaking_banner():
    """The newest breaking story for the site-wide banner, in one query."""
    article = Article.objects.breaking().for_headlines().newest_first().first()
    return {"article": article}
