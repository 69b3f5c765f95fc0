"""Revisions of an article's text: recording, comparing and restoring."""

import difflib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from .models import Article, Revision

# (field, label) compared between two revisions, in the order shown.
DIFF_FIELDS = [
    (name, capfirst(Revision._meta.get_field(name).verbose_name))
    for name in [*Article.VERSIONED_FIELDS, "tags", "authors"]
]
# The diff shown to readers: the fields whose change they are told about.
PUBLIC_DIFF_FIELDS = [
    (name, label) for name, label in DIFF_FIELDS if name in Article.PUBLIC_FIELDS
]
BLOCK_END = re.compile(r"</(p|h[2-4]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def record_revision(*, article, by, note=""):
    """Keep the article's current text, tags and bylines as a new revision."""
    bylines = article.bylines.select_related("author").order_by("position", "id")
    return Revision.objects.create(
        article=article,
        **{name: getattr(article, name) for name in Article.VERSIONED_FIELDS},
        tags=sorted(article.tags.names()),
        authors=[[b.author_id, b.author.name] for b in bylines],
        # Saved under published status (live, or scheduled to go live): the
        # text readers get, and what the readers' diff compares.
        is_public=article.status == article.Status.PUBLISHED,
        note=note,
        user=by,
    )


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


def link_corrections(*, corrections, revision):
    """Point new corrections at the public versions before and after them."""
    if not revision.is_public:
        return
    before = (
        Revision.objects.filter(
            article_id=revision.article_id, is_public=True, id__lt=revision.id
        )
        .order_by("-id")
        .first()
    )
    for correction in corrections:
        correction.before, correction.after = before, revision
        correction.save(update_fields=["before", "after"])
