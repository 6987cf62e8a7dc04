"""Values in cells merged across columns, placed by the header columns they sit under.

An HTML table (``colspan``) or a Word table (``w:gridSpan``) may merge a value's cell across
several grid columns: a row of one column printed in the grid of a wider sub-table (the 2021
``本年处理决定数量`` under three columns), or a value spread over two of a row's columns. Where
the table's header names the row's columns at their grid columns, each value goes to the one
column of the row that it sits under. A value under several of the row's columns is in none of
them for certain: :func:`by_header` reports it, and its columns stay blank. Columns of the header
that the row does not have (another version's, or another row's) hold nothing of it: the format
decides, so a value merged over one of the row's columns and one it lacks is that column's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from disclosure_report.reading._normalize import split_label
from disclosure_report.reading._source_layout import Cell, Row
from disclosure_report.reading._vocabulary import ColumnSpec


__all__ = ["HeaderCell", "by_header", "grid_header"]


class HeaderCell(NamedTuple):
    """A header cell of a table's grid: the grid columns ``[start, stop)`` it covers, and the
    core of its label (:func:`~._normalize.split_label`)."""

    start: int
    stop: int
    core: str


class Placed(NamedTuple):
    """Where each value of a row goes: for each of the row's columns, the index of its value
    (``None``: blank); and the indices of the values under several of the row's columns."""

    columns: list[int | None]
    spanning: list[int]


def grid_header(row: Row) -> tuple[HeaderCell, ...]:
    """The header cells of *row*, a row of an HTML or Word table's grid."""
    return tuple(
        HeaderCell(c.column, c.column + c.span, split_label(c.text).core)
        for c in row.cells
        if c.text
    )


def by_header(
    cells: Sequence[Cell],
    columns: Sequence[ColumnSpec],
    header: Sequence[HeaderCell],
    blank: Sequence[bool],
) -> Placed | None:
    """Place the values *cells* of a row in its *columns* by the grid columns of the *header*
    cells above them (*blank*: which of the values are blank). ``None`` when the header does
    not name the row's columns, or a value sits under none of them or shares one with another
    value: then the grid says nothing for certain, and the row is placed as printed."""
    ranges = _ranges(columns, header)
    if ranges is None:
        return None
    placed: list[int | None] = [None] * len(columns)
    spanning: list[int] = []
    for index, cell in enumerate(cells):
        stop = cell.column + cell.span
        under = [k for k, (start, end) in enumerate(ranges) if cell.column < end and start < stop]
        if blank[index]:
            continue
        if not under:
            return None
        if len(under) > 1:
            spanning.append(index)
        elif placed[under[0]] is not None:
            return None
        else:
            placed[under[0]] = index
    return Placed(placed, spanning)


def _ranges(
    columns: Sequence[ColumnSpec], header: Sequence[HeaderCell]
) -> list[tuple[int, int]] | None:
    """The grid columns of each of *columns* in *header*: by their labels, or, where the
    header prints as many cells after the first (``信息内容``) as the row has columns, in order."""
    by_core = {cell.core: (cell.start, cell.stop) for cell in header}
    found = [by_core.get(split_label(column.label).core) for column in columns]
    if all(r is not None for r in found):
        return [r for r in found if r is not None]
    values = header[1:]
    if len(values) == len(columns):
        return [(cell.start, cell.stop) for cell in values]
    return None
