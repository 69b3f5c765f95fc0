"""The publishing core's models, by topic: sections, authors, articles with
their bylines, and the desk's records (workflow, revisions, corrections,
home page picks, editing locks), and the tag listings."""

from .articles import Article
from .authors import Author, AuthorQuerySet
from .bylines import Byline
from .desk import (
    Correction,
    CorrectionQuerySet,
    EditLock,
    HomeSlot,
    Revision,
    Transition,
)
from .queries import ArticleQuerySet, public_window
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
    "validate_section_slug",
]
