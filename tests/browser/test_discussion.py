import re

import pytest
from django.core import mail
from selenium.webdriver.common.by import By

from accounts.models import User
from comments.models import Comment
from tests.factories import make_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

XSS = '<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2">'


def css(browser, selector):
    return browser.find_element(By.CSS_SELECTOR, selector)


def fill(browser, values):
    for name, value in values.items():
        field = browser.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)


def test_reader_registers_logs_in_from_the_article_and_comments(
    browser, wait, live_server, section
):
    article = make_article(section=section, title="Talks resume")
    article_url = live_server.url + article.get_absolute_url()

    # Register from the discussion's gate.
    browser.get(article_url)
    assert css(browser, ".discussion__count").text == "0"
    browser.find_element(By.LINK_TEXT, "register").click()
    fill(
        browser,
        {
            "email": "anna@example.com",
            "display_name": "Anna",
            "password1": "a-long-browser-password",
            "password2": "a-long-browser-password",
        },
    )
    css(browser, "form.form button[type=submit]").click()
    wait.until(lambda b: "Check your inbox" in b.page_source)
    assert User.objects.get(email="anna@example.com").is_active is False

    # Activate through the e-mailed link, then log out.
    (link,) = re.findall(r"http://\S+/accounts/activate/\S+", mail.outbox[-1].body)
    browser.get(link)
    wait.until(lambda b: b.current_url.startswith(article_url))
    css(browser, "form[action='/accounts/logout/'] button").click()
    wait.until(lambda b: b.find_elements(By.LINK_TEXT, "Log in"))

    # Log in from the article's "log in" link and land back on the article.
    browser.get(article_url)
    browser.find_element(By.LINK_TEXT, "log in").click()
    fill(
        browser, {"username": "anna@example.com", "password": "a-long-browser-password"}
    )
    css(browser, "form.form button[type=submit]").click()
    wait.until(lambda b: b.current_url.split("#")[0] == article_url)

    # Comment: the counter goes from 0 to 1.
    fill(browser, {"body": "A first comment"})
    css(browser, "#comment-form button[type=submit]").click()
    wait.until(lambda b: css(b, ".discussion__count").text == "1")
    first = Comment.objects.get()

    # Reply in place.
    css(browser, f"#comment-{first.pk} .comment__reply").click()
    fill(browser, {"body": "A reply to myself"})
    css(browser, "#comment-form button[type=submit]").click()
    wait.until(lambda b: css(b, ".discussion__count").text == "2")
    replies = css(browser, f"#comment-{first.pk} .comment-list--replies")
    assert "A reply to myself" in replies.text

    # Script in a comment is shown as text and runs nothing.
    fill(browser, {"body": XSS})
    css(browser, "#comment-form button[type=submit]").click()
    wait.until(lambda b: css(b, ".discussion__count").text == "3")
    assert XSS in browser.find_element(By.CSS_SELECTOR, ".comment-list").text
    assert browser.execute_script("return window.__xss") is None
