"""Admin thumbnails of library images, read from the renditions record:
listing many images opens no file and makes no rendition."""

from django.utils.html import format_html

THUMBNAIL_WIDTH = 120


def thumbnail_url(image):
    """URL of the smallest JPEG rendition of `image`, else of its original."""
    sizes = (image.renditions or {}).get("sizes")
    if sizes:
        return image.file.storage.url(sizes[0][2])
    return image.file.url if image.file else ""


def thumbnail(image):
    """An <img> of `image` THUMBNAIL_WIDTH px wide, decorative (alt="")."""
    url = thumbnail_url(image)
    if not url:
        return ""
    height = ""
    if image.width and image.height:
        height = round(THUMBNAIL_WIDTH * image.height / image.width)
    return format_html(
        '<img class="library-thumbnail" src="{}" alt="" width="{}" height="{}" '
        'loading="lazy">',
        url,
        THUMBNAIL_WIDTH,
        height,
    )
