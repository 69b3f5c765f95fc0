"""Uploaded originals re-encoded without metadata.

A camera's JPEG carries EXIF (GPS position, camera serial, time), XMP and
comments; the original's URL is public (og:image, JSON-LD, the RSS
enclosure), so the stored file is re-encoded by Pillow with none of them:
orientation applied to the pixels, the colour profile (ICC) kept. Only
JPEG, PNG, GIF and WebP are accepted (validators.py).
"""

import io
import logging

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from .images import IMAGE_ERRORS, holder, image_fields
from .invalidation import changed
from .validators import ALLOWED_FORMATS

logger = logging.getLogger(__name__)

# image.info keys that describe the picture, not the person who took it.
HARMLESS_INFO = set(
    """
    dpi jfif jfif_version jfif_unit jfif_density progressive progression
    icc_profile transparency duration loop background gamma interlace aspect
    adobe adobe_transform version extension srgb chromaticity disposal blend
    timestamp mp lossless
    """.split()
)


def has_metadata(image):
    """True when `image` carries EXIF, XMP, comments or text chunks."""
    if image.getexif():
        return True
    if getattr(image, "text", None):  # PNG tEXt/iTXt/zTXt
        return True
    return bool(set(image.info) - HARMLESS_INFO)


def reencode(image):
    """`image` as bytes in its own format, without metadata; orientation is
    applied to the pixels, the ICC profile kept."""
    fmt = image.format
    icc = image.info.get("icc_profile")
    extra = {"icc_profile": icc} if icc else {}
    buffer = io.BytesIO()
    if getattr(image, "n_frames", 1) > 1:  # animated GIF or WebP
        image.save(buffer, fmt, save_all=True, **extra)
        return buffer.getvalue()
    picture = ImageOps.exif_transpose(image)
    picture.info = {}
    if fmt == "JPEG":
        picture.save(buffer, fmt, quality=92, optimize=True, **extra)
    elif fmt == "WEBP":
        picture.save(buffer, fmt, quality=90, **extra)
    else:
        picture.save(buffer, fmt, optimize=True, **extra)
    return buffer.getvalue()


def clean_original(obj):
    """Re-encode `obj`'s stored original when it carries metadata; True when
    it was rewritten. Run again it changes nothing. `obj` is a library
    image, or an article or author (their image's)."""
    obj = holder(obj)
    if obj is None:
        return False
    field_name, _record = image_fields(obj)
    field_file = getattr(obj, field_name)
    if not field_file:
        return False
    storage, name = field_file.storage, field_file.name
    try:
        with storage.open(name, "rb") as handle, Image.open(handle) as image:
            if image.format not in ALLOWED_FORMATS:
                logger.warning("Original %s is %s, not allowed", name, image.format)
                return False
            if not has_metadata(image):
                return False
            image.load()
            data = reencode(image)
    except IMAGE_ERRORS as exc:
        logger.warning("Cannot read image %s: %s", name, exc)
        return False
    storage.delete(name)
    saved = storage.save(name, ContentFile(data))
    field_file.name = saved
    changes = {field_name: saved}
    with Image.open(io.BytesIO(data)) as image:
        for dimension, value in zip(("width", "height"), image.size, strict=True):
            field = getattr(obj._meta.get_field(field_name), f"{dimension}_field")
            if field:
                setattr(obj, field, value)
                changes[field] = value
    if obj.pk:
        type(obj)._default_manager.filter(pk=obj.pk).update(**changes)
        changed(obj)
    return True
