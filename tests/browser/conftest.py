"""Real-browser tests: Selenium drives Debian's headless Chromium against
Django's live server. Locally they skip when Chromium is missing; on CI
(CI=true) a missing browser is a failure, never a silent skip.

Transactional tests here and elsewhere ask for `serialized_rollback=True`:
the flush that ends a transactional test also deletes the groups the data
migrations made (Editors, Authors, Moderators), which later tests need."""

import os
import shutil
import tempfile
import threading

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _require_browser():
    if CHROMIUM and CHROMEDRIVER:
        return
    message = (
        "Chromium not found: install it with `apt-get install chromium "
        "chromium-driver` to run the browser tests."
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def open_chromium(width=1280, height=1000, *, log_network=False):
    """A headless Chromium window (with the DevTools network log on request);
    the caller quits it."""
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={width},{height}",
        f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}",
    ]:
        options.add_argument(flag)
    if log_network:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    return driver


@pytest.fixture
def browser_factory(live_server):
    """Opens headless Chromium windows; each closes after the test."""
    _require_browser()
    drivers = []

    def open_browser(width=1280, height=1000):
        driver = open_chromium(width, height)
        drivers.append(driver)
        return driver

    yield open_browser
    for driver in drivers:
        driver.quit()


@pytest.fixture
def browser(browser_factory):
    """One headless Chromium window."""
    return browser_factory()


@pytest.fixture
def wait(browser):
    """Waits up to 10 seconds for a condition in `browser`; elements that go
    stale or are missing while a page loads only mean "not yet"."""
    from selenium.common.exceptions import (
        NoSuchElementException,
        StaleElementReferenceException,
        WebDriverException,
    )
    from selenium.webdriver.support.ui import WebDriverWait

    def not_yet_on_stale_nodes(condition):
        # Chromium reports an element whose page was just replaced (a form
        # submitted, a link followed) as "Node with given id does not belong
        # to the document", a plain WebDriverException, rather than as stale.
        def checked(driver):
            try:
                return condition(driver)
            except WebDriverException as error:
                if "does not belong to the document" in (error.msg or ""):
                    return False
                raise

        return checked

    class Wait(WebDriverWait):
        def until(self, method, message=""):
            return super().until(not_yet_on_stale_nodes(method), message)

    return Wait(
        browser,
        10,
        ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
    )


@pytest.fixture(scope="session")
def _daphne_server(django_db_setup, django_db_blocker):
    """Daphne serving the project's ASGI application (HTTP and WebSockets)
    from a thread, so it shares the test database, in-memory SQLite included.
    Twisted's reactor cannot restart: one server for the whole session."""
    from daphne.endpoints import build_endpoint_description_strings
    from daphne.server import Server
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
    from twisted.internet import reactor

    from newsroom.asgi import application

    server = Server(
        application=ASGIStaticFilesHandler(application),
        endpoints=build_endpoint_description_strings(host="127.0.0.1", port=0),
        signal_handlers=False,
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    ready = threading.Event()

    def check():
        if server.listening_addresses:
            ready.set()
        else:
            reactor.callLater(0.05, check)

    reactor.callFromThread(check)
    if not ready.wait(timeout=10):
        pytest.fail("Daphne did not start listening.")
    yield f"http://127.0.0.1:{server.listening_addresses[0][1]}"
    reactor.callFromThread(reactor.stop)
    thread.join(timeout=5)
    _close_server_sessions(django_db_blocker)


def _close_server_sessions(django_db_blocker):
    """End the PostgreSQL sessions the server's worker threads left open, so
    the test database can be dropped (those threads are gone; their
    connections are not)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture
def asgi_live_server(_daphne_server):
    """The URL of a live ASGI server (WebSockets included) for one test."""
    from django.db import connections

    # Connections opened by the server's threads close after each request, so
    # none outlives the test database (PostgreSQL refuses to drop it then).
    # Not restored: browser windows close after this fixture ends, and their
    # sockets' last moments still reach the server.
    connections.settings["default"]["CONN_MAX_AGE"] = 0
    return _daphne_server


def log_in(driver, server_url, user):
    """Give a browser window `user`'s session cookie."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    driver.get(server_url + "/robots.txt")
    driver.add_cookie(
        {"name": "sessionid", "value": client.cookies["sessionid"].value, "path": "/"}
    )


@pytest.fixture(scope="module")
def shared_browser(_daphne_server):
    """One headless Chromium window shared by a module's tests (opening a
    browser costs more than a page); each test sets the cookies it needs."""
    driver = open_chromium()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def axe_browser(shared_browser):
    """The shared window, with axe-core loaded into every page it opens."""
    from tests.browser import axe

    axe.install(shared_browser)
    return shared_browser
