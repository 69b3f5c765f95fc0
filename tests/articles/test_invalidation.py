"""Every editorial write is seen by anonymous readers on the next request,
on every page that shows what it changed, with the fragment cache warm."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import cachekeys, services
from articles.models import Article, HomeSlot, Section
from desk.models import Revision
from desk.services import save_article
from newsroom import freshness
from tests.desk.test_admin import article_form
from tests.factories import make_article, make_author, make_image, make_section
from tests.invalidation import Reader, listing_pages

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def desk(admin_client):
    return admin_client


@pytest.fixture
def visitor():
    return Reader()


@pytest.fixture
def world(db):
    return make_section(name="World", slug="world")


@pytest.fixture
def story(world, author):
    """A published article with a tag and a byline, beside a newer one."""
    make_article(section=world, title="Other news", tags=["Gas"])
    return make_article(
        section=world,
        title="Gas talks resume",
        slug="gas-talks-resume",
        tags=["Gas"],
        authors=[author],
    )


def edit_form(article, **changes):
    """The admin change form of `article` as it is, with `changes`."""
    byline = article.bylines.get()
    data = article_form(
        article.section,
        title=article.title,
        slug=article.slug,
        lead=article.lead,
        body=article.body,
        tags=", ".join(article.tags.names()),
        status=article.status,
        **{
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "1",
            "bylines-0-id": byline.pk,
            "bylines-0-article": article.pk,
            "bylines-0-author": byline.author_id,
            "bylines-0-position": "0",
        },
    )
    if article.published_at:
        local = timezone.localtime(article.published_at)
        data["published_at_0"] = local.date().isoformat()
        data["published_at_1"] = local.strftime("%H:%M:%S")
    data.update(changes)
    return data


def test_a_new_title_shows_on_every_page_at_once(visitor, desk, story):
    pages = [*listing_pages(story), story.get_absolute_url()]
    visitor.warm(pages)

    response = desk.post(change_url(story), edit_form(story, title="Gas deal"))

    assert response.status_code == 302
    assert visitor.pages_showing("Gas talks resume", pages) == []
    assert visitor.pages_showing("Gas deal", pages) == pages


def test_publishing_with_the_bulk_action_lists_the_article_everywhere(
    visitor, desk, story, world
):
    draft = make_article(
        section=world,
        title="Pipeline opens",
        status=Article.Status.DRAFT,
        published_at=None,
        tags=["Gas"],
        authors=[story.bylines.get().author],
    )
    pages = listing_pages(story)
    visitor.warm(pages)

    desk.post(
        CHANGELIST_URL, {"action": "publish_selected", "_selected_action": [draft.pk]}
    )

    assert visitor.pages_showing("Pipeline opens", pages) == pages


def test_unpublishing_takes_the_article_off_every_page_at_once(
    visitor, desk, story, editor, django_capture_on_commit_callbacks
):
    pages = listing_pages(story)
    visitor.warm([*pages, story.get_absolute_url()])

    with django_capture_on_commit_callbacks(execute=True):
        save_article(move="unpublish", article=story, by=editor)

    assert visitor.pages_showing("Gas talks resume", pages) == []
    assert visitor.get(story.get_absolute_url()).status_code == 410


def test_archiving_keeps_the_page_and_leaves_the_lists(visitor, desk, story):
    pages = listing_pages(story)
    visitor.warm(pages)

    desk.post(
        CHANGELIST_URL, {"action": "archive_selected", "_selected_action": [story.pk]}
    )

    assert visitor.pages_showing("Gas talks resume", pages) == []
    assert visitor.get(story.get_absolute_url()).status_code == 200


def test_deleting_in_the_admin_takes_the_article_off_the_lists(visitor, desk, story):
    pages = listing_pages(story)[:-2]  # the tag page stays while it has one
    visitor.warm(pages)

    desk.post(
        reverse("admin:articles_article_delete", args=[story.pk]), {"post": "yes"}
    )

    assert visitor.pages_showing("Gas talks resume", pages) == []


def test_a_draft_edit_bumps_its_own_page_only(desk, world, bumped):
    draft = make_article(
        section=world,
        status=Article.Status.DRAFT,
        published_at=None,
        tags=["Gas"],
        authors=[make_author()],
    )

    response = desk.post(change_url(draft), edit_form(draft, title="Still a draft"))

    assert response.status_code == 302
    assert set(bumped) == {cachekeys.article(draft.pk)}


def test_a_published_edit_bumps_its_page_and_its_edition(desk, story, bumped):
    desk.post(change_url(story), edit_form(story, lead="A new lead."))

    assert set(bumped) == {cachekeys.article(story.pk), cachekeys.edition("en")}


def test_a_correction_shows_on_the_article_and_the_corrections_page(
    visitor, desk, story
):
    pages = [story.get_absolute_url(), reverse("articles:corrections")]
    visitor.warm(pages)
    now = timezone.localtime()

    desk.post(
        change_url(story),
        edit_form(
            story,
            **{
                "corrections-TOTAL_FORMS": "1",
                "corrections-0-kind": "correction",
                "corrections-0-text": "The talks were in Minsk.",
                "corrections-0-created_at_0": timezone.localdate(now).isoformat(),
                "corrections-0-created_at_1": timezone.localtime(now).strftime(
                    "%H:%M:%S"
                ),
            },
        ),
    )

    assert visitor.pages_showing("The talks were in Minsk.", pages) == pages


def test_restoring_a_revision_brings_the_old_title_back_everywhere(
    visitor, desk, story
):
    desk.post(change_url(story), edit_form(story, title="Gas deal"))
    first = Revision.objects.filter(article=story).earliest("id")
    first.title = "Gas talks resume"
    first.save()
    pages = [*listing_pages(story), story.get_absolute_url()]
    visitor.warm(pages)

    desk.post(reverse("admin:articles_article_restore", args=[story.pk, first.pk]), {})

    assert visitor.pages_showing("Gas talks resume", pages) == pages


def test_a_home_page_pick_leads_the_home_page(visitor, desk, story):
    before = visitor.warm(["/"])["/"]

    desk.post(
        reverse("admin:articles_homeslot_add"), {"article": story.pk, "position": 1}
    )

    home = visitor.text("/")
    assert HomeSlot.objects.get().article == story
    assert before.index("Other news") < before.index("Gas talks resume")
    assert home.index("card--featured") < home.index("Gas talks resume")
    assert home.index("Gas talks resume") < home.index("Other news")


def test_the_breaking_banner_shows_and_ends_at_once(visitor, desk, story):
    pages = ["/", reverse("articles:newsfeed")]
    visitor.warm(pages)
    until = timezone.localtime() + timedelta(hours=2)
    flag = {
        "breaking_until_0": until.date().isoformat(),
        "breaking_until_1": until.strftime("%H:%M:%S"),
    }

    desk.post(change_url(story), edit_form(story, **flag))
    shown = visitor.pages_showing("breaking-banner", pages)
    story.refresh_from_db()
    desk.post(change_url(story), edit_form(story))

    assert shown == pages
    assert visitor.pages_showing("breaking-banner", pages) == []


def test_linking_a_translation_shows_in_both_editions_hreflang(
    visitor, desk, story, bumped
):
    rossiya = make_section(name="Мир", slug="mir", language="ru")
    russian = make_article(
        section=rossiya, title="Газ", tags=["Газ"], authors=[make_author()]
    )
    pages = [story.get_absolute_url(), russian.get_absolute_url()]
    visitor.warm(pages)

    desk.post(
        change_url(russian),
        edit_form(russian, section=rossiya.pk, translation_of=story.pk),
    )

    assert visitor.pages_showing('hreflang="ru"', pages) == pages
    assert visitor.pages_showing('hreflang="en"', pages) == pages
    assert {cachekeys.article(story.pk), cachekeys.article(russian.pk)} <= {*bumped}


def test_a_section_renamed_shows_in_the_menu_and_the_cards(visitor, desk, story):
    pages = ["/", story.get_absolute_url(), reverse("articles:newsfeed")]
    visitor.warm(pages)
    section = story.section

    desk.post(
        reverse("admin:articles_section_change", args=[section.pk]),
        {
            "name": "Planet",
            "slug": section.slug,
            "language": "en",
            "description": "",
            "position": "0",
            "is_active": "on",
        },
    )

    assert visitor.pages_showing(">Planet<", pages) == pages


def test_a_section_moved_to_the_other_edition_leaves_this_menu(visitor, desk):
    section = make_section(name="Planet", slug="planet")
    visitor.warm(["/", "/ru/"])
    assert visitor.pages_showing('<a href="/planet/">Planet</a>', ["/"]) == ["/"]

    desk.post(
        reverse("admin:articles_section_change", args=[section.pk]),
        {
            "name": "Planet",
            "slug": "planet",
            "language": "ru",
            "description": "",
            "position": "0",
            "is_active": "on",
        },
    )

    assert Section.objects.get(pk=section.pk).language == "ru"
    assert visitor.pages_showing('<a href="/planet/">Planet</a>', ["/"]) == []
    assert visitor.pages_showing('<a href="/ru/planet/">Planet</a>', ["/ru/"]) == [
        "/ru/"
    ]


def test_an_author_renamed_shows_in_the_bylines(visitor, desk, story):
    pages = ["/", story.section.get_absolute_url(), story.get_absolute_url()]
    visitor.warm(pages)
    author = story.bylines.get().author
    old_name = author.name
    assert visitor.pages_showing(old_name, pages) == pages

    desk.post(
        reverse("admin:articles_author_change", args=[author.pk]),
        {"name": "Jane Doe", "slug": author.slug, "bio": ""},
    )

    assert visitor.pages_showing(old_name, pages) == []
    assert visitor.pages_showing("Jane Doe", pages) == pages


def test_a_tag_renamed_shows_on_the_article(
    visitor, story, django_capture_on_commit_callbacks
):
    visitor.warm([story.get_absolute_url()])
    tag = story.tags.get()

    with django_capture_on_commit_callbacks(execute=True):
        tag.name = "Natural gas"
        tag.save()

    assert "Natural gas" in visitor.text(story.get_absolute_url())


def test_new_renditions_bump_the_article_and_its_edition(
    story, bumped, django_capture_on_commit_callbacks
):
    from articles.images import refresh_renditions

    image = make_image()
    Article.objects.filter(pk=story.pk).update(image=image)
    story.image = image
    with django_capture_on_commit_callbacks(execute=True):
        refresh_renditions(obj=story)

    assert set(bumped) == {cachekeys.article(story.pk), cachekeys.edition("en")}


@pytest.mark.parametrize("url", ["/", "/newsfeed/"])
def test_pages_with_day_labels_are_fresh_until_local_midnight(visitor, story, url):
    with freshness.collect() as shown:
        visitor.text(url)

    tomorrow = timezone.localdate() + timedelta(days=1)
    assert shown.until == services.start_of_day(tomorrow)
