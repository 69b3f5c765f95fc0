import contextlib
import os

import pytest
from django.core.cache import cache
from django.test import Client, TestCase
from django.utils import translation

from newsroom import freshness
from tests.factories import (
    make_author,
    make_author_user,
    make_editor,
    make_section,
    make_user,
)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # The manifest storage needs collectstatic; uploads go to a throwaway folder.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Mail is enqueued after commit (newsroom.mail); tests run tasks at once.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    # Each test starts with content versions of its own.
    settings.CONTENT_VERSIONS_REDIS_URL = ""
    settings.CONTENT_VERSIONS_FILE = tmp_path / "content-versions"
    # Tests that change rows without the services' bumps read pages again;
    # tests that need it turn the page cache on with the `page_cache` fixture.
    settings.PAGE_CACHE = False
    cache.clear()
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def page_cache(settings):
    """The page cache on (_test_settings turns it off), in memory, empty."""
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_REDIS_URL = ""
    settings.PAGE_CACHE_MAX_BYTES = 8 * 1024 * 1024
    return settings


@pytest.fixture
def section(db):
    return make_section()


@pytest.fixture
def reader(db):
    return make_user(email="reader@example.com")


@pytest.fixture
def other_reader(db):
    return make_user(email="other@example.com", display_name="Other")


@pytest.fixture
def editor(db):
    return make_editor(email="editor@example.com")


@pytest.fixture
def author_user(db):
    return make_author_user(email="author@example.com")


@pytest.fixture
def author(db):
    """A byline (articles.Author), not a user account."""
    return make_author(name="Jane Roe", slug="jane-roe")


class CommittingClient(Client):
    """A test client whose requests end as a real one does: the test's
    transaction never commits, so each request's on-commit callbacks (mail
    goes to the task queue in them) run when it returns."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture
def admin_client(db, admin_user):
    client = CommittingClient()
    client.force_login(admin_user)
    return client


@pytest.fixture
def bumped():
    """The content keys bumped (after commit) while the test runs."""
    keys = []

    def record(sender, **kwargs):
        keys.extend(kwargs["keys"])

    freshness.keys_bumped.connect(record, dispatch_uid="tests.bumped")
    yield keys
    freshness.keys_bumped.disconnect(dispatch_uid="tests.bumped")


def pytest_unconfigure(config):
    """Remove the SQLite test database's WAL files, which Django leaves
    beside the file it deletes (newsroom.settings.sqlite_database)."""
    from django.conf import settings

    if not settings.configured:
        return
    test_name = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and test_name:
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{test_name}{suffix}")
