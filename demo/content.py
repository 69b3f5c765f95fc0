"""The demo's data files, read into plain dicts (no database).

sections.json maps each edition's language to its sections in masthead order.
An article's first paragraph is its lead, as on the reference page; an
article is published unless it says otherwise, and has a picture when it
has an image_caption. Articles are listed in the order they are created, so
every load numbers the rows alike.
"""

import functools
import json
from datetime import datetime
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def read(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def sections():
    """(language, section dict) pairs, each edition in masthead order."""
    return [
        (language, section)
        for language, edition in read("sections.json").items()
        for section in edition
    ]


def colour(language, slug):
    """A section's masthead colour, for the pictures drawn in its name."""
    edition = read("sections.json")[language]
    return tuple(next(s["colour"] for s in edition if s["slug"] == slug))


def authors():
    return read("authors.json")


def articles():
    """Every article of both editions, English first, with its language."""
    stories = []
    for language in ("en", "ru"):
        for story in read(f"articles-{language}.json"):
            published_at = story["published_at"]
            stories.append(
                {
                    **story,
                    "language": language,
                    "lead": story["paragraphs"][0],
                    "published_at": published_at
                    and datetime.fromisoformat(published_at),
                }
            )
    return stories
