"""`manage.py load_demo`: the site as it stood on 26 January 2009, from the
data files in demo/data.

Every row is keyed on its slug and only created when missing, so a second run
changes nothing and writes no image files.
"""

from datetime import datetime

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from taggit.models import Tag, TaggedItem

from articles import invalidation
from articles.models import Article, Author, Byline, Section
from demo import content
from demo.pictures import IMAGE_SIZE, PHOTO_SIZE, illustration, portrait
from desk.services import save_article
from live import services as live
from mediabank.models import GalleryItem, Image
from mediabank.services import save_image

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
                    "{articles} articles, {images} images, {live_posts} live posts, "
                    "{gallery_items} gallery pictures.".format(**made)
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
    made = dict.fromkeys(
        ["sections", "authors", "articles", "images", "live_posts", "gallery_items"],
        0,
    )
    sections = load_sections(made)
    authors = load_authors(made)
    load_articles(made, sections=sections, authors=authors)
    return made


def load_sections(made):
    """Each edition's sections, keyed by (language, slug)."""
    sections, positions = {}, {}
    for language, data in content.sections():
        position = positions[language] = positions.get(language, -1) + 1
        section, created = Section.objects.get_or_create(
            slug=data["slug"],
            language=language,
            defaults={
                "name": data["name"],
                "description": data["description"],
                "position": position,
            },
        )
        sections[language, data["slug"]] = section
        made["sections"] += created
    return sections


def load_authors(made):
    authors = {}
    for data in content.authors():
        slug, name = data["slug"], data["name"]
        authors[slug], created = Author.objects.get_or_create(
            slug=slug, defaults={"name": name, "bio": data["bio"]}
        )
        made["authors"] += created
        if created and data["has_photo"]:
            photo = portrait(name, colour=content.colour("en", data["covers"][0]))
            authors[slug].photo = library_image(
                f"{slug}.jpg", photo, size=PHOTO_SIZE, title=name, alt=name
            )
            authors[slug].save(update_fields=["photo"])
            made["images"] += 1
    return authors


def load_articles(made, *, sections, authors):
    stories = content.articles()
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
        section = sections[story["language"], story["section"]]
        article = create_article(story, section=section)
        made["articles"] += 1
        made["images"] += bool(article.image)
        if story.get("live"):
            load_live_story(made, article, story["live"])
        if story.get("gallery"):
            load_gallery(made, article, story["gallery"])
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
    if story.get("image_caption"):
        article.image = drawn_image(
            section,
            story["dateline_place"],
            seed=story["slug"],
            caption=story["image_caption"],
        )
    article.save()
    return article


def load_live_story(made, article, data):
    """Make `article` a live story with the posts of `data`, an image post's
    picture drawn into the library, as an editor's posts would be."""
    story = live.start_live_story(
        article=article, started_at=datetime.fromisoformat(data["started_at"])
    )
    for n, post in enumerate(data["posts"], 1):
        fields = {**post, "posted_at": datetime.fromisoformat(post["posted_at"])}
        if "image" in post:
            picture = post["image"]
            fields["image"] = drawn_image(
                article.section,
                picture["place"],
                seed=f"{article.slug}-live-{n}",
                caption=picture["caption"],
            )
            made["images"] += 1
        live.post_update(story=story, author=None, **fields)
        made["live_posts"] += 1


def load_gallery(made, article, pictures):
    """Give `article` a gallery of pictures drawn into the library, each
    with this story's caption, saved as the article form saves its gallery
    rows (desk.services.save_article's `related`)."""
    images = [
        drawn_image(
            article.section,
            picture["place"],
            seed=f"{article.slug}-gallery-{n}",
            caption=picture["library_caption"],
        )
        for n, picture in enumerate(pictures, 1)
    ]

    def related():
        for position, (image, picture) in enumerate(zip(images, pictures, strict=True)):
            item = GalleryItem(
                article=article,
                image=image,
                position=position,
                caption=picture["caption"],
            )
            item.full_clean()
            item.save()
        return []

    save_article(article=article, by=None, related=related)
    made["images"] += len(images)
    made["gallery_items"] += len(images)


def drawn_image(section, place, *, seed, caption):
    """A library image drawn in `section`'s colour with its and `place`'s
    names, captioned `caption` and credited to the demo."""
    picture = illustration(
        section.name,
        place,
        colour=content.colour(section.language, section.slug),
        seed=seed,
    )
    return library_image(
        f"{seed}.jpg",
        picture,
        size=IMAGE_SIZE,
        title=caption,
        alt=(
            "Translucent circles over a colour gradient, with the words "
            f"{section.name} and {place.upper()}."
        ),
        caption=caption,
        copyright_holder=IMAGE_CREDIT,
    )


def library_image(name, data, *, size, **fields):
    """A new library image of the JPEG bytes `data`."""
    image = Image(**fields)
    image.file.save(name, ContentFile(data), save=False)
    # FieldFile.save() leaves the dimension fields empty here; without
    # them every load of the row opens the file to measure it.
    image.width, image.height = size
    # Its renditions too, as an editor's upload gets them: a reader's first
    # visit then reads pages and writes nothing.
    return save_image(image=image)
