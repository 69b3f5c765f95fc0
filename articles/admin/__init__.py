"""The publishing admin, by topic; importing the modules registers them."""

from . import article, catalogue  # noqa: F401
from .editing import desk_counts

__all__ = ["desk_counts"]
