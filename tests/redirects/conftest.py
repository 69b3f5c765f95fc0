import pytest
from django.test import TestCase

from desk.services import save_article
from redirects.services import save_section
from tests.factories import make_article, make_section


@pytest.fixture
def world(db):
    return make_section(name="World", slug="world")


@pytest.fixture
def story(world):
    return make_article(section=world, title="Gas talks", slug="gas-talks")


@pytest.fixture
def move(editor):
    """Save an article or a section with `changes`, as an editor does (its
    after-commit bumps run)."""

    def move(obj, **changes):
        for name, value in changes.items():
            setattr(obj, name, value)
        with TestCase.captureOnCommitCallbacks(execute=True):
            if hasattr(obj, "section_id"):
                return save_article(article=obj, by=editor, changed=list(changes))
            return save_section(section=obj)

    return move
