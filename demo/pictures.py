"""The demo's stand-in pictures, drawn on load: no image files to ship."""

import functools
import io
import random

from PIL import Image, ImageDraw, ImageFont, ImageOps

IMAGE_SIZE = (1600, 900)
PHOTO_SIZE = (400, 400)


def illustration(section_name, place, *, colour, seed):
    """A 1600x900 JPEG: gradient, circles, the section and place names."""
    rng = random.Random(seed)
    dark = tuple(c // 4 for c in colour)
    light = tuple(min(255, c + 80) for c in colour)
    gradient = Image.linear_gradient("L").rotate(rng.choice([0, 90, 180, 270]))
    image = ImageOps.colorize(gradient, dark, light).resize(IMAGE_SIZE)
    # An "RGBA" draw blends translucent fills into the RGB picture.
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = IMAGE_SIZE
    for _ in range(7):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(80, 360)
        tint = (255, 255, 255, rng.randrange(25, 70))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tint)
    draw.rectangle((0, height - 230, width, height), fill=(0, 0, 0, 110))
    draw.text((80, height - 205), section_name.upper(), fill="white", font=font(56))
    draw.text((80, height - 135), place.upper(), fill="white", font=font(96))
    return jpeg(image)


def portrait(name, *, colour):
    """A 400x400 JPEG author photo stand-in: initials on a coloured disc."""
    image = Image.new("RGB", PHOTO_SIZE, tuple(c // 4 for c in colour))
    draw = ImageDraw.Draw(image)
    draw.ellipse((40, 40, 360, 360), fill=colour)
    initials = "".join(part[0] for part in name.split())
    draw.text((200, 200), initials, fill="white", font=font(140), anchor="mm")
    return jpeg(image)


@functools.cache
def font(size):
    return ImageFont.load_default(size=size)


def jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()
