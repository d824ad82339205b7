"""What an export holds, independent of its file format.

A feature describes its export as a :class:`Sheet`: a title, facts for the head
(partners, period), the columns of the full table (CSV), a short overview table and
full-text sections (Markdown, PDF), a JSON record per row, and a manifest computed
while the rows stream. ``rows`` is a factory: formats that need a second pass (the
check list at the end) call it again, so nothing is collected in memory.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from commands.core.catalogue import Catalogue

Cell = str | int


@dataclass(frozen=True)
class Column:
    """A column: its header, its share of the PDF table width, and whether its values are
    ``plain`` – numbers, dates, ids, fixed labels that can never start like a spreadsheet
    formula, so the CSV writer need not check them (user text is never plain)."""

    header: str
    width: float = 1.0
    plain: bool = False


@dataclass(frozen=True)
class Fact:
    """One line of the head or the manifest: a JSON key, a label and a value."""

    key: str
    label: str
    value: Any  # JSON value; shown with str() in Markdown and PDF
    #: How Markdown and PDF show the value, if not as ``str(value)`` (a local time).
    shown: str | None = None

    @property
    def text(self) -> str:
        return self.shown if self.shown is not None else str(self.value)


class ExportRow(ABC):
    """One exported item in every shape the formats need, each made only when asked for.

    A CSV export asks only for :attr:`cells`, JSON for :attr:`record` and :attr:`check`:
    computing just that keeps long exports fast.
    """

    @property
    @abstractmethod
    def record(self) -> Mapping[str, Any]:
        """The JSON entry."""

    @property
    @abstractmethod
    def cells(self) -> tuple[Cell, ...]:
        """The full table (CSV), one value per ``Sheet.columns``."""

    @property
    @abstractmethod
    def brief(self) -> tuple[str, ...]:
        """The overview table (Markdown, PDF), one value per ``Sheet.brief``."""

    @property
    @abstractmethod
    def check(self) -> tuple[Cell, ...]:
        """The check list (Markdown, PDF, JSON manifest), one value per ``Sheet.checks``."""

    @property
    def heading(self) -> str:
        """The title of this item's full-text section (Markdown, PDF)."""
        return ""

    @property
    def body(self) -> str:
        """The full text; the section is left out when it is empty."""
        return ""


@dataclass(frozen=True)
class Labels:
    """Words of the formats themselves, from the catalogue."""

    texts_title: str
    manifest_title: str
    checks_title: str
    page: str  # "Seite {page} von {pages}"
    empty: str

    @classmethod
    def of(cls, texts: Catalogue, *, texts_title: str | None = None) -> Labels:
        return cls(
            texts_title=texts_title or texts.t("export.texts_title"),
            manifest_title=texts.t("export.manifest_title"),
            checks_title=texts.t("export.checks_title"),
            page=texts.t("export.page", page="{page}", pages="{pages}"),
            empty=texts.t("export.empty_cell"),
        )


RowSource = Callable[[], AsyncIterator[ExportRow]]
#: CSV records (``csv_text.record``), a chunk at a time, for sheets too long to go
#: through ``cells`` row by row; they must equal ``csv_text.line(row.cells, check)`` with
#: ``check`` the positions of the columns that are not ``plain``.
RecordSource = Callable[[], AsyncIterator[list[str]]]


@dataclass
class Sheet:
    """An export, ready to be written in any format."""

    name: str  # file name stem
    kind: str  # JSON ``format`` field, e.g. "koopbot.beschlussprotokoll"
    title: str
    facts: list[Fact]
    columns: tuple[Column, ...]
    brief: tuple[Column, ...]
    checks: tuple[Column, ...]
    check_keys: tuple[str, ...]  # JSON keys of the check list entries
    rows: RowSource
    manifest: Callable[[], list[Fact]]  # read after one full pass over ``rows``
    labels: Labels
    meta: dict[str, Any] = field(default_factory=dict)  # JSON head (structured facts)
    records: RecordSource | None = None  # the CSV rows made directly (see RecordSource)
