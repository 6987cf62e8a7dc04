"""The table stage: rows of cells into the cells of tables 2, 3 and 4.

Rows are found by their labels wherever the layout put them (:mod:`._rows`), then their values
are placed in their columns (:mod:`._place`). Values never come from outside their row, and a
number is never joined, nor split but by the balance rules (:mod:`._runs`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from disclosure_report.reading._detached import regroup
from disclosure_report.reading._notes import Location, NoteCode, ReadingNote
from disclosure_report.reading._place import (
    BLANK,
    Context,
    ReadCell,
    cells_of,
    place,
    table3_check,
    table4_check,
)
from disclosure_report.reading._rows import (
    ExtraRow,
    Occurrence,
    Rows,
    collect_rows,
    collect_values,
)
from disclosure_report.reading._runs import Runs
from disclosure_report.reading._source_layout import Cell, Row
from disclosure_report.reading._vocabulary import Matcher, RowSpec


__all__ = ["ReadCell", "TableRead", "read_row_table", "read_table4"]

_TABLE3 = 3


@attrs.frozen
class TableRead:
    """A table of the format as read.

    Attributes:
        number: 2, 3 or 4.
        found: Whether the table was found (its labels, if not its values).
        rows: Every data row of the format, in printed order, with its cells.
        extra_rows: Rows printed with values that the format does not have (see
            :class:`~._rows.ExtraRow`), in printed order.
    """

    number: int
    found: bool
    rows: tuple[tuple[RowSpec, tuple[ReadCell, ...]], ...]
    extra_rows: tuple[ExtraRow, ...] = ()

    def cell(self, row: str, column: str) -> ReadCell:
        """The cell at *row* (a model path) and *column* (a model column name)."""
        for spec, cells in self.rows:
            if spec.key == row:
                for cell in cells:
                    if cell.column.key == column:
                        return cell
        raise KeyError((row, column))


def read_row_table(
    rows: Sequence[Row],
    specs: tuple[RowSpec, ...],
    matcher: Matcher,
    context: Context,
    version: str | None = None,
) -> TableRead:
    """Read table 2 or 3 (``context.number``) from *rows*, the region that holds it; with the
    format *version*, cells that ran together are split by its rules (:mod:`._runs`)."""
    found = collect_rows(rows, matcher, context.number, context.notes, regroup)
    data = [spec for spec in specs if not spec.is_group]
    last = _last_present(data, found)
    _note_missing(data, found, last, context)
    check = table3_check if context.number == _TABLE3 else None
    # Without a row of data, what placing would say of the empty rows is already said above.
    notes = context.notes if found.found else []
    runs = Runs.of(context.number, version, notes)
    row_context = attrs.evolve(context, notes=notes, check=check, runs=runs)
    result: list[tuple[RowSpec, tuple[ReadCell, ...]]] = []
    for spec in data:
        occurrence = found.found.get(spec.key) or found.empty.get(spec.key)
        cells = _blank(spec) if occurrence is None else place(occurrence, spec.columns, row_context)
        result.append((spec, cells))
    if runs is not None and runs.pending:
        # Rows whose runs the row alone leaves open: the column rules across the table decide.
        counts = {spec.key: tuple(_count(cell) for cell in cells) for spec, cells in result}
        for key, placed in runs.finish(counts).items():
            at = next(i for i, (spec, _) in enumerate(result) if spec.key == key)
            spec = result[at][0]
            result[at] = (spec, cells_of(spec.columns, placed, row_context, key))
    return TableRead(context.number, bool(found.found or found.empty), tuple(result), found.extra)


def read_table4(
    rows: Sequence[Row],
    specs: tuple[RowSpec, ...],
    matcher: Matcher,
    notes: list[ReadingNote],
    version: str | None = None,
) -> TableRead:
    """Read table 4, whose rows are *specs*, from *rows*: the values of the rows after its
    header, in order (the format prints its rows side by side, as one row of cells)."""
    values, label, header_seen = collect_values(rows, matcher)
    if not values:
        blank = tuple((spec, _blank(spec)) for spec in specs)
        if header_seen:
            why = "the table's headers are printed but none of its cells; all are left blank"
            notes.append(ReadingNote(NoteCode.ROW_SHORT, Location(section=4), why))
        return TableRead(4, found=header_seen, rows=blank)
    anchor = label or values[0]
    spec = _table4_row(specs)
    occurrence = Occurrence(
        spec,
        anchor.cell if label else Cell("", anchor.cell.line),
        anchor.row,
        values,
    )
    one_line = all(v.row is values[0].row for v in values)
    context = Context(4, notes, table4_check, runs=Runs.of(4, version, notes))
    placed = place(occurrence, spec.columns, context, one_line=one_line)
    result: list[tuple[RowSpec, tuple[ReadCell, ...]]] = []
    start = 0
    for row in specs:
        result.append((row, placed[start : start + len(row.columns)]))
        start += len(row.columns)
    return TableRead(4, found=True, rows=tuple(result))


def _count(cell: ReadCell) -> int | None:
    """The count of *cell*, ``None`` when it holds none (blank, a mark, an amount)."""
    number = cell.value.number
    if cell.value.kind != "number" or number is None or number != number.to_integral_value():
        return None
    return int(number)


_TABLE4_ROWS: dict[tuple[RowSpec, ...], RowSpec] = {}


def _table4_row(specs: tuple[RowSpec, ...]) -> RowSpec:
    """Table 4's rows as the one row of cells they are printed as (made once per version)."""
    row = _TABLE4_ROWS.get(specs)
    if row is None:
        columns = tuple(column for spec in specs for column in spec.columns)
        row = _TABLE4_ROWS[specs] = RowSpec("table4", "", columns)
    return row


_BLANK_ROWS: dict[RowSpec, tuple[ReadCell, ...]] = {}


def _blank(spec: RowSpec) -> tuple[ReadCell, ...]:
    """The cells of a row that was not read (immutable, so made once per row)."""
    cells = _BLANK_ROWS.get(spec)
    if cells is None:
        cells = _BLANK_ROWS[spec] = tuple(ReadCell(c, BLANK) for c in spec.columns)
    return cells


def _last_present(data: list[RowSpec], found: Rows) -> int:
    present = [
        i for i, spec in enumerate(data) if spec.key in found.found or spec.key in found.empty
    ]
    return present[-1] if present else -1


def _note_missing(data: list[RowSpec], found: Rows, last: int, context: Context) -> None:
    number, notes = context.number, context.notes
    if not found.found:
        if found.empty:
            why = "the table's row labels are printed but none of its cells; all are left blank"
            notes.append(ReadingNote(NoteCode.ROW_SHORT, Location(section=number), why))
        return
    groups = tuple(row.group + "." for row in found.extra if row.group is not None)
    for spec in data[:last]:
        if spec.key not in found.found and spec.key not in found.empty:
            where = Location(section=number, cell=(spec.key, "*"))
            why = "row not found; its cells are left blank"
            if spec.key.startswith(groups):
                why = (
                    "row not printed: the report prints its group as one row, whose values are"
                    " set aside (an extra row); its cells are left blank"
                )
            notes.append(ReadingNote(NoteCode.ROW_MISSING, where, why, spec.label))
    if last < len(data) - 1:
        first = data[last + 1]
        why = f"the table ends early: its last {len(data) - 1 - last} rows are not found; their cells are left blank"
        notes.append(
            ReadingNote(
                NoteCode.ROW_MISSING,
                Location(section=number, cell=(first.key, "*")),
                why,
                first.label,
            )
        )
