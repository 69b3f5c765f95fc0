from django.http import Http404
from django.shortcuts import render

from articles import cachekeys
from articles.lookups import find_in_edition
from newsroom import freshness

from .gallery import slides_of


def gallery_image(request, section, slug, n):
    """One picture of an article's gallery at its own address, with links
    to the previous and next ones; 404 wherever the article is not
    readable (a draft, scheduled, under embargo, taken down)."""
    article = find_in_edition("article", slug, section=section)
    if article is None:
        raise Http404
    freshness.depend(cachekeys.article(article.pk))
    freshness.not_after(article.expires_at)
    slides = slides_of(article)
    if not 1 <= n <= len(slides):
        raise Http404
    return render(
        request,
        "mediabank/gallery_image.html",
        {"article": article, "slide": slides[n - 1], "slides": slides},
    )
