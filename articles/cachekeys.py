"""The names of what cached pages and fragments show (newsroom/freshness.py).

A service that changes one of these bumps its key after commit; a page or
fragment that shows one depends on its key.
"""


def edition(language):
    """Every list of the edition: home, sections, tags, authors, newsfeed,
    archives, feeds, sitemaps, related articles, search, the banner. Bumped
    when an article of the edition starts or stops being public, or a public
    article's listed fields change (title, lead, image, section, tags,
    bylines, times)."""
    return f"edition:{language}"


def menu(language):
    """The edition's masthead menu of sections."""
    return f"menu:{language}"


def article(pk):
    """One article's own page: body, corrections, translations, metadata."""
    return f"article:{pk}"


def section(pk):
    """A section's own fields: name, description, slug."""
    return f"section:{pk}"


def tag(pk):
    """A tag's own fields."""
    return f"tag:{pk}"


def author(pk):
    """An author's own fields and photo."""
    return f"author:{pk}"


def comments(article_pk):
    """An article's discussion and its comment counter; a storm of comments
    may coalesce its bumps for about a second."""
    return f"comments:{article_pk}"


def chat(kind, pk):
    """The recent messages of a chat room (chats/rooms.py): `kind` is
    "article" or "section", `pk` the target's."""
    return f"chat:{kind}:{pk}"
