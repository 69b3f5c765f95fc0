from django import template

from ..gallery import json_ld, slides_of
from ..thumbnails import thumbnail

register = template.Library()


@register.inclusion_tag("mediabank/includes/figure.html")
def image_figure(image, caption="", kind="article", css_class="article__figure"):
    """A library image as a figure: the picture, the caption (the story's,
    else the library's) and the credit “© holder / photographer”, linked to
    the media bank when MEDIABANK_URL_TEMPLATE names it."""
    return {
        "image": image,
        "caption": caption or image.caption,
        "kind": kind,
        "css_class": css_class,
    }


@register.simple_tag
def library_thumbnail(image):
    """A small picture of a library image for the admin (its smallest
    stored rendition, else the original); decorative beside its title."""
    return thumbnail(image)


@register.inclusion_tag("mediabank/includes/gallery.html", takes_context=True)
def article_gallery(context, article):
    """The article's gallery after its lead image: every slide, the first
    shown, each with its counter and links to the others' addresses
    (static/js/gallery.js turns them into a slideshow), and the
    ImageGallery JSON-LD. One query whatever the number of images."""
    slides = slides_of(article)
    if not slides:
        return {"slides": []}
    return {
        "article": article,
        "slides": slides,
        "current": 1,
        "json_ld": json_ld(context["request"], article, slides),
    }
