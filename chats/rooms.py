"""A chat room is an article's or a section's: not a table of its own, just
a view of the target that names its channel-layer group and its URLs."""

from dataclasses import dataclass

from django.urls import reverse

from articles import editions
from articles.models import Article, Section


@dataclass(frozen=True)
class Room:
    kind: str  # "article" or "section", the ChatMessage field naming the room
    target: Article | Section

    @property
    def group_name(self):
        return f"chat.{self.kind}.{self.target.pk}"

    @property
    def is_open(self):
        """Article rooms close with the article's discussion; sections stay open."""
        return self.kind == "section" or self.target.comments_open

    @property
    def page_url(self):
        if self.kind == "article":
            return self.target.get_absolute_url() + "#chat"
        return self._section_url("chats:section") + "#chat"

    @property
    def post_url(self):
        if self.kind == "article":
            return reverse("chats:article_post", args=[self.target.pk])
        return self._section_url("chats:section_post")

    def _section_url(self, name):
        # Under the section's own edition prefix, whatever page links to it.
        return editions.reverse_in(
            self.target.language, name, kwargs={"slug": self.target.slug}
        )

    @property
    def socket_path(self):
        return f"/ws/chats/{self.kind}/{self.target.pk}/"


def room_for(target):
    """The room of an article or a section."""
    return Room("article" if isinstance(target, Article) else "section", target)


def find_room(kind, pk):
    """The room a socket asks for, or None: only published articles have one."""
    if kind == "article":
        target = Article.objects.published().select_related("section")
    elif kind == "section":
        target = Section.objects.all()
    else:
        return None
    target = target.filter(pk=pk).first()
    return room_for(target) if target else None
