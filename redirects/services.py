"""Recording old addresses as sections and articles move.

Called from the write paths themselves (desk.services.save_article, and
save_section below for every section save), never from signals: a move is
known only by comparing the stored row with the one being saved.
"""

from django.db import transaction

from articles.models import Section

from .models import Redirect


def address_of(obj):
    """(edition, section slug, article slug) of a section or an article."""
    if isinstance(obj, Section):
        return (obj.language, obj.slug, "")
    return (obj.language, obj.section.slug, obj.slug)


def record_move(*, old, target):
    """Send the address `old` (address_of() before the save) to `target`,
    now saved, and take any redirect off the target's own address, so
    moving back never loops. Returns the redirect made, or None."""
    new = address_of(target)
    made = None
    if old is not None and old != new:
        language, section_slug, article_slug = old
        is_section = isinstance(target, Section)
        made, _ = Redirect.objects.update_or_create(
            language=language,
            section_slug=section_slug,
            article_slug=article_slug,
            defaults={
                "section": target if is_section else None,
                "article": None if is_section else target,
                "is_automatic": True,
            },
        )
    language, section_slug, article_slug = new
    standing = Redirect.objects.filter(
        language=language, section_slug=section_slug, article_slug=article_slug
    )
    if isinstance(target, Section) or target.is_readable:
        # A live page takes its address back from any redirect.
        standing.delete()
    else:
        # A draft at an old address leaves it to the article that was
        # there until it is itself public.
        standing.filter(article=target).delete()
    return made


@transaction.atomic
def save_section(*, section):
    """Save `section` (the admin's form and list edits); an old slug or
    edition keeps answering, for the section page and every article under
    it, with one 301. Returns the section."""
    old = None
    if section.pk is not None:
        stored = (
            Section.objects.select_for_update()
            .only("slug", "language")
            .filter(pk=section.pk)
            .first()
        )
        old = address_of(stored) if stored is not None else None
    section.save()
    record_move(old=old, target=section)
    return section
