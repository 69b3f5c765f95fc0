from datetime import timedelta

import pytest
from django.utils import timezone

from live import services
from tests.chats.conftest import _in_memory_channel_layer  # noqa: F401
from tests.factories import make_article

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
