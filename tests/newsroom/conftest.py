import pytest


@pytest.fixture
def page_cache(settings):
    """The page cache on (tests/conftest.py turns it off), empty."""
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_REDIS_URL = ""
    settings.PAGE_CACHE_MAX_BYTES = 8 * 1024 * 1024
    return settings
