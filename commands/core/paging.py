"""Where one page of a counted list stands: ``seite=`` in, the "more" line out.

The lists that page (``!infos``, ``!branche suche``, ``!pm suche``, ``!beschlüsse``) count
their matches only up to a bound (:func:`storage.search.bound`: 200, or the end of the
page asked for) and one more, so a long archive is not read through for every page. A count
above the bound means "über"; a page that ends exactly at the bound knows there is more but
not how much.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage import search


@dataclass(frozen=True)
class Page:
    """Page ``number`` (from 1) of ``size`` entries of a list, ``total`` as counted."""

    number: int
    size: int
    total: int = 0

    @staticmethod
    def first_of(number: int | None, size: int) -> int:
        """The offset of page ``number`` (None: the first)."""
        return ((number or 1) - 1) * size

    @property
    def offset(self) -> int:
        return self.first_of(self.number, self.size)

    @property
    def bound(self) -> int:
        return search.bound(self.offset, self.size)

    @property
    def many(self) -> bool:
        """More matches than were counted: a list says "über {counted}"."""
        return self.total > self.bound

    @property
    def counted(self) -> int:
        return self.bound if self.many else self.total

    @property
    def pages(self) -> int:
        return -(-self.total // self.size)

    def more(self, key: str, shown: int) -> tuple[str, int] | None:
        """The catalogue key of the line under a page of ``shown`` entries and how many
        older ones it names: ``key`` (counted), ``key_many`` (more than that),
        ``key_uncounted`` (the page ends at the bound), None on the last page."""
        end = self.offset + shown
        if self.counted > end:
            return (f"{key}_many" if self.many else key), self.counted - end
        if self.many:
            return f"{key}_uncounted", 0
        return None
