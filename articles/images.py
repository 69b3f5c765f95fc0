"""Resized copies of uploaded images, made once with Pillow and cached.

Each image gets JPEG and WebP renditions 320, 640, 1024 and 1600 px wide
(never wider than the source) and social crops (16:9, 4:3, 1:1) around the
editor's focal point, stored under MEDIA_ROOT/renditions/. Their names and
sizes go in a JSONField on the model, so rendering a page reads no files.
"""

import hashlib
import io
import logging

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

WIDTHS = (320, 640, 1024, 1600)
SOCIAL_RATIOS = {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}
SOCIAL_WIDTH = 1200
JPEG_QUALITY = 82
WEBP_QUALITY = 80
IMAGE_ERRORS = (
    OSError,
    UnidentifiedImageError,
    Image.DecompressionBombError,
    SyntaxError,
    ValueError,
)

# Per model label of what holds a picture: its file field, its renditions
# record and its focal point fields. Only the library's Image holds files;
# articles and authors point at one (IMAGE_USES).
IMAGE_FIELDS = {
    "mediabank.image": ("file", "renditions", "focal_x", "focal_y"),
}
# Per model label, the foreign key to the library image it shows.
IMAGE_USES = {
    "articles.article": "image",
    "articles.author": "photo",
}


def image_fields(obj):
    return IMAGE_FIELDS[obj._meta.label_lower][:2]


def holder(obj):
    """The row that holds `obj`'s picture: `obj` itself, the library image
    an article or author points at, or None."""
    label = obj._meta.label_lower
    if label in IMAGE_USES:
        return getattr(obj, IMAGE_USES[label])
    return obj


def focal_point(obj):
    """The editor's focal point as fractions (x, y); the centre by default."""
    _file, _record, across, down = IMAGE_FIELDS[obj._meta.label_lower]
    return getattr(obj, across, 50) / 100, getattr(obj, down, 50) / 100


def renditions_of(obj):
    """The renditions record of `obj`'s picture, made now if missing or out
    of date."""
    obj = holder(obj)
    if obj is None:
        return {}
    field_name, record_name = image_fields(obj)
    field_file = getattr(obj, field_name)
    if not field_file:
        return {}
    record = getattr(obj, record_name) or {}
    if record.get("source") == field_file.name and record.get("focal") == list(
        focal_point(obj)
    ):
        return record
    return refresh_renditions(obj=obj)


def refresh_renditions(*, obj):
    """Clean the original of metadata (originals.py), make the renditions of
    `obj`'s image (cached files are reused) and store the record on the row;
    a missing or unreadable file records the error. `obj` is a library
    image, or an article or author (their image's)."""
    from .invalidation import changed
    from .originals import clean_original

    obj = holder(obj)
    if obj is None:
        return {}

    field_name, record_name = image_fields(obj)
    field_file = getattr(obj, field_name)
    record = {}
    if field_file:
        clean_original(obj)
        record = make_renditions(field_file, focal=focal_point(obj))
    setattr(obj, record_name, record)
    if obj.pk:
        type(obj)._default_manager.filter(pk=obj.pk).update(**{record_name: record})
        changed(obj)
    return record


def make_renditions(field_file, *, focal=(0.5, 0.5)):
    """Resize `field_file` into every width and social crop; returns the record."""
    storage = field_file.storage
    base = "renditions/" + hashlib.sha256(field_file.name.encode()).hexdigest()[:16]
    record = {"source": field_file.name, "focal": list(focal)}
    try:
        with storage.open(field_file.name, "rb") as handle, Image.open(handle) as raw:
            raw.load()
            image = ImageOps.exif_transpose(raw).convert("RGB")
    except IMAGE_ERRORS as exc:
        logger.warning("Cannot read image %s: %s", field_file.name, exc)
        return {**record, "error": str(exc)[:200]}
    width, height = image.size
    record["width"], record["height"] = width, height
    sizes = []
    for target in sorted({min(w, width) for w in WIDTHS}):
        size = (target, max(1, round(height * target / width)))
        resized = None
        files = {}
        for fmt, ext in (("JPEG", "jpg"), ("WEBP", "webp")):
            name = f"{base}-{target}.{ext}"
            if not storage.exists(name):
                resized = resized or image.resize(size, Image.Resampling.LANCZOS)
                name = save_image(storage, name, resized, fmt)
            files[ext] = name
        sizes.append([size[0], size[1], files["jpg"], files["webp"]])
    record["sizes"] = sizes
    fx, fy = (round(value * 100) for value in focal)
    record["social"] = {}
    for ratio, (rw, rh) in SOCIAL_RATIOS.items():
        box = crop_box(width, height, rw / rh, focal)
        crop_w = box[2] - box[0]
        out_w = min(SOCIAL_WIDTH, crop_w)
        out_h = max(1, round(out_w * rh / rw))
        name = f"{base}-{rw}x{rh}-{fx}-{fy}.jpg"
        if not storage.exists(name):
            cropped = image.crop(box).resize((out_w, out_h), Image.Resampling.LANCZOS)
            name = save_image(storage, name, cropped, "JPEG")
        record["social"][ratio] = [out_w, out_h, name]
    return record


def crop_box(width, height, ratio, focal):
    """The largest box of `ratio` in the image, centred on the focal point as
    far as the edges allow."""
    if width / height > ratio:
        crop_w, crop_h = round(height * ratio), height
    else:
        crop_w, crop_h = width, round(width / ratio)
    left = min(max(round(focal[0] * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(focal[1] * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def save_image(storage, name, image, fmt):
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, fmt, quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        image.save(buffer, fmt, quality=WEBP_QUALITY, method=4)
    return storage.save(name, ContentFile(buffer.getvalue()))


def social_image(obj, ratio="16:9"):
    """(url, width, height) of the social crop of `obj`'s image, or None."""
    record = renditions_of(obj)
    crop = record.get("social", {}).get(ratio)
    if not crop:
        return None
    obj = holder(obj)
    field_name, _ = image_fields(obj)
    storage = getattr(obj, field_name).storage
    return storage.url(crop[2]), crop[0], crop[1]
