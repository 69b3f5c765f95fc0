"""The keyboard alone: a reader goes from an article to the login form and
back, comments, and returns to the headline; no Tab stop on the way, or on
the whole article page at any screen size, is hidden under a fixed element
(WCAG 2.4.11)."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.wait import WebDriverWait

from comments.models import Comment
from tests.browser.content import make_site
from tests.factories import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Where the focused element sits, and what fixed or sticky element (if any)
# is drawn over any of its corners or its centre.
FOCUS_COVER = """
const el = document.activeElement;
if (!el || el === document.body) return {where: "body"};
const r = el.getBoundingClientRect();
const kind = typeof el.className === "string" && el.className ?
  "." + el.className.split(" ")[0] : "";
const where = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + kind +
  " '" + (el.textContent || el.value || "").trim().slice(0, 40) + "'";
const fixed = [...document.body.querySelectorAll("*")].filter(
  e => ["fixed", "sticky"].includes(getComputedStyle(e).position) && !e.contains(el));
const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 1, r.top + 1],
  [r.right - 1, r.top + 1], [r.left + 1, r.bottom - 1], [r.right - 1, r.bottom - 1]];
let visible = 0;
for (const [x, y] of points) {
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
  visible += 1;
  const hit = document.elementFromPoint(x, y);
  const cover = hit && fixed.find(f => f.contains(hit));
  if (cover) return {where, covered: cover.className || cover.tagName};
}
return {where, offscreen: visible === 0 && r.width > 0};
"""


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def press_and_load(driver, *keys):
    """Press `keys`, which submit a form or follow a link, and wait until the
    next page has loaded (Tab on the old page would find its elements gone)."""
    page = driver.find_element(By.TAG_NAME, "html")
    press(driver, *keys)
    wait = WebDriverWait(driver, 10)
    wait.until(staleness_of(page))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def focus_problem(driver):
    """None, or what is wrong with where the focus is: covered or off screen."""
    state = driver.execute_script(FOCUS_COVER)
    if state.get("covered"):
        return f"{state['where']} under {state['covered']}"
    if state.get("offscreen"):
        return f"{state['where']} off screen"
    return None


def tab_until(driver, matches, *, limit=200):
    """Press Tab until the focused element `matches`; every stop on the way
    must be on screen and uncovered."""
    passed = []
    for _ in range(limit):
        press(driver, Keys.TAB)
        state = driver.execute_script(FOCUS_COVER)
        problem = focus_problem(driver)
        assert problem is None, problem
        if matches(driver.switch_to.active_element):
            return driver.switch_to.active_element
        passed.append(state["where"])
    raise AssertionError(f"never reached with Tab on {driver.current_url}: {passed}")


def is_link(text):
    return lambda el: el.tag_name == "a" and el.text.strip() == text


def screen(driver, width, height):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": width,
            "height": height,
            "deviceScaleFactor": 1,
            "mobile": width < 500,
        },
    )


def test_reader_logs_in_comments_and_returns_to_the_headline_by_keyboard(
    browser, asgi_live_server
):
    site = make_site("en")
    make_user(email="anna@example.com", display_name="Anna")
    article = site["article"]
    screen(browser, 1280, 800)
    browser.get(asgi_live_server + article.get_absolute_url())

    tab_until(browser, is_link("log in"))
    press_and_load(browser, Keys.ENTER)
    # The login form puts the focus in its first field.
    browser.switch_to.active_element.send_keys("anna@example.com")
    press_and_load(browser, Keys.TAB, "a-long-test-password", Keys.ENTER)
    body = tab_until(browser, lambda el: el.get_attribute("name") == "body")
    body.send_keys("Typed without a mouse.")
    tab_until(browser, lambda el: el.text == "Post comment")
    press_and_load(browser, Keys.ENTER)
    tab_until(browser, lambda el: "reading-bar__title" in el.get_attribute("class"))
    press(browser, Keys.ENTER)

    assert Comment.objects.filter(body="Typed without a mouse.").exists()
    assert browser.current_url.startswith(asgi_live_server + article.get_absolute_url())
    headline_top = browser.execute_script(
        "return document.querySelector('.article__title').getBoundingClientRect().top"
    )
    assert -2 < headline_top < 300
    assert focus_problem(browser) is None


@pytest.mark.parametrize(
    ("width", "height"),
    [(1280, 800), (390, 844), (640, 400)],
    ids=["desktop", "phone", "desktop-zoomed-200%"],
)
def test_no_tab_stop_on_the_article_page_is_covered(
    browser, asgi_live_server, width, height
):
    site = make_site("en")
    screen(browser, width, height)
    browser.get(asgi_live_server + site["article"].get_absolute_url())
    problems, seen = [], set()

    for _ in range(400):
        press(browser, Keys.TAB)
        element = browser.switch_to.active_element
        if element.id in seen:
            break
        seen.add(element.id)
        problem = focus_problem(browser)
        if problem:
            problems.append(problem)

    assert len(seen) > 30
    assert problems == []
