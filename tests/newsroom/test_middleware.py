import logging

import pytest
from django.test import Client

from newsroom.logs import RequestIdFilter


@pytest.mark.parametrize(
    "content_type",
    [
        # Codecs that are not text encodings: Django's parser fails with a
        # LookupError, which used to escape as a 500.
        "multipart/form-data; boundary=b; charset=rot13",
        "multipart/form-data; boundary=b; charset=base64",
        "application/x-www-form-urlencoded; charset=utf-16",
    ],
)
@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/search/", "/ru/accounts/register/"]
)
def test_undecodable_form_data_is_a_400_page(db, client, content_type, path):
    body = (
        b'--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\xff\xfe\r\n--b--\r\n'
    )
    client.raise_request_exception = False

    response = client.generic("POST", path, body, content_type=content_type)

    assert response.status_code == 400


def test_each_response_carries_a_new_request_id(db, client):
    first = client.get("/health/live/")["X-Request-ID"]
    second = client.get("/health/live/")["X-Request-ID"]

    assert first and second and first != second


def test_an_incoming_request_id_is_kept_only_from_a_trusted_proxy(db, client, settings):
    header = {"HTTP_X_REQUEST_ID": "edge-42"}
    assert client.get("/health/live/", **header)["X-Request-ID"] != "edge-42"

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client.get("/health/live/", **header)["X-Request-ID"] == "edge-42"
    bad = {"HTTP_X_REQUEST_ID": "x" * 65}
    assert client.get("/health/live/", **bad)["X-Request-ID"] != "x" * 65


def test_log_records_carry_the_request_id(db, settings, caplog):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    caplog.handler.addFilter(RequestIdFilter())
    client = Client(enforce_csrf_checks=True)

    with caplog.at_level(logging.WARNING):
        client.post("/accounts/login/", HTTP_X_REQUEST_ID="edge-7")
        logging.getLogger("newsroom.test").warning("outside a request")

    ids = [record.request_id for record in caplog.records]
    assert ids[0] == "edge-7"  # the CSRF refusal, logged inside the request
    assert ids[-1] == "-"


def test_production_logs_are_json_lines_with_the_request_id(settings):
    import json

    from django.utils.module_loading import import_string

    config = dict(settings.LOGGING["formatters"]["json"])
    formatter = import_string(config.pop("()"))(**config)
    record = logging.LogRecord("newsroom", logging.WARNING, __file__, 1, "hi", (), None)
    RequestIdFilter().filter(record)

    line = json.loads(formatter.format(record))

    assert line["level"] == "WARNING"
    assert line["message"] == "hi"
    assert line["request_id"] == "-"
    assert "time" in line


def csp_of(response):
    return response["Content-Security-Policy"]


@pytest.mark.urls("tests.newsroom.pagecache_urls")
def test_the_policy_built_once_is_django_csps_and_follows_its_settings(
    db, client, settings
):
    from csp.utils import build_policy

    assert csp_of(client.get("/shown/")) == build_policy()
    nonced = client.get("/nonce/")
    nonce = nonced.content.decode().split("nonce=")[1].split(">")[0]
    assert csp_of(nonced) == build_policy(nonce=nonce)

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}

    assert csp_of(client.get("/shown/")) == "default-src 'none'"
