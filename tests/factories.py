"""Plain builders for test data: valid, and published by default."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from accounts.models import User
from articles.models import Article, Author, Byline, Section
from mediabank.models import Image

_counter = itertools.count(1)


def make_section(**overrides):
    n = next(_counter)
    fields = {"name": f"Section {n}", "slug": f"section-{n}", "position": n}
    fields.update(overrides)
    return Section.objects.create(**fields)


def make_image(**overrides):
    """A library image (a 64×48 JPEG unless `file` is given)."""
    n = next(_counter)
    fields = {"title": f"Image {n}", "alt": f"What image {n} shows"}
    fields.update(overrides)
    fields.setdefault("file", image_upload())
    return Image.objects.create(**fields)


# The article's image fields before the library, as make_article() still
# takes them: the library image's own (issue 13).
LIBRARY_FIELDS = {
    "image_alt": "alt",
    "image_credit": "copyright_holder",
    "image_focal_x": "focal_x",
    "image_focal_y": "focal_y",
}


def library_image_of(fields):
    """Turn an upload given as `image` (and the old image_* fields) into a
    library image in `fields`."""
    upload = fields.get("image")
    if upload is None or isinstance(upload, Image):
        return fields
    extra = {
        new: fields.pop(old) for old, new in LIBRARY_FIELDS.items() if old in fields
    }
    fields["image"] = make_image(file=upload, **extra)
    return fields


def make_author(**overrides):
    n = next(_counter)
    fields = {"name": f"Author {n}", "slug": f"author-{n}", "bio": "Writes news."}
    fields.update(overrides)
    if fields.get("photo") is not None and not isinstance(fields["photo"], Image):
        fields["photo"] = make_image(file=fields["photo"], alt=fields["name"])
    return Author.objects.create(**fields)


def make_article(*, tags=(), authors=(), **overrides):
    n = next(_counter)
    fields = {
        "title": f"Article {n}",
        "slug": f"article-{n}",
        "lead": f"Lead of article {n}.",
        "body": f"<p>First paragraph of article {n}.</p><p>Second paragraph.</p>",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(minutes=n),
    }
    fields.update(overrides)
    library_image_of(fields)
    if "section" not in fields:
        fields["section"] = make_section(language=fields.get("language", "en"))
    fields.setdefault("language", fields["section"].language)
    article = Article.objects.create(**fields)
    if tags:
        article.tags.add(*tags)
    for position, author in enumerate(authors):
        Byline.objects.create(article=article, author=author, position=position)
    return article


def make_user(*, email=None, password="a-long-test-password", groups=(), **extra):
    email = email or f"user{next(_counter)}@example.com"
    user = User.objects.create_user(email=email, password=password, **extra)
    if groups:
        user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def make_staff(*, groups, **extra):
    return make_user(is_staff=True, groups=groups, **extra)


def make_editor(**extra):
    """A desk editor: may edit, publish and schedule any article."""
    return make_staff(groups=["Editors"], **extra)


def make_author_user(**extra):
    """A staff writer: may edit their own drafts, not publish."""
    return make_staff(groups=["Authors"], **extra)


def image_upload(name="photo.jpg", size=(64, 48), fmt="JPEG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 80, 20)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def make_tagged_article_before(migration, *, tag, published_at):
    """Migrate back to `migration` (an articles one) and store a published,
    tagged article through the models of then; returns (article, tag) ids.
    For tests of a later migration on an existing archive."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("articles", migration)])
    old = executor.loader.project_state(("articles", migration)).apps
    section = old.get_model("articles", "Section").objects.create(
        name="World", slug="world"
    )
    article = old.get_model("articles", "Article").objects.create(
        title="Old story",
        slug="old-story",
        section=section,
        lead="Lead.",
        body="<p>Body.</p>",
        status="published",
        published_at=published_at,
    )
    tag = old.get_model("taggit", "Tag").objects.create(name=tag, slug=tag.lower())
    content_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="articles", model="article"
    )
    old.get_model("taggit", "TaggedItem").objects.create(
        tag=tag, content_type_id=content_type.pk, object_id=article.pk
    )
    return article.pk, tag.pk


def migrate_to_latest():
    """Apply every migration (after make_tagged_article_before)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
