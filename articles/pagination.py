from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator


class CappedPaginator(Paginator):
    """Counts at most `cap` rows, so a section of a million articles costs an
    index walk of `cap` entries instead of a full COUNT. Deeper pages of the
    archive are reached through the date archives and search."""

    def __init__(self, object_list, per_page, *, cap=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap or settings.PAGINATION_MAX_ROWS

    @cached_property
    def count(self):
        # Bare keys, no ordering: the database may start from the most
        # selective index (a tag's rows, say) instead of the ordered one.
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @property
    def is_capped(self):
        """True when there are more rows than were counted."""
        return self.count > self.cap

    @cached_property
    def num_pages(self):
        return super().num_pages if not self.is_capped else self.cap // self.per_page


def paginate(request, rows, *, per_page=None, param="page"):
    """The requested page of `rows` (any ?page= value copes)."""
    paginator = CappedPaginator(rows, per_page or settings.ARTICLES_PER_PAGE)
    return paginator.get_page(request.GET.get(param))
