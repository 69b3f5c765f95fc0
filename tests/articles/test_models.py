from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone, translation

from articles.models import Article
from articles.templatetags.articles import dateline
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_scheduled():
    visible = make_article()
    make_article(status=Article.Status.DRAFT, published_at=None)
    make_article(published_at=timezone.now() + timedelta(hours=1))

    assert list(Article.objects.published()) == [visible]


def test_scheduled_article_appears_at_its_time_without_cron(monkeypatch):
    start = timezone.now()
    article = make_article(published_at=start + timedelta(minutes=1))

    monkeypatch.setattr(timezone, "now", lambda: start)
    assert article.is_published is False
    assert article.is_scheduled is True
    assert Article.objects.published().filter(pk=article.pk).exists() is False

    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(minutes=2))
    assert article.is_published is True
    assert Article.objects.published().filter(pk=article.pk).exists() is True


def test_article_a_minute_old_is_published():
    article = make_article(published_at=timezone.now() - timedelta(minutes=1))

    assert article.is_published is True
    assert Article.objects.published().filter(pk=article.pk).exists() is True


def test_published_article_needs_a_time():
    with pytest.raises(IntegrityError):
        make_article(published_at=None)


def test_slug_is_made_unique_from_the_title(section):
    first = make_article(title="Same title", slug="", section=section)
    second = make_article(title="Same title", slug="", section=section)

    assert first.slug == "same-title"
    assert second.slug == "same-title-2"


def test_section_slug_cannot_shadow_site_pages():
    section = make_section(slug="ok")
    section.slug = "newsfeed"

    with pytest.raises(ValidationError):
        section.full_clean()


def test_dateline_has_place_in_capitals_date_and_source(settings):
    settings.TIME_ZONE = "Europe/Moscow"
    published = datetime(2009, 1, 26, 9, 17, tzinfo=UTC)
    article = make_article(
        dateline_place="Brussels", source_credit="RIA Novosti", published_at=published
    )

    assert dateline(article) == "BRUSSELS, January 26 (RIA Novosti) - "


def test_dateline_in_russian_puts_the_day_first():
    published = datetime(2009, 1, 26, 9, 17, tzinfo=UTC)
    article = make_article(
        dateline_place="Brussels", source_credit="RIA Novosti", published_at=published
    )

    with translation.override("ru"):
        assert dateline(article) == "BRUSSELS, 26 января (RIA Novosti) - "


def test_dateline_without_place_or_source_is_empty():
    article = make_article(dateline_place="", source_credit="")

    assert dateline(article) == ""


def test_dateline_opens_the_first_paragraph():
    article = make_article(body="<p>One.</p><p>Two.</p>")

    html = article.body_with_dateline("MOSCOW, May 1 - ")

    assert (
        html == '<p><span class="dateline">MOSCOW, May 1 - </span>One.</p><p>Two.</p>'
    )
