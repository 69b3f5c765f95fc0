"""The publishing core's models, by topic: sections, authors, articles with
their bylines, and the desk's records (workflow, revisions, corrections,
home page picks, editing locks), and the tag listings."""

from .articles import Article, ArticleQuerySet, Byline, public_window, unique_slug
from .authors import Author, AuthorQuerySet
from .desk import (
    Correction,
    CorrectionQuerySet,
    EditLock,
    HomeSlot,
    Revision,
    Transition,
)
from .sections import RESERVED_SLUGS, Section, SectionQuerySet, validate_section_slug
from .tags import TagListing, TagListingQuerySet

__all__ = [
    "RESERVED_SLUGS",
    "Article",
    "ArticleQuerySet",
    "Author",
    "AuthorQuerySet",
    "Byline",
    "Correction",
    "CorrectionQuerySet",
    "EditLock",
    "HomeSlot",
    "Revision",
    "Section",
    "SectionQuerySet",
    "TagListing",
    "TagListingQuerySet",
    "Transition",
    "public_window",
    "unique_slug",
    "validate_section_slug",
]
