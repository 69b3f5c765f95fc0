"""`manage.py load_demo`: the site as it stood on 26 January 2009.

Every row is keyed on its slug and only created when missing, so a second run
changes nothing and writes no image files.
"""

import functools
import io
import random

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont, ImageOps
from taggit.models import Tag, TaggedItem

from articles import demo, invalidation
from articles.models import Article, Author, Byline, Section

IMAGE_SIZE = (1600, 900)
PHOTO_SIZE = (400, 400)
IMAGE_CREDIT = "Newsroom demo graphic"


class Command(BaseCommand):
    help = (
        "Load demo sections, authors and articles: the site on 26 January 2009, "
        "with the reference article as the top story. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has articles (make run).",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and Article.objects.exists():
            self.stdout.write("The database has articles; demo content not loaded.")
            return
        with transaction.atomic():
            made = load_demo()
        if any(made.values()):
            self.stdout.write(
                self.style.SUCCESS(
                    "Loaded demo content: {sections} sections, {authors} authors, "
                    "{articles} articles, {images} images.".format(**made)
                )
            )
        else:
            self.stdout.write("Demo content is already loaded; nothing changed.")
        self.stdout.write(
            "Create an admin account with: python manage.py createsuperuser\n"
            "then open http://127.0.0.1:8000/admin/"
        )


def load_demo():
    """Create whatever demo rows are missing; return how many of each."""
    made = {"sections": 0, "authors": 0, "articles": 0, "images": 0}
    sections = load_sections(made)
    authors = load_authors(made)
    load_articles(made, sections=sections, authors=authors)
    return made


def load_sections(made):
    """Each edition's sections, keyed by (language, slug)."""
    sections = {}
    for language, edition in demo.EDITIONS.items():
        for position, (slug, name, description, _colour, _count) in enumerate(edition):
            section, created = Section.objects.get_or_create(
                slug=slug,
                language=language,
                defaults={
                    "name": name,
                    "description": description,
                    "position": position,
                },
            )
            sections[language, slug] = section
            made["sections"] += created
    return sections


def load_authors(made):
    authors = {}
    for slug, name, bio, covers, has_photo in demo.AUTHORS:
        authors[slug], created = Author.objects.get_or_create(
            slug=slug, defaults={"name": name, "bio": bio}
        )
        made["authors"] += created
        if created and has_photo:
            photo = portrait(name, colour=section_colour(covers[0]))
            authors[slug].photo.save(f"{slug}.jpg", ContentFile(photo), save=True)
            made["images"] += 1
    return authors


def load_articles(made, *, sections, authors):
    stories = [
        demo.REFERENCE,
        *demo.generate_articles(random.Random(demo.SEED)),
        *demo.UNPUBLISHED,
        demo.REFERENCE_RU,
        # A generator of its own, so the English stories stay as they were.
        *demo.generate_articles(random.Random(demo.SEED + 1), language="ru"),
    ]
    slugs = [story["slug"] for story in stories]
    existing = set(
        Article.objects.filter(slug__in=slugs).values_list("slug", flat=True)
    )
    stories = [story for story in stories if story["slug"] not in existing]
    # Tags and bylines go in bulk: taggit's tags.set() costs several queries
    # per article and would dominate the run time.
    names = sorted({name for story in stories for name in story.get("tags", [])})
    tags = {name: Tag.objects.get_or_create(name=name)[0] for name in names}
    tagged, bylines = [], []
    for story in stories:
        language = story.get("language", "en")
        article = create_article(story, section=sections[language, story["section"]])
        made["articles"] += 1
        made["images"] += bool(article.image)
        tagged += [
            TaggedItem(content_object=article, tag=tags[name])
            for name in story.get("tags", [])
        ]
        bylines += [
            Byline(article=article, author=authors[slug], position=position)
            for position, slug in enumerate(story.get("authors", []))
        ]
    TaggedItem.objects.bulk_create(tagged)
    Byline.objects.bulk_create(bylines)
    link_translations(stories)


def link_translations(stories):
    """Point each new translation at its original, found by slug."""
    for story in stories:
        if story.get("translation_of"):
            original = Article.objects.get(slug=story["translation_of"])
            Article.objects.filter(slug=story["slug"]).update(translation_of=original)
            # Its page's hreflang alternates now name the translation.
            invalidation.changed(original)


def create_article(story, *, section):
    """Save one article from a demo story dict, with its image if it has one."""
    article = Article(
        slug=story["slug"],
        title=story["title"],
        section=section,
        language=section.language,
        lead=story["lead"],
        # Plain paragraphs: Article.save() turns blank-line blocks into <p>.
        body="\n\n".join(story["paragraphs"]),
        dateline_place=story["dateline_place"],
        source_credit=story.get("source_credit", ""),
        status=story.get("status", Article.Status.PUBLISHED),
        published_at=story["published_at"],
    )
    if story.get("has_image"):
        place = story["dateline_place"]
        picture = illustration(
            section.name, place, colour=section_colour(section.slug), seed=story["slug"]
        )
        article.image.save(f"{story['slug']}.jpg", ContentFile(picture), save=False)
        # FieldFile.save() leaves the dimension fields empty here; without
        # them every load of the row opens the file to measure it.
        article.image_width, article.image_height = IMAGE_SIZE
        article.image_alt = (
            "Translucent circles over a colour gradient, with the words "
            f"{section.name} and {place.upper()}."
        )
        article.image_caption = story["caption"]
        article.image_credit = IMAGE_CREDIT
    article.save()
    return article


def section_colour(slug):
    return next(colour for s, _n, _d, colour, _c in demo.SECTIONS if s == slug)


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
