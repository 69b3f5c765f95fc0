"""The allow-list for article bodies. Server-side sanitizing is the only
authority: whatever an editor pastes is cleaned here on save."""

import re

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "q",
    "cite",
    "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "q": {"cite"}}
URL_SCHEMES = {"http", "https", "mailto"}
BLOCK_TAG = re.compile(r"<\s*(p|h[2-4]|ul|ol|blockquote)\b", re.IGNORECASE)


def sanitize_html(html):
    """Clean editor HTML down to the allow-list; no script, handler or js: URL."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def paragraphs_from_text(text):
    """Plain pasted copy (no block tags) becomes one <p> per blank-line block."""
    if BLOCK_TAG.search(text or ""):
        return text
    blocks = [
        b.strip() for b in re.split(r"\n\s*\n", (text or "").strip()) if b.strip()
    ]
    return "".join(f"<p>{b.replace(chr(10), '<br>')}</p>" for b in blocks)


def clean_body(html):
    """What an article body is stored as: paragraphs, sanitized."""
    return sanitize_html(paragraphs_from_text(html))
