"""Plain builders for test data: valid, and published by default."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from accounts.models import User
from articles.models import Article, Author, Byline, Section

_counter = itertools.count(1)


def make_section(**overrides):
    n = next(_counter)
    fields = {"name": f"Section {n}", "slug": f"section-{n}", "position": n}
    fields.update(overrides)
    return Section.objects.create(**fields)


def make_author(**overrides):
    n = next(_counter)
    fields = {"name": f"Author {n}", "slug": f"author-{n}", "bio": "Writes news."}
    fields.update(overrides)
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


def image_upload(name="photo.jpg", size=(64, 48), fmt="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 20)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
