from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.demo.reference_ru import REFERENCE_RU
from tests import reference
from tests.factories import make_article, make_section


@pytest.fixture
def reference_article(db):
    """The reference page's article, as an editor would enter it."""
    russia = make_section(
        name=reference.SECTION_NAME,
        slug="russia",
        description=reference.SECTION_DESCRIPTION,
        position=0,
    )
    return make_article(
        title=reference.TITLE,
        slug="nato-head-russias-ivanov-to-discuss-resuming-ties-feb-6",
        section=russia,
        lead=reference.LEAD,
        body="".join(f"<p>{p}</p>" for p in reference.PARAGRAPHS).replace(
            '"', "&quot;"
        ),
        dateline_place="Brussels",
        source_credit="RIA Novosti",
        published_at=datetime(2009, 1, 26, 10, 17, tzinfo=ZoneInfo("Europe/Brussels")),
        tags=["NATO", "Sergei Ivanov"],
    )


@pytest.fixture
def russian_reference(reference_article):
    """The Russian edition's version of the reference article, linked to it."""
    rossiya = make_section(name="Россия", slug="rossiya", language="ru", position=0)
    return make_article(
        title=REFERENCE_RU["title"],
        slug=REFERENCE_RU["slug"],
        section=rossiya,
        lead=REFERENCE_RU["lead"],
        body="".join(f"<p>{p}</p>" for p in REFERENCE_RU["paragraphs"]),
        dateline_place=REFERENCE_RU["dateline_place"],
        source_credit=REFERENCE_RU["source_credit"],
        published_at=reference_article.published_at,
        translation_of=reference_article,
        tags=["НАТО"],
    )
