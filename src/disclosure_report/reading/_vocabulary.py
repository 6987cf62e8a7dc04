"""The labels that the reader matches: the model's own, in the format's official wording.

Rows, columns and groups of rows come from :func:`~disclosure_report.table_layout` of each report
class, the header cells that no field carries from :mod:`disclosure_report.model._headers`, all in
the official Chinese of the 2019 and 2021 notices (:func:`~disclosure_report.translate` to
``zh_Hans``). Row and column keys are the model's field paths (``article_20_1.rules``,
``outcomes.withheld.state_secret``, ``natural_persons`` …).

What the reader adds is its own knowledge of published reports: how a printed label is matched to
these (:class:`Matcher`, and the variants and normalisation of :mod:`._normalize`), and how a
sub-table heading of table 2 or the caption of table 3 is recognised.
"""

from __future__ import annotations

import functools
import re

from collections.abc import Iterable
from typing import Final, Literal

import attrs

from disclosure_report.i18n import translate
from disclosure_report.model import (
    CellKind as ModelCellKind,
)
from disclosure_report.model import (
    CellSpec,
    Report,
    Report2019,
    Report2021,
    table_layout,
)
from disclosure_report.model._headers import (
    APPLICANTS_HEADER,
    INFORMATION_HEADER,
)
from disclosure_report.model._labels import Label
from disclosure_report.reading._normalize import Split, fold, split_label


__all__ = [
    "AMOUNT_HEADERS",
    "APPLICANTS_HEADERS",
    "ARTICLE_ITEMS",
    "INFORMATION_HEADERS",
    "ONLY_ROWS",
    "TABLE2",
    "TABLE2_HEADERS",
    "TABLE3",
    "TABLE3_HEADERS",
    "TABLE4_COLUMNS",
    "TABLE4_HEADERS",
    "TABLE4_ROWS",
    "ColumnSpec",
    "Matcher",
    "RowSpec",
    "Version",
    "article_heading",
    "header_cores",
    "is_table3_caption",
]

Version = Literal["2019", "2021"]
CellKind = Literal["count", "signed", "amount"]

_CLASSES: Final[dict[Version, type[Report]]] = {
    "2019": Report2019,
    "2021": Report2021,
}
_KINDS: Final[dict[ModelCellKind, CellKind]] = {
    ModelCellKind.COUNT: "count",
    ModelCellKind.SIGNED_COUNT: "signed",
    ModelCellKind.AMOUNT: "amount",
}
_LOCALE = "zh_Hans"


@attrs.frozen(cache_hash=True)
class ColumnSpec:
    """A column of a table: its model key, official label and the kind of its cells."""

    key: str
    label: str
    kind: CellKind = "count"


@attrs.frozen(cache_hash=True)
class RowSpec:
    """A row of a table.

    Attributes:
        key: The model path of the row (``outcomes.withheld.state_secret``).
        label: The official label.
        columns: The row's columns; empty for a group label that spans rows and has no cells.
        needs_number: The core alone is ambiguous (``其他``, ``总计`` are also column headers):
            the item number must match too.
    """

    key: str
    label: str
    columns: tuple[ColumnSpec, ...]
    needs_number: bool = False

    @property
    def split(self) -> Split:
        return split_label(self.label)

    @property
    def is_group(self) -> bool:
        return not self.columns


def _zh(label: Label) -> str:
    return translate(label, _LOCALE)


def header_cores(labels: Iterable[str]) -> frozenset[str]:
    """The cores of header *labels*, for :attr:`Matcher.headers`."""
    return frozenset(split_label(label).core for label in labels)


def _cells(version: Version, table: int) -> list[CellSpec]:
    return [spec for spec in table_layout(_CLASSES[version]) if spec.address.table == table]


