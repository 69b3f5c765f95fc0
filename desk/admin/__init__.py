"""The desk's admin: the article admin (importing it registers it) and the
dashboard's counts."""

from . import article  # noqa: F401
from .editing import desk_counts

__all__ = ["desk_counts"]
