from datetime import timedelta

import pytest
from django.utils import timezone

from live import services
from mediabank.services import save_image
from tests.chats.conftest import _in_memory_channel_layer  # noqa: F401
from tests.factories import make_article, make_image

# Articles the public may not read, as make_article() overrides.
NOT_PUBLIC = pytest.mark.parametrize(
    "overrides",
    [
        {"status": "draft"},
        {"published_at": timezone.now() + timedelta(hours=1)},
        {"embargo_until": timezone.now() + timedelta(hours=1)},
    ],
    ids=["draft", "scheduled", "embargoed"],
)


@pytest.fixture
def story(db):
    """A live story on a published article."""
    return services.start_live_story(article=make_article(title="Summit live"))


def post(story, text="Leaders arrive.", **fields):
    """A text post to `story`, as an editor's service call makes it."""
    return services.post_update(
        story=story, author=None, body=fields.pop("body", text), **fields
    )


@pytest.fixture
def photo(db):
    """A credited library image with its renditions, as an upload makes it."""
    return library_photo()


def library_photo(**fields):
    defaults = {
        "title": "Hall",
        "alt": "The conference hall.",
        "caption": "Delegates take their seats.",
        "photographer": "Ivan Petrov",
        "copyright_holder": "Sputnik",
    }
    return save_image(image=make_image(**{**defaults, **fields}))
