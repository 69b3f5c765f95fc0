"""The library's writes: an image saved from any form goes through here."""

from django.db import transaction

from articles.images import refresh_renditions

# A change of these makes the picture's renditions again.
PICTURE_FIELDS = {"file", "focal_x", "focal_y"}


def save_image(*, image, by=None, changed=()):
    """Save a library image (new: uploaded by `by`) and make its renditions
    when its file or focal point changed or it has none. Every page using
    it is bumped on commit (articles/invalidation.py)."""
    if image.pk is None and by is not None and by.is_authenticated:
        image.uploaded_by = by
    with transaction.atomic():
        image.full_clean()
        image.save()
        if PICTURE_FIELDS.intersection(changed) or not image.renditions:
            refresh_renditions(obj=image)
    return image
