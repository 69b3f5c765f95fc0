"""An article or a section that moves keeps every old address answering
with one 301 to where it is now."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from desk.services import save_article
from redirects.models import Redirect
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def follow(client, url):
    """The first answer to `url`, and where it leads."""
    response = client.get(url)
    return response.status_code, response.headers.get("Location")


def test_a_renamed_article_answers_its_old_address_with_one_301(client, story, move):
    old = story.get_absolute_url()

    move(story, slug="gas-deal")

    assert follow(client, old) == (301, "/world/gas-deal/")
    assert client.get("/world/gas-deal/").status_code == 200


def test_a_chain_of_renames_sends_every_old_address_to_the_current_one(
    client, story, move
):
    move(story, slug="gas-deal")
    move(story, slug="gas-deal-signed")

    assert follow(client, "/world/gas-talks/") == (301, "/world/gas-deal-signed/")
    assert follow(client, "/world/gas-deal/") == (301, "/world/gas-deal-signed/")
    assert sorted(story.redirects.values_list("article_slug", flat=True)) == [
        "gas-deal",
        "gas-talks",
    ]


def test_renaming_back_removes_the_redirect_from_that_address(client, story, move):
    move(story, slug="gas-deal")
    move(story, slug="gas-talks")

    assert client.get("/world/gas-talks/").status_code == 200
    assert follow(client, "/world/gas-deal/") == (301, "/world/gas-talks/")
    assert list(story.redirects.values_list("article_slug", flat=True)) == ["gas-deal"]


def test_an_article_moved_to_another_section_redirects(client, story, move):
    business = make_section(name="Business", slug="business")

    move(story, section=business)

    assert follow(client, "/world/gas-talks/") == (301, "/business/gas-talks/")


def test_an_article_never_public_leaves_no_redirect(client, world, editor):
    draft = make_article(section=world, slug="draft", status=Article.Status.DRAFT)
    later = make_article(
        section=world, slug="later", published_at=timezone.now() + timedelta(days=1)
    )

    for article in (draft, later):
        article.slug += "-renamed"
        save_article(article=article, by=editor, changed=["slug"])

    assert Redirect.objects.count() == 0


def test_a_new_article_at_an_old_address_wins(client, world, story, move, editor):
    move(story, slug="gas-deal")
    newcomer = make_article(
        section=world, slug="gas-talks-2", status=Article.Status.DRAFT
    )

    # A draft taking the address leaves the redirect to the article until
    # it is itself public.
    move(newcomer, slug="gas-talks")
    assert follow(client, "/world/gas-talks/") == (301, "/world/gas-deal/")

    save_article(article=newcomer, by=editor, move="publish")
    assert client.get("/world/gas-talks/").status_code == 200
    assert not Redirect.objects.filter(article_slug="gas-talks").exists()


def test_a_live_article_wins_over_a_redirect_left_at_its_address(
    client, world, story, move
):
    move(story, slug="gas-deal")
    Article.objects.filter(slug="gas-deal").update(slug="gas-deal-x")
    make_article(section=world, slug="gas-talks", title="Newcomer")

    response = client.get("/world/gas-talks/")

    assert response.status_code == 200
    assert b"Newcomer" in response.content


def test_a_redirect_to_a_taken_down_article_ends_in_its_410(
    client, story, move, editor
):
    move(story, slug="gas-deal")
    save_article(article=story, by=editor, move="unpublish", note="Legal")

    assert follow(client, "/world/gas-talks/") == (301, "/world/gas-deal/")
    assert client.get("/world/gas-deal/").status_code == 410


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": timezone.now() + timedelta(days=1)},
        {"embargo_until": timezone.now() + timedelta(days=1)},
    ],
    ids=["draft", "scheduled", "embargoed"],
)
def test_a_redirect_never_leads_to_what_readers_may_not_see(
    client, story, move, hidden
):
    move(story, slug="gas-deal")
    Article.objects.filter(pk=story.pk).update(**hidden)

    assert follow(client, "/world/gas-talks/") == (404, None)


def test_an_old_section_address_never_leads_to_a_draft(client, story):
    draft = make_article(section=story.section, slug="draft", status="draft")
    Redirect.objects.create(section_slug="closed", article=draft)

    assert follow(client, "/closed/") == (404, None)


def test_a_renamed_section_sends_its_page_and_every_article_under_it(
    client, world, story, move
):
    other = make_article(section=world, slug="oil-talks")

    move(world, slug="planet")

    assert follow(client, "/world/") == (301, "/planet/")
    assert follow(client, "/world/gas-talks/") == (301, "/planet/gas-talks/")
    assert follow(client, "/world/oil-talks/") == (301, "/planet/oil-talks/")
    assert follow(client, "/world/?page=2") == (301, "/planet/?page=2")
    # One prefix rule, no row per article.
    assert list(Redirect.objects.values_list("section_slug", "article_slug")) == [
        ("world", "")
    ]
    assert other.redirects.count() == 0


def test_a_renamed_section_sends_its_feeds_chat_room_and_subscribe_page(
    client, world, move
):
    move(world, slug="planet")

    assert follow(client, "/feeds/sections/world/rss/") == (
        301,
        "/feeds/sections/planet/rss/",
    )
    assert follow(client, "/chats/sections/world/") == (301, "/chats/sections/planet/")
    assert follow(client, "/subscriptions/section/world/") == (
        301,
        "/subscriptions/section/planet/",
    )


def test_a_section_renamed_twice_and_back_never_loops(client, world, story, move):
    move(world, slug="planet")
    move(world, slug="earth")
    assert follow(client, "/world/gas-talks/") == (301, "/earth/gas-talks/")
    assert follow(client, "/planet/") == (301, "/earth/")

    move(world, slug="world")

    assert client.get("/world/").status_code == 200
    assert client.get("/world/gas-talks/").status_code == 200
    assert follow(client, "/earth/gas-talks/") == (301, "/world/gas-talks/")
    assert not Redirect.objects.filter(section_slug="world").exists()


def test_an_article_renamed_after_its_section_is_one_301_away(
    client, world, story, move
):
    move(world, slug="planet")
    move(story, slug="gas-deal")

    assert follow(client, "/world/gas-talks/") == (301, "/planet/gas-deal/")
    assert follow(client, "/planet/gas-talks/") == (301, "/planet/gas-deal/")


def test_an_unknown_article_under_a_renamed_section_is_404(client, world, move):
    move(world, slug="planet")

    assert follow(client, "/world/never-was/") == (404, None)


def test_the_russian_edition_keeps_its_own_old_addresses(client, move):
    sport = make_section(name="Спорт", slug="sport", language="ru")
    story = make_article(section=sport, slug="match")
    make_section(name="Sport", slug="sport")

    move(sport, slug="sportivnye-novosti")
    move(story, slug="match-itogi")

    assert follow(client, "/ru/sport/") == (301, "/ru/sportivnye-novosti/")
    assert follow(client, "/ru/sport/match/") == (
        301,
        "/ru/sportivnye-novosti/match-itogi/",
    )
    # The English edition's /sport/ is another section, still there.
    assert client.get("/sport/").status_code == 200
    assert follow(client, "/sport/match/") == (404, None)


def test_sitemaps_and_canonicals_name_the_current_address_only(client, story, move):
    move(story, slug="gas-deal")

    sitemap = client.get("/sitemap-articles.xml").content.decode()
    page = client.get("/world/gas-deal/").content.decode()

    assert "/world/gas-deal/" in sitemap
    assert "/world/gas-talks/" not in sitemap
    assert 'rel="canonical" href="http://testserver/world/gas-deal/"' in page
    assert "gas-talks" not in page
