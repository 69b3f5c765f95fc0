"""Comments are plain text: escaped, line breaks kept, URLs made into
nofollow/ugc links. Nothing a reader writes is ever treated as HTML."""

import re

from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from newsroom.text import clean_reader_text

URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)


def count_links(text):
    """How many URLs a comment carries."""
    return len(URL.findall(text or ""))


def render_comment(text):
    """Safe HTML for a comment's text."""
    html = urlize(text, nofollow=True, autoescape=True)
    html = html.replace('rel="nofollow"', 'rel="nofollow ugc"')
    return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308 - escaped above


def normalize(text):
    """Clean a comment (newsroom.text), trim it, collapse runs of blank lines."""
    text = clean_reader_text(text).strip()
    return re.sub(r"\n{3,}", "\n\n", text)
