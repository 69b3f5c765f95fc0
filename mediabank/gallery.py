"""What a gallery shows: its slides in order, each with its own address
(/<section>/<slug>/gallery/<n>/, the no-JavaScript way through it) and
the ImageGallery JSON-LD."""

from articles import seo


class Slide:
    def __init__(self, item, n, total, article_url):
        self.item, self.n, self.total = item, n, total
        self.image = item.image
        self.caption = item.caption_shown
        self.url = f"{article_url}gallery/{n}/"
        self.prev_url = f"{article_url}gallery/{n - 1}/" if n > 1 else ""
        self.next_url = f"{article_url}gallery/{n + 1}/" if n < total else ""


def slides_of(article):
    """The slides of `article`'s gallery (one query)."""
    items = list(article.gallery_items.for_gallery())
    url = article.get_absolute_url()
    return [Slide(item, n, len(items), url) for n, item in enumerate(items, 1)]


def json_ld(request, article, slides):
    """schema.org ImageGallery data of the slides, for a JSON-LD script."""
    return seo.json_ld_script(
        {
            "@context": "https://schema.org",
            "@type": "ImageGallery",
            "name": article.title,
            "url": seo.absolute_url(request, article.get_absolute_url()),
            "associatedMedia": [
                seo.image_object(request, slide.image, caption=slide.caption)
                for slide in slides
            ],
        }
    )
