"""Word diffs of two versions of an article's text: the desk's revisions
page and the readers' correction page compare two revisions with them."""

import difflib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from .models import Article

# (field, label) compared between two revisions, in the order shown.
DIFF_FIELDS = [
    (name, capfirst(Article._meta.get_field(name).verbose_name))
    for name in [*Article.VERSIONED_FIELDS, "tags", "authors"]
]
# The diff shown to readers: the fields whose change they are told about.
PUBLIC_DIFF_FIELDS = [
    (name, label) for name, label in DIFF_FIELDS if name in Article.PUBLIC_FIELDS
]
BLOCK_END = re.compile(r"</(p|h[2-4]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def text_of(revision, field):
    """A field of a revision as plain text: the body one paragraph a line."""
    value = getattr(revision, field)
    if field == "body":
        return strip_tags(BLOCK_END.sub("\n", value)).strip()
    if field == "tags":
        return ", ".join(value)
    if field == "authors":
        return ", ".join(revision.author_names)
    return value or ""


def diff_text(old, new):
    """Word-level diff of two texts as escaped HTML with <del> and <ins>."""
    old_words = re.split(r"(\s+)", old)
    new_words = re.split(r"(\s+)", new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        removed = escape("".join(old_words[a1:a2]))
        added = escape("".join(new_words[b1:b2]))
        if op == "equal":
            parts.append(removed)
            continue
        if removed:
            parts.append(f"<del>{removed}</del>")
        if added:
            parts.append(f"<ins>{added}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above


def diff_revisions(old, new, fields=DIFF_FIELDS):
    """[(label, html, changed)] comparing two revisions field by field."""
    rows = []
    for field, label in fields:
        before, after = text_of(old, field), text_of(new, field)
        rows.append((label, diff_text(before, after), before != after))
    return rows
