import pytest
from django.test import RequestFactory

from newsroom.text import clean_reader_text
from newsroom.web import absolute_url, client_address, safe_next, site_url

rf = RequestFactory()


@pytest.mark.parametrize(
    "target",
    [
        "id",  # a bare word: redirect() would reverse it as a URL name (500)
        "foo",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "http://testserver/",  # absolute: this site or nowhere, as a path
    ],
)
def test_next_outside_this_sites_paths_falls_back(target):
    assert safe_next(rf.get("/", {"next": target}), "/fallback/") == "/fallback/"


def test_next_on_this_site_is_kept_and_a_url_name_default_is_resolved():
    assert safe_next(rf.get("/", {"next": "/world/?page=2"})) == "/world/?page=2"
    assert safe_next(rf.get("/"), "articles:home") == "/"


def test_absolute_url_is_under_the_request_root_or_else_the_site_url(settings):
    settings.SITE_URL = "https://news.example/"
    settings.ALLOWED_HOSTS = ["ru.news.example"]
    root = site_url(rf.get("/world/", secure=True, HTTP_HOST="ru.news.example"))

    assert root == "https://ru.news.example/"
    assert absolute_url("/world/", root=root) == "https://ru.news.example/world/"
    assert absolute_url("/world/") == "https://news.example/world/"


def test_client_address_ignores_forwarded_for_from_an_untrusted_peer(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    request = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_address(request) == "203.0.113.9"


def test_client_address_behind_trusted_proxies_is_the_nearest_untrusted_hop(
    settings,
):
    # nginx (127.0.0.1) in front of Varnish (10.0.0.0/24): the client wrote
    # the first entry itself, so it is not believed.
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/24"]
    request = rf.get(
        "/",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7, 10.0.0.3",
    )

    assert client_address(request) == "198.51.100.7"


def test_client_address_with_a_broken_forwarded_header_is_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="not-an-ip")

    assert client_address(request) == "127.0.0.1"


def test_reader_text_loses_controls_bidi_overrides_zero_width_and_bom():
    text = "a\u202eb\u2066c\u2069d\u200be\ufefff\x00g\x1bh\u200fi\r\nj\u2028k"

    assert clean_reader_text(text) == "abcdefghi\nj\nk"


def test_reader_text_keeps_zwj_zwnj_emoji_and_scripts():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "می\u200cخواهم"
    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"

    for text in (family, persian, flag, "Привет\tмир\n", "❤️"):
        assert clean_reader_text(text) == text
