"""What `manage.py load_demo` writes: the site as it stood on 26 January 2009.

The reference article (reference.py) is kept verbatim; the other stories are
built from the templates in the section modules, with a seeded random
generator so every run produces the same text.

A template's `words` map slots to choices; "country,place" fills both slots
from one tuple, and {team2} is a second, different pick. `numbers` are
inclusive ranges (floats print with one decimal; {n_words} spells out numbers
under ten). {day} is the weekday of publication. The first body paragraph is
always the lead, as on the reference page.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ..text import slugify_title
from . import business, military, russia, russian, science, sport, world
from .reference import REFERENCE
from .reference_ru import REFERENCE_RU

BRUSSELS = ZoneInfo("Europe/Brussels")
MOSCOW = ZoneInfo("Europe/Moscow")
SEED = 2009
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday"]  # fmt: skip
# Agency style spells out numbers under ten in running text: {n_words}.
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven",
                "eight", "nine"]  # fmt: skip

# (slug, name, description, masthead colour, number of generated articles)
SECTIONS = [
    ("russia", "Russia",
     "The latest news and stories from Russia. Stay tuned for updates and "
     "breaking news on defense, politics, economy and more.", (160, 28, 44), 13),
    ("world", "World",
     "News from around the globe: diplomacy, conflicts, elections and the "
     "people shaping them.", (24, 74, 122), 11),
    ("military", "Military",
     "Armed forces, arms control, weapons programs and security alliances, "
     "from Moscow and beyond.", (78, 98, 44), 10),
    ("business", "Business",
     "Markets, energy, banking and industry as the global financial crisis "
     "reaches Russia and its neighbors.", (0, 112, 100), 11),
    ("science", "Science",
     "Space launches, research expeditions, medicine and technology from "
     "Russian and international laboratories.", (88, 52, 168), 10),
    ("sport", "Sport",
     "Hockey, football, winter sports and preparations for the 2014 Winter "
     "Olympics in Sochi.", (214, 84, 10), 9),
]  # fmt: skip

# (slug, name, bio, sections covered, has a photo)
AUTHORS = [
    ("alexei-korolev", "Alexei Korolev",
     "Political correspondent covering the Kremlin, the government and the "
     "State Duma.", ["russia", "world"], True),
    ("maria-sokolova", "Maria Sokolova",
     "Economics editor writing about markets, banks and the crisis.",
     ["business", "russia"], True),
    ("dmitry-belov", "Dmitry Belov",
     "Military affairs correspondent and former naval officer.",
     ["military"], True),
    ("yelena-orlova", "Yelena Orlova",
     "Science writer covering space, the polar regions and medicine.",
     ["science"], False),
    ("sergei-markin", "Sergei Markin",
     "Sports reporter following hockey, football and the Sochi Games.",
     ["sport"], True),
    ("anna-lebedeva", "Anna Lebedeva",
     "Foreign affairs writer with a focus on Europe and the Middle East.",
     ["world", "military"], False),
    ("pavel-gromov", "Pavel Gromov",
     "Correspondent in Novosibirsk reporting on Siberia and the Far East.",
     ["russia", "science"], False),
    ("olga-vasilyeva", "Olga Vasilyeva",
     "Energy correspondent covering oil, gas and pipeline politics.",
     ["business", "world"], False),
]  # fmt: skip

# Editors see these in the admin; readers never do.
UNPUBLISHED = [
    {
        "slug": "moscow-gets-ready-for-maslenitsa-week",
        "title": "Moscow gets ready for Maslenitsa week",
        "section": "russia",
        "lead": "Parks across Moscow will host pancake fairs and sleigh rides "
        "during the week of festivities that marks the end of winter.",
        "paragraphs": [
            "Parks across Moscow will host pancake fairs and sleigh rides during "
            "the week of festivities that marks the end of winter.",
            "DRAFT: add the city's program and quotes from the organizers.",
        ],
        "dateline_place": "Moscow",
        "status": "draft",
        "published_at": None,
    },
    {
        "slug": "munich-security-conference-opens-with-russia-nato-talks-on-agenda",
        "title": "Munich security conference opens with Russia-NATO talks on agenda",
        "section": "world",
        "lead": "Defense and foreign ministers gather in Munich for the annual "
        "security conference, with relations between Russia and NATO high on "
        "the agenda.",
        "paragraphs": [
            "Defense and foreign ministers gather in Munich for the annual "
            "security conference, with relations between Russia and NATO high "
            "on the agenda.",
            "Scheduled far ahead so the admin shows how a scheduled article "
            "looks; it never appears on the public site.",
        ],
        "dateline_place": "Munich",
        "status": "published",
        "published_at": datetime(2099, 2, 6, 9, 0, tzinfo=BRUSSELS),
    },
]

# Each edition's sections, English first.
EDITIONS = {"en": SECTIONS, "ru": russian.SECTIONS}

STORIES = {
    "russia": russia.STORIES,
    "world": world.STORIES,
    "military": military.STORIES,
    "business": business.STORIES,
    "science": science.STORIES,
    "sport": sport.STORIES,
}
FIRST_STORY_AT = datetime(2009, 1, 8, 7, 0, tzinfo=MOSCOW)
# Every generated story is older than the reference, which stays the top story.
LAST_STORY_AT = REFERENCE["published_at"] - timedelta(minutes=40)
SOURCES = ["RIA Novosti"] * 8 + ["Interfax", "ITAR-TASS"]


def generate_articles(rng, *, language="en"):
    """The generated stories of one edition as dicts, section by section (no
    database)."""
    if language == "ru":
        sections, stories, sources = russian.SECTIONS, russian.STORIES, russian.SOURCES
        titles, weekdays, decimal = {REFERENCE_RU["title"]}, russian.WEEKDAYS, ","
    else:
        sections, stories, sources = SECTIONS, STORIES, SOURCES
        titles, weekdays, decimal = {REFERENCE["title"]}, WEEKDAYS, "."
    articles = []
    span = int((LAST_STORY_AT - FIRST_STORY_AT).total_seconds() // 60)
    for slug, _name, _description, _colour, count in sections:
        kinds = stories[slug]
        order = rng.sample(kinds, len(kinds)) * count
        for i in range(count):
            published_at = FIRST_STORY_AT + timedelta(minutes=rng.randrange(span))
            while not 7 <= published_at.astimezone(MOSCOW).hour < 23:
                published_at = FIRST_STORY_AT + timedelta(minutes=rng.randrange(span))
            kind = order[i]
            for _attempt in range(50):
                story = write_story(
                    kind, rng, published_at, weekdays=weekdays, decimal=decimal
                )
                if story["title"] not in titles:
                    break
                kind = rng.choice(kinds)
            else:
                raise RuntimeError(f"Too few distinct titles for section {slug}.")
            titles.add(story["title"])
            covering = [a[0] for a in AUTHORS if slug in a[3]]
            bylines = []
            if covering and rng.random() < 0.5:
                two = rng.random() < 0.15 and len(covering) > 1
                bylines = rng.sample(covering, 2 if two else 1)
            story.update(
                section=slug,
                published_at=published_at.astimezone(MOSCOW),
                source_credit=rng.choice(sources),
                authors=bylines,
                # The Russian edition's stories go without pictures: the demo
                # stays quick to load.
                has_image=language == "en" and rng.random() < 0.34,
                language=language,
            )
            articles.append(story)
    return articles


def write_story(kind, rng, published_at, *, weekdays=WEEKDAYS, decimal="."):
    """One story from a template: title, lead, paragraphs, place and tags."""
    values = {"day": weekdays[published_at.astimezone(MOSCOW).weekday()]}
    for key, options in kind["words"].items():
        first, second = rng.sample(options, 2) if len(options) > 1 else options * 2
        names = key.split(",")
        if len(names) == 1:
            first, second = (first,), (second,)
        for name, one, other in zip(names, first, second, strict=True):
            values[name], values[f"{name}2"] = one, other
    for key, (low, high) in kind.get("numbers", {}).items():
        if isinstance(low, float):
            values[key] = f"{rng.uniform(low, high):.1f}".replace(".", decimal)
        else:
            values[key] = rng.randint(low, high)
            values[f"{key}_words"] = (
                NUMBER_WORDS[values[key]] if values[key] < 10 else values[key]
            )
    title = rng.choice(kind["titles"]).format(**values)
    lead = kind["lead"].format(**values)
    body = kind["body"]
    picked = sorted(rng.sample(range(len(body)), rng.randint(2, len(body))))
    paragraphs = [lead] + [body[i].format(**values) for i in picked]
    return {
        "slug": slugify_title(title),
        "title": title,
        "lead": lead,
        "paragraphs": paragraphs[:6],
        "dateline_place": values["place"],
        "tags": kind["tags"][:4],
        "caption": kind["caption"].format(**values),
    }
