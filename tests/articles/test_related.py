from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def ago(days):
    return timezone.now() - timedelta(days=days)


def related_titles(client, article):
    soup = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    return [a.get_text() for a in soup.select("article .related .card__title a")]


def test_related_ranks_shared_tags_then_newest_and_excludes_itself(client, section):
    other = make_section()
    article = make_article(section=section, tags=["nato", "russia", "energy"])
    two_tags = make_article(section=other, tags=["nato", "russia"], published_at=ago(9))
    one_tag_old = make_article(section=other, tags=["energy"], published_at=ago(8))
    one_tag_new = make_article(section=other, tags=["nato"], published_at=ago(2))
    same_section = make_article(section=section, published_at=ago(1))
    make_article(section=section, published_at=ago(5))
    make_article(section=other, tags=["sport"])

    assert related_titles(client, article) == [
        two_tags.title,
        one_tag_new.title,
        one_tag_old.title,
        same_section.title,
    ]


def test_related_never_shows_drafts_or_scheduled(client, section):
    article = make_article(section=section, tags=["nato"])
    make_article(
        section=section, tags=["nato"], status=Article.Status.DRAFT, published_at=None
    )
    make_article(section=section, tags=["nato"], published_at=ago(-1))

    assert related_titles(client, article) == []


def test_related_block_is_inside_the_article_after_its_footer(client, section):
    article = make_article(section=section)
    make_article(section=section)

    soup = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")

    related = soup.select_one("article.article > .related")
    assert related is not None
    assert related.find_previous_sibling("footer")["class"] == ["article__footer"]
