import pytest

from comments.models import Comment
from tests.factories import make_article, make_user


@pytest.fixture
def article(db):
    return make_article()


@pytest.fixture
def other_reader(db):
    return make_user(email="other@example.com", display_name="Other")


def make_comment(*, article, author, body="A fair point.", **fields):
    return Comment.objects.create(article=article, author=author, body=body, **fields)
