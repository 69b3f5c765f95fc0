import pytest
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from chats.models import ChatMessage
from tests.browser.conftest import log_in
from tests.factories import make_article, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def waiter(driver):
    return WebDriverWait(
        driver,
        10,
        ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
    )


def texts(driver):
    return [el.text for el in driver.find_elements(By.CSS_SELECTOR, ".chat__text")]


def send(driver, text):
    field = driver.find_element(By.ID, "chat-text")
    field.send_keys(text)
    driver.find_element(By.CSS_SELECTOR, ".chat__form button[type=submit]").click()


def test_two_readers_chat_live_beside_an_article(browser_factory, asgi_live_server):
    article = make_article(title="Talks resume", comments_mode="open")
    anna = make_user(email="anna@example.com", display_name="Anna")
    boris = make_user(email="boris@example.com", display_name="Boris")
    url = asgi_live_server + article.get_absolute_url()
    windows = {}
    for user in (anna, boris):
        driver = browser_factory()
        log_in(driver, asgi_live_server, user)
        driver.get(url)
        waiter(driver).until(
            lambda d: d.find_element(By.ID, "chat").get_attribute("data-live") == "true"
        )
        # Gone if the page reloads: proves the messages come in place.
        driver.execute_script("window.__samePage = true;")
        windows[user.display_name] = driver

    send(windows["Anna"], "Hello from Anna")
    waiter(windows["Boris"]).until(lambda d: "Hello from Anna" in texts(d))
    send(windows["Boris"], '<img src="x" onerror="window.__xss = 1"> hi Anna')
    waiter(windows["Anna"]).until(lambda d: len(texts(d)) == 2)

    for driver in windows.values():
        assert driver.execute_script("return window.__samePage === true") is True
        assert driver.execute_script("return window.__xss === undefined") is True
        assert texts(driver) == [
            "Hello from Anna",
            '<img src="x" onerror="window.__xss = 1"> hi Anna',
        ]
        authors = driver.find_elements(By.CSS_SELECTOR, ".chat__author")
        assert [a.text for a in authors] == ["Anna", "Boris"]
    assert list(
        ChatMessage.objects.order_by("created_at").values_list("user__email", flat=True)
    ) == ["anna@example.com", "boris@example.com"]
