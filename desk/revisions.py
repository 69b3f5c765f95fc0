"""Revisions of an article's text: recording them, and pointing new
corrections at the public ones (restoring one is a save: services.py)."""

from articles.models import Article

from .models import Revision


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
