from django import template

from .. import seo

register = template.Library()


@register.filter
def w3c_datetime(moment):
    """A W3C datetime to the second in the site's time zone, as sitemaps want."""
    return seo.iso(moment) or ""
