import pytest
from django.core.paginator import EmptyPage

from articles.models import Article
from articles.pagination import CappedPaginator
from tests.articles.test_listing_pages import make_many

pytestmark = pytest.mark.django_db


def test_capped_paginator_counts_no_further_than_its_cap(section):
    make_many(section, 25)
    rows = Article.objects.order_by("-published_at")

    capped = CappedPaginator(rows, 5, cap=10)
    exact = CappedPaginator(rows, 5, cap=100)

    assert (capped.count, capped.is_capped, capped.num_pages) == (11, True, 2)
    assert (exact.count, exact.is_capped, exact.num_pages) == (25, False, 5)
    assert capped.get_page(99).number == 2
    with pytest.raises(EmptyPage):
        capped.page(3)


def test_section_page_says_there_are_more_pages_past_the_cap(client, section, settings):
    settings.PAGINATION_MAX_ROWS = 40
    make_many(section, 45)

    response = client.get(section.get_absolute_url(), {"page": 2})

    assert "Page 2 of more than 2" in response.content.decode()
    assert 'rel="next"' not in response.content.decode()
