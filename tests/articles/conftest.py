from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

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
        title=reference.RU_TITLE,
        slug=reference.RU_SLUG,
        section=rossiya,
        lead=reference.RU_LEAD,
        body="".join(f"<p>{p}</p>" for p in reference.RU_PARAGRAPHS),
        dateline_place=reference.RU_DATELINE_PLACE,
        source_credit=reference.RU_SOURCE_CREDIT,
        published_at=reference_article.published_at,
        translation_of=reference_article,
        tags=["НАТО"],
    )
