import pytest
from django.core.cache import cache
from django.utils import translation

from tests.factories import make_section, make_user


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
    # Each test starts with content versions of its own.
    settings.CONTENT_VERSIONS_REDIS_URL = ""
    settings.CONTENT_VERSIONS_FILE = tmp_path / "content-versions"
    cache.clear()
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def section(db):
    return make_section()


@pytest.fixture
def reader(db):
    return make_user(email="reader@example.com")
