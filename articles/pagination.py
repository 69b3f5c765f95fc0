from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator


class CappedPaginator(Paginator):
    """Counts at most `cap` rows, so a section of a million articles costs an
    index walk of `cap` entries instead of a full COUNT. Deeper pages of the
    archive are reached through the date archives and search.

    `keys`, the rows' primary keys in the rows' order, may come from another
    table with an index of its own (a tag's listing); by default they are
    the rows' own."""

    def __init__(self, object_list, per_page, *, cap=None, keys=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap or settings.PAGINATION_MAX_ROWS
        self.keys = keys if keys is not None else object_list.values_list("pk")

    @cached_property
    def count(self):
        # Bare keys, no ordering: the database may start from the most
        # selective index instead of the ordered one.
        return self.keys.order_by()[: self.cap + 1].count()

    @property
    def is_capped(self):
        """True when there are more rows than were counted."""
        return self.count > self.cap

    @cached_property
    def num_pages(self):
        return super().num_pages if not self.is_capped else self.cap // self.per_page

    def page(self, number):
        """Page `number`, found by walking the listing's keys alone (a covering
        index answers that) and then read whole by primary key: a deep page
        no longer reads every row it skips (issue 9)."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = self.keys[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=keys), number, self)


def paginate(request, rows, *, per_page=None, param="page", keys=None):
    """The requested page of `rows` (any ?page= value copes), found through
    `keys` when given (see CappedPaginator)."""
    paginator = CappedPaginator(rows, per_page or settings.ARTICLES_PER_PAGE, keys=keys)
    return paginator.get_page(request.GET.get(param))


def paginate_ids(number, ids, rows, *, per_page=None):
    """Page `number` (any value copes) of the ordered `ids`, holding those of
    `rows` in that order: the query that ordered them ran once, and a page's
    rows come by primary key."""
    paginator = Paginator(ids, per_page or settings.ARTICLES_PER_PAGE)
    page = paginator.get_page(number)
    found = rows.in_bulk(page.object_list)
    page.object_list = [found[pk] for pk in page.object_list if pk in found]
    return page
