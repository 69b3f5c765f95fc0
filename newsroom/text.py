"""One cleaner for everything readers write that others read: comments,
display names and chat messages; and how comments and chat messages show.
They are plain text: escaped, line breaks kept, URLs made into nofollow/ugc
links. Nothing a reader writes is ever treated as HTML."""

import re
import unicodedata

from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

# Kept: line breaks and tabs; ZWJ (U+200D) and ZWNJ (U+200C), which emoji
# sequences and scripts such as Persian and the Indic ones need; variation
# selectors (not format characters). Stripped: the other C0/C1 controls,
# zero-width spaces and joiners that hide text, the bidi marks, embeddings,
# overrides and isolates that reorder it (Trojan-Source style), the BOM.
_KEEP_CONTROLS = {"\n", "\t"}
_KEEP_FORMAT = {"\u200c", "\u200d"}
_STRIP = re.compile(
    "["
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b\u200e\u200f"  # zero-width space, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # bidi isolates
    "\ufeff"  # BOM, zero-width no-break space
    "]"
)
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")


def clean_reader_text(text):
    """`text` without control, bidi-override, zero-width and BOM characters;
    Windows and Unicode line breaks become \\n. ZWJ and ZWNJ stay."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _STRIP.sub("", text)
    return "".join(
        char
        for char in text
        if char in _KEEP_CONTROLS
        or char in _KEEP_FORMAT
        or unicodedata.category(char) != "Cc"
    )


def normalize_post(text):
    """A comment or chat message cleaned (clean_reader_text), trimmed, with
    runs of blank lines collapsed to one."""
    text = clean_reader_text(text).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def render_post(text):
    """Safe HTML for a comment's or chat message's text."""
    html = urlize(text, nofollow=True, autoescape=True)
    html = html.replace('rel="nofollow"', 'rel="nofollow ugc"')
    return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308 - escaped above
