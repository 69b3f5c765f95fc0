"""The publishing core's admin: sections, authors, home page picks. The
article admin is the desk's (desk/admin/)."""

from . import catalogue  # noqa: F401