def _table_rows(version: Version, table: int) -> tuple[RowSpec, ...]:
    """The rows of *table* in printed order, from the model.

    Table 3 prints its groups of rows (``三、本年度办理结果``, ``（三）不予公开`` …) as rows of
    their own, without cells: they become group rows, keyed by their part of the row path.
    (Table 2's groups are sub-table headings, found by :func:`article_heading`; table 4's is a
    header.) A row whose label is also a column header of the table needs its item number to
    match.
    """
    cells = _cells(version, table)
    columns = header_cores(_zh(spec.column_label) for spec in cells)
    by_row: dict[str, list[CellSpec]] = {}
    for spec in cells:
        by_row.setdefault(spec.address.row, []).append(spec)
    rows: list[RowSpec] = []
    groups: set[str] = set()
    for key, row in by_row.items():
        first = row[0]
        if table == _TABLE3:
            path = key.split(".")
            for depth, group in enumerate(first.row_groups):
                group_key = ".".join(path[: depth + 1])
                if group_key not in groups:
                    groups.add(group_key)
                    rows.append(RowSpec(group_key, _zh(group), ()))
        label = _zh(first.row_label)
        rows.append(
            RowSpec(
                key,
                label,
                tuple(
                    ColumnSpec(
                        spec.address.column,
                        _zh(spec.column_label),
                        _KINDS[spec.kind],
                    )
                    for spec in row
                ),
                needs_number=split_label(label).core in columns,
            )
        )
    return tuple(rows)


_TABLE3 = 3
_VERSIONS: Final[tuple[Version, Version]] = ("2019", "2021")

TABLE2: Final[dict[Version, tuple[RowSpec, ...]]] = {v: _table_rows(v, 2) for v in _VERSIONS}
"""Table 2 (section 二): the rows of each version in printed order, with their columns."""

TABLE3: Final[dict[Version, tuple[RowSpec, ...]]] = {v: _table_rows(v, 3) for v in _VERSIONS}
"""Table 3 (section 三): rows in printed order; group labels have no columns."""

_T2_COLUMNS = {v: {c.label for row in TABLE2[v] for c in row.columns} for v in _VERSIONS}
TABLE2_HEADERS: Final[dict[Version, frozenset[str]]] = {
    "2019": frozenset(_T2_COLUMNS["2019"] - _T2_COLUMNS["2021"]),
    "2021": frozenset(_T2_COLUMNS["2021"] - _T2_COLUMNS["2019"]),
}
"""Column headers of table 2 that belong to one version only."""

AMOUNT_HEADERS: Final = header_cores(
    c.label for v in _VERSIONS for row in TABLE2[v] for c in row.columns if c.kind == "amount"
)
"""The cores of the money columns' headers (``本年收费金额``, ``采购总金额``)."""

INFORMATION_HEADERS: Final = (_zh(INFORMATION_HEADER),)
"""The header printed above the row labels of every sub-table of table 2 (``信息内容``)."""

TABLE3_HEADERS: Final = (
    _zh(APPLICANTS_HEADER),
    *dict.fromkeys(
        label
        for spec in _cells("2021", _TABLE3) + _cells("2019", _TABLE3)
        for label in (
            _zh(spec.column_label),
            *([_zh(spec.column_group)] if spec.column_group else []),
        )
    ),
)
"""Header cells of table 3: 申请人情况, the applicant columns and their group."""

TABLE4_ROWS: Final = _table_rows("2021", 4)
"""Table 4 (section 四): one printed row of 15 cells, three groups of five (the same in both
versions)."""
TABLE4_COLUMNS: Final = TABLE4_ROWS[0].columns

TABLE4_HEADERS: Final = (
    *dict.fromkeys(
        label
        for spec in _cells("2021", 4)
        for label in (
            _zh(spec.row_label),
            *(_zh(group) for group in spec.row_groups),
            _zh(spec.column_label),
        )
    ),
)
"""Labels printed in the header of table 4: its rows, their group (行政诉讼) and its columns."""

APPLICANTS_HEADERS: Final = (_zh(APPLICANTS_HEADER),)
"""The header spanning the applicant columns of table 3 (``申请人情况``)."""


def _row_cores(version: Version) -> frozenset[str]:
    """The cores of the row and group labels of tables 2 and 3 (unambiguous ones only)."""
    return frozenset(
        spec.split.core for spec in (*TABLE2[version], *TABLE3[version]) if not spec.needs_number
    )


