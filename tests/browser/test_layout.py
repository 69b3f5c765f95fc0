"""What readers see on a phone and a desktop: pictures downloaded at the
size they are shown, the section menu saying it scrolls, a top story
without a picture laid out across the row."""

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from articles.images import refresh_renditions
from tests.browser.axe import emulate
from tests.factories import image_upload, make_article, make_section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The rendition each picture chose, once it has loaded (lazy ones are
# scrolled to first).
LOADED_RENDITIONS = """
const done = arguments[arguments.length - 1];
const images = [...document.querySelectorAll(arguments[0])];
images.forEach(img => { img.loading = "eager"; });
const check = () => images.every(img => img.complete && img.currentSrc) ?
  done(images.map(img => img.currentSrc.split("/").pop())) : setTimeout(check, 50);
check();
"""


def illustrated(**fields):
    article = make_article(image=image_upload(size=(1600, 900)), **fields)
    refresh_renditions(obj=article)
    return article


def renditions(driver, selector):
    return [
        name.rsplit("-", 1)[1].split(".")[0]
        for name in driver.execute_async_script(LOADED_RENDITIONS, selector)
    ]


@pytest.fixture
def media(settings):
    settings.ROOT_URLCONF = "tests.browser.urls"


def test_pictures_download_the_rendition_their_shown_size_needs(
    shared_browser, asgi_live_server, media
):
    section = make_section()
    article = illustrated(section=section, tags=["NATO"])
    for _ in range(3):
        illustrated(section=section, tags=["NATO"])
    shared_browser.delete_all_cookies()

    shared_browser.get(asgi_live_server + section.get_absolute_url())
    emulate(shared_browser, width=390)
    phone_list = renditions(shared_browser, ".card__image img")
    emulate(shared_browser, width=1280)
    shared_browser.get(asgi_live_server + section.get_absolute_url())
    desktop_list = renditions(shared_browser, ".card__image img")
    shared_browser.get(asgi_live_server + article.get_absolute_url())
    main_image = renditions(shared_browser, ".article__figure img")
    related = renditions(shared_browser, ".related .card__image img")

    # 7rem squares on a phone, 16rem columns on a desktop: 320 px wide.
    assert phone_list == ["320"] * 4
    assert desktop_list == ["320"] * 4
    # The 820 px main column; related stories two to a row, 398 px each.
    assert main_image == ["1024"]
    assert related == ["640"] * 3


def test_phone_section_menu_shows_that_more_sections_follow(
    shared_browser, asgi_live_server
):
    for name in ["Russia", "World", "Military", "Business", "Science", "Sport"]:
        make_section(name=name, slug=name.lower())
    shared_browser.delete_all_cookies()
    menu_class = "return document.querySelector('.section-menu').className"

    emulate(shared_browser, width=390)
    shared_browser.get(asgi_live_server + "/")
    on_phone = shared_browser.execute_script(menu_class)
    shared_browser.execute_script(
        "const l = document.querySelector('.section-menu__list');"
        "l.scrollLeft = l.scrollWidth;"
    )
    WebDriverWait(shared_browser, 5).until(
        lambda d: "section-menu--more" not in d.execute_script(menu_class)
    )
    emulate(shared_browser, width=1280)
    shared_browser.get(asgi_live_server + "/")
    on_desktop = shared_browser.execute_script(menu_class)

    assert "section-menu--more" in on_phone
    assert "section-menu--more" not in on_desktop


def test_top_story_without_a_picture_spans_the_row(shared_browser, asgi_live_server):
    section = make_section()
    top = make_article(section=section, title="Talks resume")
    shared_browser.delete_all_cookies()
    emulate(shared_browser, width=1280)

    shared_browser.get(asgi_live_server + "/")
    widths = shared_browser.execute_script(
        "const card = document.querySelector('.card--featured');"
        "return [card.closest('.home__top').clientWidth,"
        " card.getBoundingClientRect().width,"
        " card.querySelector('.card__lead').getBoundingClientRect().width];"
    )

    row, card, lead = widths
    assert top.title in shared_browser.find_element("css selector", "h2").text
    assert card == pytest.approx(row, abs=1)
    assert lead > row * 0.7
