"""Real-browser tests: Selenium drives Debian's headless Chromium against
Django's live server. Locally they skip when Chromium is missing; on CI
(CI=true) a missing browser is a failure, never a silent skip."""

import os
import shutil
import tempfile

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


@pytest.fixture
def browser_factory(live_server):
    """Opens headless Chromium windows; each closes after the test."""
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    drivers = []

    def open_browser(width=1280, height=1000):
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
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.implicitly_wait(0)
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
    )
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(
        browser,
        10,
        ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
    )
