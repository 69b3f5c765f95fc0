"""A real Varnish (deploy/varnish/newsroom.vcl) in front of the live site:
it serves anonymous pages from its cache, and a write's purge reaches it
before the write returns, so publishing and unpublishing show at once.

Skipped only where varnishd is not installed on a developer's machine; in CI
(CI=true, .ci/run installs it) a missing varnishd fails."""

import http.client
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from articles.models import Article
from desk.services import save_article
from tests.factories import make_article, make_editor, make_section

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "newsroom.vcl"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, **headers):
    """(status, headers, text) of a GET."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    """The base URL of a varnishd in front of the live server, which the site
    purges."""
    binary = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("varnishd is missing: .ci/run installs varnish")
        pytest.skip("varnishd is not installed")
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "newsroom.vcl"
    vcl.write_text(
        VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"')
    )
    port = free_port()
    log = tmp_path / "varnishd.log"
    with log.open("w") as output:
        args = ["-F", "-j", "none", "-n", str(tmp_path / "work")]
        args += ["-a", f"127.0.0.1:{port}", "-f", str(vcl), "-s", "malloc,32m"]
        args += ["-p", "thread_pools=1", "-p", "thread_pool_min=5"]
        process = subprocess.Popen(
            [binary, *args],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if process.poll() is not None:
                pytest.fail(f"varnishd stopped:\n{log.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"varnishd never listened:\n{log.read_text()}")
        settings.CACHE_PURGE_URLS = [f"{url}/"]
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def cached_text(url):
    """A page read twice through Varnish; the second answer is its cache's."""
    fetch(url)
    status, headers, text = fetch(url)
    assert (status, headers["X-Cache"]) == (200, "HIT"), url
    return text


def test_publish_and_unpublish_show_through_varnish_at_once(varnish):
    world = make_section(name="World", slug="world")
    make_article(section=world, title="Standing story")
    draft = make_article(
        section=world,
        title="Pipeline opens",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    editor = make_editor()
    pages = [f"{varnish}/", f"{varnish}{world.get_absolute_url()}"]
    assert all("Pipeline opens" not in cached_text(url) for url in pages)

    save_article(move="publish", article=draft, by=editor)

    assert all("Pipeline opens" in cached_text(url) for url in pages)

    save_article(move="unpublish", article=draft, by=editor)

    assert all("Pipeline opens" not in fetch(url)[2] for url in pages)


def test_tracking_parameters_share_one_entry_and_sessions_pass(varnish):
    make_article(title="Standing story")
    cached_text(f"{varnish}/")

    status, tracked, _text = fetch(f"{varnish}/?utm_source=x&fbclid=y")
    _status, own, _text = fetch(f"{varnish}/", Cookie="sessionid=abc")

    assert (status, tracked["X-Cache"]) == (200, "HIT")
    assert own["X-Cache"] == "MISS"
    assert "xkey" not in tracked


def test_only_allowed_addresses_may_purge(varnish):
    host, port = varnish.removeprefix("http://").split(":")
    answers = []
    for source in ["127.0.0.1", "127.0.0.2"]:  # in the acl, and not
        connection = http.client.HTTPConnection(
            host, int(port), timeout=10, source_address=(source, 0)
        )
        connection.request("PURGE", "/", headers={"xkey": "edition:en"})
        answers.append(connection.getresponse().status)
        connection.close()

    assert answers == [200, 403]
