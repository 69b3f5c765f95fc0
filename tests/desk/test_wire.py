from datetime import date

import pytest

from desk.wire import parse_wire_dateline, split_body_dateline

TODAY = date(2009, 1, 28)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "BRUSSELS, January 26 (RIA Novosti) - NATO's head will meet...",
            ("Brussels", date(2009, 1, 26), "RIA Novosti", "NATO's head will meet..."),
        ),
        (
            "MOSCOW (Sputnik) - Russia said...",
            ("Moscow", None, "Sputnik", "Russia said..."),
        ),
        (
            "WASHINGTON, Jan 26 (Reuters) - The U.S. ...",
            ("Washington", date(2009, 1, 26), "Reuters", "The U.S. ..."),
        ),
        (
            "LONDON, Jan. 26 (AP) — Britain...",
            ("London", date(2009, 1, 26), "AP", "Britain..."),
        ),
        (
            "PARIS, 26 January (AFP) – France...",
            ("Paris", date(2009, 1, 26), "AFP", "France..."),
        ),
        (
            "BERLIN, Feb 3 (dpa) -- Germany...",
            ("Berlin", date(2008, 2, 3), "dpa", "Germany..."),
        ),
        (
            "NEW YORK, March 5 (Reuters) - Stocks...",
            ("New York", date(2008, 3, 5), "Reuters", "Stocks..."),
        ),
        (
            "ST. PETERSBURG (RIA Novosti) - The city...",
            ("St. Petersburg", None, "RIA Novosti", "The city..."),
        ),
        (
            "ULAN-UDE, Sept 9 - A quake...",
            ("Ulan-Ude", date(2008, 9, 9), "", "A quake..."),
        ),
        (
            "RIO DE JANEIRO (Reuters) - Brazil...",
            ("Rio de Janeiro", None, "Reuters", "Brazil..."),
        ),
        (
            "МОСКВА, 26 января (РИА Новости) - Россия...",
            ("Москва", date(2009, 1, 26), "РИА Новости", "Россия..."),
        ),
    ],
)
def test_each_dateline_format(text, expected):
    assert parse_wire_dateline(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NATO - the alliance said...",
        "Moscow (Sputnik) - lower-case place",
        "BRUSSELS, Febtober 30 (Reuters) - not a month",
        "BRUSSELS, February 30 (Reuters) - not a day",
        "The talks resumed in BRUSSELS (RIA Novosti) - mid-sentence",
        "",
    ],
)
def test_text_without_a_dateline_is_left_alone(text):
    assert parse_wire_dateline(text, today=TODAY) == ("", None, "", text)


def test_december_copy_read_in_january_is_last_year():
    assert parse_wire_dateline("OSLO, Dec 31 (NTB) - x", today=TODAY)[1] == date(
        2008, 12, 31
    )


def test_split_body_keeps_the_paragraph():
    body = "<p>MOSCOW (Sputnik) - Russia said.</p><p>More.</p>"

    assert split_body_dateline(body, today=TODAY) == (
        "Moscow",
        None,
        "Sputnik",
        "<p>Russia said.</p><p>More.</p>",
    )


@pytest.mark.django_db
def test_admin_fills_the_dateline_from_pasted_wire_copy(client, section):
    from articles.models import Article
    from tests.desk.test_admin import ADD_URL, article_form
    from tests.factories import make_staff

    client.force_login(make_staff(groups=["Authors"]))
    body = "WASHINGTON, Jan 26 (Reuters) - The talks resumed.\n\nMore."

    client.post(
        ADD_URL,
        article_form(section, body=body, dateline_place="", source_credit=""),
    )

    article = Article.objects.get()
    assert (article.dateline_place, article.source_credit) == ("Washington", "Reuters")
    assert article.dateline_date.month == 1
    assert article.body == "<p>The talks resumed.</p><p>More.</p>"


@pytest.mark.django_db
def test_admin_keeps_the_body_when_dateline_fields_are_filled(client, section):
    from articles.models import Article
    from tests.desk.test_admin import ADD_URL, article_form
    from tests.factories import make_staff

    client.force_login(make_staff(groups=["Authors"]))
    body = "WASHINGTON, Jan 26 (Reuters) - The talks resumed."

    client.post(ADD_URL, article_form(section, body=body))

    article = Article.objects.get()
    assert article.dateline_place == "Moscow"
    assert article.body == f"<p>{body}</p>"


@pytest.mark.django_db
def test_dateline_date_overrides_the_publication_day():
    from articles.templatetags.articles import dateline
    from tests.factories import make_article

    article = make_article(
        dateline_place="Brussels",
        source_credit="RIA Novosti",
        dateline_date=date(2009, 1, 26),
    )

    assert dateline(article) == "BRUSSELS, January 26 (RIA Novosti) - "
