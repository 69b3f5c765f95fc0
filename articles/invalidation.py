"""Which content keys (cachekeys.py) a change of the publishing models bumps,
each rule written once.

`connect()` (ArticlesConfig.ready) ties the rules to the models' signals,
so every ORM save and delete is covered: the admin's forms, inlines and
actions, the workflow's services, revisions, the demo loader. Writes that
bypass signals (QuerySet.update(), bulk_create()) call `changed()` or
`articles_changed()` themselves. freshness.bump() waits for the commit.
"""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from mediabank.models import GalleryItem, Image
from newsroom import freshness

from . import cachekeys
from .models import Article, Author, Byline, Correction, HomeSlot, Section

UNKNOWN = object()


def lists_in_edition(status):
    """Whether an article in `status` is or may be in its edition's lists
    (a deferred, unknown status counts as yes)."""
    return status is UNKNOWN or status in Article.EDITION_STATUSES


def article_keys(article):
    """The keys a change of `article` bumps: its own page; its edition's
    lists when it is in them before or after the change (also the edition it
    left); and, when it is linked to or unlinked from an original, every
    version of that original (both editions' hreflang)."""
    stored = getattr(article, "stored_state", None)
    if stored is None and article._state.adding:
        stored = {"status": None, "translation_of_id": None}
    stored = stored or {}
    keys = [cachekeys.article(article.pk)]
    was = stored.get("status", UNKNOWN)
    if lists_in_edition(was) or lists_in_edition(article.status):
        languages = {article.language, stored.get("language", article.language)}
        keys += [cachekeys.edition(language) for language in sorted(languages)]
    was_original = stored.get("translation_of_id", UNKNOWN)
    if was_original != article.translation_of_id:
        keys += [
            cachekeys.article(pk)
            for pk in versions_of(
                {article.translation_of_id, was_original} - {None, UNKNOWN}
            )
        ]
    return keys


def versions_of(original_ids):
    """The ids of the originals `original_ids` and of all their translations
    (one query): every version's page links to every other (hreflang)."""
    if not original_ids:
        return []
    translations = Article.objects.filter(translation_of__in=original_ids)
    return sorted({*original_ids, *translations.values_list("pk", flat=True)})


def keys_of_article_id(pk, article=None):
    """article_keys() of the article `pk` for a change of a row it owns
    (a byline, a tag, a correction, a home page pick); `article` is the
    instance when it is loaded, else its status and edition are read."""
    if article is None:
        article = (
            Article.objects.filter(pk=pk)
            .only("status", "language", "translation_of_id")
            .first()
        )
    if article is None:  # deleted with what it owned
        return [cachekeys.article(pk)]
    keys = [cachekeys.article(pk)]
    if lists_in_edition(article.status):
        keys.append(cachekeys.edition(article.language))
    return keys


def image_keys(image_pk):
    """The keys of every page showing the library image `image_pk`: the
    articles using it as main image, in their gallery or in a post of their
    live story (their pages, and their edition's lists when listed) and the
    authors it portrays (one query each)."""
    articles = (
        Article.objects.filter(
            Q(image=image_pk)
            | Q(gallery_items__image=image_pk)
            | Q(live_story__posts__image=image_pk)
        )
        .distinct()
        .only("status", "language")
    )
    keys = []
    for article in articles:
        keys += keys_of_article_id(article.pk, article)
    authors = Author.objects.filter(photo=image_pk).values_list("pk", flat=True)
    keys += [cachekeys.author(pk) for pk in authors]
    return keys


def owner(instance, field="article"):
    """The article `instance` belongs to when it is loaded, else None."""
    descriptor = getattr(type(instance), field)
    return getattr(instance, field) if descriptor.is_cached(instance) else None


def changed(obj):
    """Bump the keys of `obj`, a changed row of the publishing models."""
    if isinstance(obj, Article):
        freshness.bump(*article_keys(obj))
        obj.remember_state()
    elif isinstance(obj, Section):
        freshness.bump(cachekeys.section(obj.pk), cachekeys.menu(obj.language))
    elif isinstance(obj, Author):
        freshness.bump(cachekeys.author(obj.pk))
    elif isinstance(obj, Tag):
        freshness.bump(cachekeys.tag(obj.pk))
    elif isinstance(obj, Byline | Correction | HomeSlot | GalleryItem):
        freshness.bump(*keys_of_article_id(obj.article_id, owner(obj)))
    elif isinstance(obj, Image) and obj.pk is not None:
        freshness.bump(*image_keys(obj.pk))


def articles_changed(articles):
    """Bump the keys of `articles`, changed by QuerySet.update() or in bulk."""
    freshness.bump(*(key for article in articles for key in article_keys(article)))
    for article in articles:
        article.remember_state()


def _on_save_or_delete(sender, instance, **kwargs):
    changed(instance)


def _on_tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Article):
        freshness.bump(*keys_of_article_id(instance.pk, instance))
    elif isinstance(instance, Tag):
        freshness.bump(cachekeys.tag(instance.pk))


def connect():
    """Connect the rules to the signals of every model they cover."""
    for model in (
        Article,
        Section,
        Author,
        Tag,
        Byline,
        Correction,
        HomeSlot,
        Image,
        GalleryItem,
    ):
        uid = f"articles.invalidation.{model.__name__}"
        post_save.connect(_on_save_or_delete, sender=model, dispatch_uid=uid)
        post_delete.connect(_on_save_or_delete, sender=model, dispatch_uid=uid)
    m2m_changed.connect(
        _on_tags_changed,
        sender=Article.tags.through,
        dispatch_uid="articles.invalidation.tags",
    )