ONLY_ROWS: Final[dict[Version, frozenset[str]]] = {
    "2019": _row_cores("2019") - _row_cores("2021"),
    "2021": _row_cores("2021") - _row_cores("2019"),
}
"""The cores of the row labels that one format version prints and the other does not."""

_ITEM = re.compile(r"\(([一二三四五六七八九十]{1,3})\)")


def _article_items(version: Version) -> dict[str, int]:
    """The items of article 20 that table 2 of *version* has sub-tables for, by numeral
    (``第二十条第（五）项``: ``{"五": 5}``)."""
    items: dict[str, int] = {}
    for spec in _cells(version, 2):
        for group in spec.row_groups:
            match = _ITEM.search(fold(_zh(group)))
            number = split_label(match.group()).number if match else None
            if match and number is not None:
                items[match.group(1)] = number
    return items


ARTICLE_ITEMS: Final[dict[Version, frozenset[int]]] = {
    v: frozenset(_article_items(v).values()) for v in _VERSIONS
}
"""The items of article 20 with a sub-table in table 2, by format version."""
_CN: Final = {**_article_items("2019"), **_article_items("2021")}
# The heading as published: 第二十条第（五）项, with or without 第 or the parentheses.
_ARTICLE = re.compile(rf"第二十条第?\(?([{''.join(_CN)}])\)?项")
_MAX_HEADING = 40
_CACHE = 4096
_MIN_PREFIX = 4  # a shorter fragment of a label is too ambiguous to match


@functools.lru_cache(maxsize=4096)
def article_heading(text: str) -> int | None:
    """The item number of a sub-table heading of table 2 (``第二十条第（五）项`` gives 5)."""
    if len(text) > _MAX_HEADING:
        return None
    match = _ARTICLE.search(fold(text))
    return _CN[match.group(1)] if match else None


@functools.lru_cache(maxsize=4096)
def is_table3_caption(text: str) -> bool:
    """Whether *text* is the top-left cell of table 3 (``（本列数据的勾稽关系为：…）``)."""
    return "勾稽关系" in fold(text[:200])


@attrs.frozen
class Matcher:
    """Matches printed labels against a table's rows and headers.

    Attributes:
        rows: The rows to match.
        headers: Header labels of the table (matched on their core, without numbers).
    """

    rows: tuple[RowSpec, ...]
    headers: frozenset[str] = frozenset()
    _by_core: dict[str, list[RowSpec]] = attrs.field(init=False, factory=dict)
    _cache: dict[str, RowSpec | None] = attrs.field(init=False, factory=dict, eq=False)

    def __attrs_post_init__(self) -> None:
        for spec in self.rows:
            self._by_core.setdefault(spec.split.core, []).append(spec)

    def row(self, text: str) -> RowSpec | None:
        """The row whose label *text* is, or ``None``."""
        if text in self._cache:
            return self._cache[text]
        found = self._row(text)
        if len(self._cache) < _CACHE:
            self._cache[text] = found
        return found

    def _row(self, text: str) -> RowSpec | None:
        split = split_label(text)
        core = split.core
        if not core:
            return None
        exact = [spec for spec in self._by_core.get(core, ()) if _numbers_agree(split.number, spec)]
        if exact:
            return exact[0]
        if len(core) < _MIN_PREFIX:
            return None
        prefixed = [
            spec
            for spec in self.rows
            if spec.split.core.startswith(core)
            and 2 * len(core) >= len(spec.split.core)
            and _numbers_agree(split.number, spec)
        ]
        return prefixed[0] if len(prefixed) == 1 else None

    def is_header(self, text: str) -> bool:
        """Whether *text* is one of the table's header labels."""
        return split_label(text).core in self.headers


def _numbers_agree(number: int | None, spec: RowSpec) -> bool:
    if spec.needs_number:
        return number is not None and number == spec.split.number
    return number is None or spec.split.number is None or number == spec.split.number
