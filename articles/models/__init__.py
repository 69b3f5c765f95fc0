"""The publishing core's models, by topic: sections, authors, articles with
their bylines, corrections and home page picks, and the tag listings. The
desk's records (transitions, revisions, editing locks) are in desk.models."""

from .articles import Article
from .authors import Author, AuthorQuerySet
from .bylines import Byline
from .editorial import Correction, CorrectionQuerySet, HomeSlot
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
    "HomeSlot",
    "Section",
    "SectionQuerySet",
    "TagListing",
    "TagListingQuerySet",
    "public_window",
    "validate_section_slug",
]
