"""The printed structure of the three tables, derived once from the model.

The renderers share one description of each table, built from
:func:`~disclosure_report.table_layout` and the header labels of :mod:`disclosure_report.model`:

* :class:`Block`: a table as rows of data cells, each row and each data column with the *path*
  of labels above or beside it, outermost first. Markdown, which cannot merge cells, prints these
  paths.
* :class:`Grid`: the same table laid out as the national template prints it, with merged header
  cells (rowspan and colspan). HTML prints it as it is; plain text prints each grid row, one
  field per cell that starts in it.

Where the template puts each table's labels:

* table 二: one block per sub-table (第二十条第（X）项): a heading row spanning the table, a
  header row (``信息内容`` and the sub-table's columns), then its rows. A sub-table with fewer
  columns than the widest one stretches its last column over the rest (the 2021 template lets
  the single column of （五）（六）（八） span the three of （一）).
* table 三: the reconciliation note over the three label columns and three header rows;
  ``申请人情况`` over 自然人, 法人或其他组织 (over its five columns) and 总计; the row groups
  (``三、本年度办理结果``, ``（三）不予公开`` …) span their rows.
* table 四: the model's rows are the template's column groups: ``行政复议`` and ``行政诉讼``
  (over ``未经复议直接起诉`` and ``复议后起诉``) over the five outcomes, and one data row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import groupby
from typing import Final, Literal, TypeAlias

import attrs

from disclosure_report.model import (
    APPLICANTS_HEADER,
    INFORMATION_HEADER,
    RECONCILIATION_NOTE,
    CellSpec,
    Label,
    Report,
    table_layout,
)


__all__ = ["Block", "BlockRow", "Data", "Grid", "Head", "Section", "grids_of"]

Scope: TypeAlias = Literal["col", "colgroup", "row", "rowgroup"]


@attrs.frozen(kw_only=True)
class BlockRow:
    """A row of data cells and the labels beside it.

    Attributes:
        labels: The row's labels, outermost group first, its own label last; empty in table 四.
        cells: The row's data cells, left to right.
    """

    labels: tuple[Label, ...]
    cells: tuple[CellSpec, ...]


@attrs.frozen(kw_only=True)
class Block:
    """A table (or a sub-table of table 二) without merged cells.

    Attributes:
        heading: The sub-table's heading row (``第二十条第（一）项``), if any.
        corner: The header cell above the row labels (``信息内容``, the reconciliation note).
        columns: For each data column, the header labels above it, outermost first.
        rows: The data rows.
    """

    heading: Label | None
    corner: Label | None
    columns: tuple[tuple[Label, ...], ...]
    rows: tuple[BlockRow, ...]


@attrs.frozen(kw_only=True)
class Head:
    """A header cell of the grid.

    Attributes:
        label: What it says.
        scope: What it heads, as HTML's ``scope`` says it.
        rowspan: How many grid rows it covers.
        colspan: How many grid columns it covers.
    """

    label: Label
    scope: Scope
    rowspan: int = 1
    colspan: int = 1


@attrs.frozen(kw_only=True)
class Data:
    """A data cell of the grid.

    Attributes:
        spec: The table cell it shows.
        colspan: How many grid columns it covers (more than one in a stretched sub-table).
    """

    spec: CellSpec
    colspan: int = 1


GridRow: TypeAlias = tuple[Head | Data, ...]
"""The cells that start in one grid row, left to right; cells spanning into it are left out."""


@attrs.frozen(kw_only=True)
class Section:
    """Consecutive grid rows: the table's header (``thead``) or a body (``tbody``).

    Attributes:
        head: Whether these rows are the table's header.
        rows: The rows.
    """

    head: bool
    rows: tuple[GridRow, ...]


@attrs.frozen(kw_only=True)
class Grid:
    """A table as the template prints it, merged cells and all.

    Attributes:
        table: The table's section number: 2, 3 or 4.
        width: The number of grid columns.
        sections: The header and bodies, top to bottom.
        blocks: The same table without merged cells.
    """

    table: int
    width: int
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]

    @property
    def height(self) -> int:
        """The number of grid rows."""
        return sum(len(section.rows) for section in self.sections)


def _by_row(specs: Iterable[CellSpec]) -> list[list[CellSpec]]:
    return [list(row) for _, row in groupby(specs, key=lambda s: s.address.row)]


def _blocks_2(specs: Sequence[CellSpec]) -> tuple[Block, ...]:
    blocks = []
    for heading, part in groupby(specs, key=lambda s: s.row_groups[0]):
        rows = _by_row(part)
        blocks.append(
            Block(
                heading=heading,
                corner=INFORMATION_HEADER,
                columns=tuple((s.column_label,) for s in rows[0]),
                rows=tuple(BlockRow(labels=(row[0].row_label,), cells=tuple(row)) for row in rows),
            )
        )
    return tuple(blocks)


def _blocks_3(specs: Sequence[CellSpec]) -> tuple[Block, ...]:
    rows = _by_row(specs)
    columns = tuple(
        (APPLICANTS_HEADER,)
        + (() if s.column_group is None else (s.column_group,))
        + (s.column_label,)
        for s in rows[0]
    )
    return (
        Block(
            heading=None,
            corner=RECONCILIATION_NOTE,
            columns=columns,
            rows=tuple(
                BlockRow(labels=(*row[0].row_groups, row[0].row_label), cells=tuple(row))
                for row in rows
            ),
        ),
    )


def _blocks_4(specs: Sequence[CellSpec]) -> tuple[Block, ...]:
    columns = tuple((*s.row_groups, s.row_label, s.column_label) for s in specs)
    return (
        Block(
            heading=None,
            corner=None,
            columns=columns,
            rows=(BlockRow(labels=(), cells=tuple(specs)),),
        ),
    )


_BLOCKS: Final[dict[int, Callable[[Sequence[CellSpec]], tuple[Block, ...]]]] = {
    2: _blocks_2,
    3: _blocks_3,
    4: _blocks_4,
}


def _run(items: Sequence[tuple[Label, ...]], start: int, depth: int) -> int:
    """How many items from *start* on share the first *depth* labels of ``items[start]``."""
    prefix = items[start][:depth]
    end = start + 1
    while end < len(items) and len(items[end]) >= depth and items[end][:depth] == prefix:
        end += 1
    return end - start


def _header_rows(block: Block, label_columns: int, stretch: int) -> list[GridRow]:
    depth = max(len(path) for path in block.columns)
    rows: list[list[Head | Data]] = [[] for _ in range(depth)]
    if block.corner is not None:
        rows[0].append(Head(label=block.corner, scope="col", rowspan=depth, colspan=label_columns))
    paths = block.columns
    for level in range(depth):
        column = 0
        while column < len(paths):
            path = paths[column]
            if len(path) <= level:
                column += 1
                continue
            span = _run(paths, column, level + 1)
            leaf = level == len(path) - 1
            extra = stretch if column + span == len(paths) else 0
            rows[level].append(
                Head(
                    label=path[level],
                    scope="col" if leaf else "colgroup",
                    rowspan=depth - level if leaf else 1,
                    colspan=span + extra,
                )
            )
            column += span
    return [tuple(row) for row in rows]


def _body_rows(block: Block, label_columns: int, stretch: int) -> list[GridRow]:
    labels = [row.labels for row in block.rows]
    rows: list[GridRow] = []
    for index, row in enumerate(block.rows):
        cells: list[Head | Data] = []
        for level in range(len(row.labels) - 1):
            if index > 0 and labels[index - 1][: level + 1] == row.labels[: level + 1]:
                continue
            cells.append(
                Head(
                    label=row.labels[level],
                    scope="rowgroup",
                    rowspan=_run(labels, index, level + 1),
                )
            )
        if row.labels:
            cells.append(
                Head(
                    label=row.labels[-1],
                    scope="row",
                    colspan=label_columns - len(row.labels) + 1,
                )
            )
        last = len(row.cells) - 1
        cells.extend(
            Data(spec=spec, colspan=1 + (stretch if i == last else 0))
            for i, spec in enumerate(row.cells)
        )
        rows.append(tuple(cells))
    return rows


def _grid(table: int, blocks: tuple[Block, ...]) -> Grid:
    label_columns = max(max(len(r.labels) for r in b.rows) for b in blocks)
    data_columns = max(len(b.columns) for b in blocks)
    width = label_columns + data_columns
    sections: list[Section] = []
    for block in blocks:
        stretch = data_columns - len(block.columns)
        header = _header_rows(block, label_columns, stretch)
        body = _body_rows(block, label_columns, stretch)
        if block.heading is None:
            sections.append(Section(head=True, rows=tuple(header)))
            sections.append(Section(head=False, rows=tuple(body)))
        else:
            heading: GridRow = (Head(label=block.heading, scope="rowgroup", colspan=width),)
            sections.append(Section(head=False, rows=(heading, *header, *body)))
    return Grid(table=table, width=width, sections=tuple(sections), blocks=blocks)


_GRIDS: dict[type, tuple[Grid, ...]] = {}


def grids_of(report_class: type[Report]) -> tuple[Grid, ...]:
    """The grids of tables 二, 三 and 四 of *report_class*, computed on first use per class.

    Any report class works (a format version registered after import too): the grids come from
    its :func:`~disclosure_report.table_layout`, labelled as its version labels them.
    """
    cached = _GRIDS.get(report_class)
    if cached is not None:
        return cached
    specs = table_layout(report_class)
    grids = tuple(
        _grid(table, _BLOCKS[table]([s for s in specs if s.address.table == table]))
        for table in _BLOCKS
    )
    _GRIDS[report_class] = grids
    return grids
