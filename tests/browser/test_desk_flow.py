"""The desk's main flow in a real browser: an author writes with the
rich-text editor and submits; an editor schedules two minutes ahead; the
article is public only once that time has come.

Time is moved by monkeypatching django.utils.timezone.now: live_server runs
in a thread of this same process, so its views see the patched clock too.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select

from articles.models import Article
from tests.factories import make_section, make_staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password"
TITLE = "Gas talks resume in Brussels"


def log_in(browser, wait, live_server, email):
    browser.get(live_server.url + "/admin/login/")
    browser.find_element(By.ID, "id_username").send_keys(email)
    browser.find_element(By.ID, "id_password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    wait.until(lambda b: "/admin/login/" not in b.current_url)


def public_pages(client, article):
    return [
        client.get(path).content.decode()
        for path in [
            "/",
            article.section.get_absolute_url(),
            article.get_absolute_url(),
            "/newsfeed/",
            "/feeds/rss/",
        ]
    ]


def test_author_writes_and_submits_editor_schedules(
    browser_factory, live_server, client, monkeypatch
):
    from selenium.webdriver.support.ui import WebDriverWait

    make_section(name="World", slug="world")
    make_staff(groups=["Authors"], email="author@example.com", password=PASSWORD)
    make_staff(groups=["Editors"], email="editor@example.com", password=PASSWORD)

    # The author writes in the rich-text editor and submits for review.
    author = browser_factory()
    wait = WebDriverWait(author, 10)
    log_in(author, wait, live_server, "author@example.com")
    author.get(live_server.url + "/admin/articles/article/add/")
    author.find_element(By.ID, "id_title").send_keys(TITLE)
    Select(author.find_element(By.ID, "id_section")).select_by_visible_text("World")
    author.find_element(By.ID, "id_lead").send_keys("Talks resumed on Monday.")
    prose = wait.until(
        lambda b: b.find_element(By.CSS_SELECTOR, ".ProseMirror[contenteditable]")
    )
    # The editor runs under the site's CSP without a violation.
    assert not [
        entry
        for entry in author.get_log("browser")
        if "Content Security Policy" in entry["message"]
    ]
    prose.click()
    prose.send_keys("BRUSSELS, January 26 (RIA Novosti) - The talks resumed.")
    author.find_element(By.CSS_SELECTOR, "input[name=_continue]").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "button[value=submit]"))
    article = Article.objects.get(title=TITLE)
    assert (article.dateline_place, article.source_credit) == (
        "Brussels",
        "RIA Novosti",
    )
    assert article.body == "<p>The talks resumed.</p>"
    submit = author.find_element(By.CSS_SELECTOR, "button[value=submit]")
    submit.click()
    # The page before still shows the first save's success message: wait
    # for the submit's own page.
    wait.until(staleness_of(submit))
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".messagelist .success"))
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW

    # The editor schedules it two minutes ahead.
    editor = browser_factory()
    wait = WebDriverWait(editor, 10)
    log_in(editor, wait, live_server, "editor@example.com")
    editor.get(live_server.url + f"/admin/articles/article/{article.pk}/change/")
    at = timezone.localtime() + timedelta(minutes=2)
    for field, value in [
        ("id_published_at_0", at.strftime("%Y-%m-%d")),
        ("id_published_at_1", at.strftime("%H:%M:%S")),
    ]:
        editor.execute_script(
            "document.getElementById(arguments[0]).value = arguments[1];", field, value
        )
    editor.find_element(By.CSS_SELECTOR, "button[value=schedule]").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".messagelist .success"))
    article.refresh_from_db()
    assert article.state == "scheduled"

    # Before its time: nowhere public (test client and browser alike).
    assert not [page for page in public_pages(client, article) if TITLE in page]
    editor.get(live_server.url + article.get_absolute_url())
    assert TITLE not in editor.page_source

    # After its time: everywhere.
    later = timezone.now() + timedelta(minutes=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert all(TITLE in page for page in public_pages(client, article))
    editor.get(live_server.url + article.get_absolute_url())
    assert editor.find_element(By.CSS_SELECTOR, "h1.article__title").text == TITLE
