from django import template

from .. import seo

register = template.Library()


@register.filter
def w3c_datetime(moment):
    """A W3C datetime to the second in the site's time zone, as sitemaps want."""
    return seo.iso(moment) or ""


@register.inclusion_tag("articles/includes/article_meta.html", takes_context=True)
def article_meta(context, article):
    """Canonical link, description, Open Graph, Twitter card and JSON-LD."""
    request = context["request"]
    return {
        "article": article,
        "is_preview": context.get("is_preview", False),
        "canonical": seo.absolute_url(request, article.get_absolute_url()),
        "open_graph": seo.open_graph(request, article),
        "twitter_card": seo.twitter_card(request, article),
        "json_ld": seo.json_ld_script(seo.news_article(request, article)),
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, obj):
    """`obj`'s address on the request's scheme and host (printed on paper)."""
    return seo.absolute_url(context["request"], obj.get_absolute_url())


@register.simple_tag(takes_context=True)
def website_json_ld(context):
    """The site's JSON-LD WebSite with its search box, for home and sections."""
    return seo.json_ld_script(seo.website(context["request"]))
