"""The article page as a reader's browser gets it: what it downloads on a
first visit, and what it prints."""

import base64
import io
import json

import pytest
from pypdf import PdfReader

from articles.images import refresh_renditions
from tests.articles.conftest import reference_article  # noqa: F401
from tests.browser.conftest import open_chromium
from tests.factories import image_upload, make_article, make_image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

A4 = {"paperWidth": 8.27, "paperHeight": 11.69}


@pytest.fixture
def illustrated_reference(reference_article, settings):  # noqa: F811
    """The reference article with a main image and illustrated related
    stories, its uploads served at /media/."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    reference_article.image = make_image(
        file=image_upload(size=(1600, 900)),
        alt="Jaap de Hoop Scheffer and Sergei Ivanov",
    )
    reference_article.save()
    refresh_renditions(obj=reference_article)
    for i in range(4):
        related = make_article(
            section=reference_article.section,
            title=f"Related story {i}",
            tags=["NATO"],
            image=image_upload(size=(1600, 900)),
        )
        refresh_renditions(obj=related)
    return reference_article


def network_requests(driver):
    """{request id: [url, bytes on the wire]} from Chromium's performance log,
    the page's own requests only (the chat's WebSocket is not one)."""
    requests = {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if url.startswith("http") and params.get("type") != "WebSocket":
                requests[params["requestId"]] = [url, 0]
        elif message["method"] == "Network.loadingFinished":
            if params["requestId"] in requests:
                requests[params["requestId"]][1] = params["encodedDataLength"]
    return requests


def test_article_page_makes_few_requests_and_downloads_little(
    illustrated_reference, asgi_live_server
):
    driver = open_chromium(log_network=True)
    try:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False},
        )
        driver.get(asgi_live_server + illustrated_reference.get_absolute_url())
        driver.execute_async_script(
            "const done = arguments[0];"
            "const idle = () => document.readyState === 'complete' ? "
            "setTimeout(done, 500) : setTimeout(idle, 50); idle();"
        )
        requests = network_requests(driver)
    finally:
        driver.quit()

    listing = "\n".join(f"{size:>8} {url}" for url, size in requests.values())
    assert len(requests) <= 10, listing
    assert sum(size for _, size in requests.values()) <= 100_000, listing
    stylesheets = [url for url, _ in requests.values() if url.endswith(".css")]
    assert len(stylesheets) == 1, listing


def test_reference_article_prints_on_two_a4_pages_with_its_address(
    reference_article,  # noqa: F811
    asgi_live_server,
):
    url = asgi_live_server + reference_article.get_absolute_url()
    driver = open_chromium()
    try:
        driver.get(url)
        pdf = driver.execute_cdp_cmd("Page.printToPDF", A4)
    finally:
        driver.quit()

    reader = PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) <= 2
    assert reference_article.get_absolute_url() in text.replace("\n", "")
    assert "Related articles" not in text
    assert "Share on" not in text
    assert "Newsfeed" not in text.replace("\n", " ")
