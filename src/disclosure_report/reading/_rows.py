"""Assembling the rows of a table from a stream of cells, whatever the layout.

A row starts at a cell that matches one of the table's row labels and takes the values that
follow (numbers, not-applicable marks, blank cells) up to the next label. Text right after a
label, before any value, continues the label (a label broken across lines); text among the values
of the same table row is an unreadable cell; other text ends the row and may start a row that is
not part of the format (a local row, a subtotal), which is read and reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

import attrs

from disclosure_report.reading._compact import CompactRows
from disclosure_report.reading._merged import HeaderCell, grid_header
from disclosure_report.reading._notes import Location, NoteCode, ReadingNote, is_full
from disclosure_report.reading._source_layout import Cell, Row
from disclosure_report.reading._values import Value, classify
from disclosure_report.reading._vocabulary import Matcher, RowSpec, is_table3_caption


__all__ = [
    "ExtraRow",
    "Occurrence",
    "Regroup",
    "Rows",
    "Token",
    "collect_rows",
    "collect_values",
    "where",
]


@attrs.frozen
class Token:
    """A cell with its row and what it holds."""

    cell: Cell
    row: Row
    value: Value


@attrs.define
class Occurrence:
    """A row as found: its label (``spec`` is ``None`` for a row not in the format), the cells
    that continue the label, its values, and the header cells of the table's grid above it
    (HTML and Word tables: see :mod:`._merged`)."""

    spec: RowSpec | None
    label: Cell
    row: Row
    values: list[Token] = attrs.Factory(list)
    words: list[str] = attrs.Factory(list)
    header: tuple[HeaderCell, ...] = ()

    @property
    def has_data(self) -> bool:
        """Whether any value is not blank."""
        return any(t.value.kind != "blank" for t in self.values)


@attrs.frozen
class ExtraRow:
    """A row printed with values that the format does not have: kept as printed, never put
    into a cell of the format.

    A report in the 2021 format that prints ``（六）其他处理`` as one row (the 2019 row set)
    has one: its three rows in the 2021 format are left blank, and the printed values are here.

    Attributes:
        table: The report table (2 or 3).
        label: The label as printed (with its continuation lines).
        values: The row's cells as printed, in order.
        group: The model path of the group of rows that the format prints under this label
            (``outcomes.other_handling``), ``None`` for a row the format does not name at all
            (a local row, a subtotal of its own).
        where: Where the label is printed.
    """

    table: int
    label: str
    values: tuple[str, ...]
    group: str | None
    where: Location


@attrs.frozen
class Rows:
    """The rows of a table as found.

    Attributes:
        found: The first occurrence with data of each row, by row key.
        empty: Rows whose labels were found without data, by row key.
        extra: Rows with values that the format does not have, in printed order.
    """

    found: dict[str, Occurrence]
    empty: dict[str, Occurrence]
    extra: tuple[ExtraRow, ...] = ()


Regroup = Callable[[Sequence[Occurrence], Matcher, int, list[ReadingNote]], Sequence[Occurrence]]
"""Gives the rows found between two headings of a table (a block, in printed order) the
values printed apart from them (see :func:`._detached.regroup`). A block whose rows each hold
their values on their label's row has none printed apart, and is left as found: the collector
finishes such a block of rows held compactly without asking (see :class:`_Beside`)."""


def _as_found(
    block: Sequence[Occurrence], _: Matcher, __: int, ___: list[ReadingNote]
) -> Sequence[Occurrence]:
    return block


class _Labelled(NamedTuple):
    """What a row holds when it is a row of the format with its values beside its label (its
    first cell that is not empty names a row of the format, not a group, and all its other
    cells are values): that row of the format, the index of its label among its cells, whether
    a value is not blank, and how many values it has. The collector reads such a row the same way whatever
    came before it: it starts the row, and its values are the row's."""

    spec: RowSpec
    start: int
    data: bool
    width: int


class _Beside(NamedTuple):
    """A row of :class:`_Labelled` shape, the *position*-th of the rows held compactly, as found
    under the table's *header*: its occurrence is made (:meth:`_Collector.made`) only when a
    stage needs it, to keep it as found or empty, to quote it in a note, to regroup a block
    with rows that are not of such a shape, or to take the cells of the next row. A long page
    of repeated rows then makes no object for a row whose only trace is a counted note."""

    position: int
    shape: _Labelled
    header: tuple[HeaderCell, ...]


@attrs.define
class _Collector:
    matcher: Matcher
    number: int
    notes: list[ReadingNote]
    regroup: Regroup = _as_found
    rows: Sequence[Row] = ()
    found: dict[str, Occurrence] = attrs.Factory(dict)
    empty: dict[str, Occurrence] = attrs.Factory(dict)
    extra: list[ExtraRow] = attrs.Factory(list)
    pending: list[Occurrence] = attrs.Factory(list)
    block: list[Occurrence | _Beside] = attrs.Factory(list)
    current: Occurrence | None = None
    waiting: _Beside | None = None
    """The current row while it is not made (then :attr:`current` is ``None``)."""
    last: RowSpec | None = None
    header: tuple[HeaderCell, ...] = ()
    header_row: Row | None = None
    left_out: int = 0
    """Rows with values that the format does not have, beyond the :data:`_MAX_EXTRA` kept."""

    def read(self, rows: Iterable[Row]) -> None:
        """Read the cells of *rows*, one by one."""
        if self.waiting is not None:
            self.current, self.waiting = self.made(self.waiting), None
        for token in _tokens(rows):
            if token.value.is_value:
                self.value(token)
            else:
                self.text(token)

    def beside(self, position: int, shape: _Labelled) -> None:
        """Read the *position*-th row, of *shape*, as :meth:`read` would: it starts its row
        (:meth:`start`), whose values are its other cells; but made only when needed."""
        self._push()
        self.waiting = _Beside(position, shape, self.header)
        self.last = shape.spec
        if len(self.block) >= _MAX_BLOCK:
            self._flush()

    def made(self, beside: _Beside) -> Occurrence:
        """The occurrence of *beside*, as :meth:`read` makes it from its row."""
        row = self.rows[beside.position]
        cells = row.cells[beside.shape.start :]
        occurrence = Occurrence(beside.shape.spec, cells[0], row, header=beside.header)
        occurrence.values.extend(Token(cell, row, classify(cell.text)) for cell in cells[1:])
        return occurrence

    def value(self, token: Token) -> None:
        if self.current is not None:
            self.current.values.append(token)
        elif token.value.annotation:
            # A cell of two lines printed above the table: a line of its own for the rows that
            # follow (see _detached), kept as an extra row if none of them takes it.
            cell = token.cell
            label = Cell("", cell.line, page=cell.page, box=cell.box)
            self.block.append(Occurrence(None, label, Row((), token.row.line), [token]))
        elif token.value.kind == "number":
            if is_full(self.notes):
                self.notes.skip()
                return
            self.notes.append(
                ReadingNote(
                    NoteCode.STRAY_VALUE,
                    where(token.cell, token.row, self.number),
                    "a number outside any row of the table",
                    token.cell.text,
                )
            )

    def text(self, token: Token) -> None:
        text = token.cell.text
        current = self.current
        spec = self.matcher.row(text)
        if spec is None and (current is None or current.values or current.spec is None):
            spec = self._misprinted(token)
        if spec is not None:
            self.start(Occurrence(spec, token.cell, token.row, header=self.header))
            if not spec.is_group:
                self.last = spec
        elif self.matcher.is_header(text):
            if token.row is not self.header_row and token.row.table is not None:
                self.header, self.header_row = grid_header(token.row), token.row
            self.start(None)
        elif self.matcher.article_heading(text) or is_table3_caption(text):
            self.header, self.header_row = (), None
            self.start(None)
        elif current is not None and not current.values:
            current.words.append(text)  # the label goes on in the next cell or line
        elif current is not None and token.row is current.row and token.row.delimited:
            current.values.append(token)  # text among the values of a row: an unreadable cell
        else:
            self.start(Occurrence(None, token.cell, token.row))

    def _misprinted(self, token: Token) -> RowSpec | None:
        """The row in its place, when *token* is its label misprinted (see :meth:`Matcher.near`)."""
        spec = self.matcher.near(token.cell.text, self.last)
        if spec is not None and not is_full(self.notes):
            self.notes.append(
                ReadingNote(
                    NoteCode.LABEL_VARIANT,
                    where(token.cell, token.row, self.number, spec.key),
                    f"the label is not the format's {spec.label!r} (misprinted or cut short); read"
                    " as that row, the one the format prints in its place",
                    token.cell.text,
                )
            )
        return spec

    def start(self, occurrence: Occurrence | None) -> None:
        self._push()
        self.current = occurrence
        if occurrence is None or len(self.block) >= _MAX_BLOCK:
            self._flush()

    def _push(self) -> None:
        """The current row into the block: it is over."""
        if self.current is not None:
            self.block.append(self.current)
            self.current = None
        elif self.waiting is not None:
            self.block.append(self.waiting)
            self.waiting = None

    def _flush(self) -> None:
        """Finish the rows of the block, once the values printed apart from them are theirs."""
        block, self.block = self.block, []
        beside = [item for item in block if isinstance(item, _Beside)]
        if len(beside) == len(block):
            # Each row's values are on its label's row: none printed apart (see Regroup).
            for item in beside:
                self._finish_beside(item)
            return
        made = [self.made(item) if isinstance(item, _Beside) else item for item in block]
        for occurrence in self.regroup(made, self.matcher, self.number, self.notes):
            self._finish(occurrence)

    def _finish_beside(self, beside: _Beside) -> None:
        """:meth:`_finish` for *beside*, its occurrence made only where it leaves a trace: a
        row kept (found, or empty with more cells than the one kept), or a note kept."""
        shape = beside.shape
        key = shape.spec.key
        if shape.data:
            if key in self.found and is_full(self.notes):
                self.notes.skip()
                return
        elif key in self.found or (
            (prior := self.empty.get(key)) is not None and shape.width <= len(prior.values)
        ):
            return
        self._finish(self.made(beside))

    def _finish(self, occurrence: Occurrence) -> None:
        spec = occurrence.spec
        if spec is None or spec.is_group:
            if any(t.value.kind == "number" for t in occurrence.values):
                self._extra(occurrence)
            return
        if not occurrence.has_data:
            # A label without values: a header repeating a row's words, or a blank row.
            prior = self.empty.get(spec.key)
            if spec.key not in self.found and (
                prior is None or len(occurrence.values) > len(prior.values)
            ):
                self.empty[spec.key] = occurrence
        elif spec.key in self.found:
            if is_full(self.notes):
                self.notes.skip()
                return
            self.notes.append(
                ReadingNote(
                    NoteCode.ROW_REPEATED,
                    where(occurrence.label, occurrence.row, self.number),
                    "the row appears again; the first one is used",
                    occurrence.label.text,
                )
            )
        else:
            self.found[spec.key] = occurrence

    def _extra(self, occurrence: Occurrence) -> None:
        if len(self.pending) < _MAX_EXTRA:
            self.pending.append(occurrence)
        else:
            self.left_out += 1

    def report_extra(self) -> None:
        """Keep the rows with values that the format does not have, and note them: after the
        table, since whether a group's own rows are printed is known only then."""
        for occurrence in self.pending:
            spec = occurrence.spec
            label = " ".join([occurrence.label.text, *occurrence.words])
            location = where(occurrence.label, occurrence.row, self.number)
            values = self._printed(occurrence)
            self.extra.append(
                ExtraRow(self.number, label, values, None if spec is None else spec.key, location)
            )
            if is_full(self.notes):
                self.notes.skip()
                continue
            if spec is None:
                what = "a row that is not part of the format, read and set aside"
            elif any(self._seen(member) for member in self.matcher.members(spec)):
                what = "a subtotal row, read and set aside"
            else:
                what = (
                    "a row printed in place of a group of rows of the format (as another"
                    " version of the format prints it), read and set aside; the group's rows"
                    " stay blank. Its values"
                )
            printed = " ".join(t for t in values if t) or "(blank)"
            self.notes.append(
                ReadingNote(NoteCode.EXTRA_ROW, location, f"{what}: {printed}", label)
            )
        if self.left_out:
            why = (
                f"{self.left_out} more rows with values that the format does not have left out"
                f" (the first {_MAX_EXTRA} are kept as extra rows)"
            )
            self.notes.append(ReadingNote(NoteCode.LIMIT, Location(section=self.number), why))

    def _printed(self, occurrence: Occurrence) -> tuple[str, ...]:
        """The cells of an extra row as printed; blank cells beyond a group's columns that
        stand next to the label (a label spanning two columns) dropped, as placing drops them."""
        cells = [t.cell.text for t in occurrence.values]
        members = self.matcher.members(occurrence.spec) if occurrence.spec else ()
        size = len(members[0].columns) if members else 0
        while size and len(cells) > size and not cells[0].strip():
            cells.pop(0)
        while size and len(cells) > size and not cells[-1].strip():
            cells.pop()
        return tuple(cells)

    def _seen(self, spec: RowSpec) -> bool:
        return spec.key in self.found or spec.key in self.empty


_MAX_EXTRA = 1000
"""Extra rows kept of one table at most."""
_MAX_BLOCK = 200
"""Rows of a block at most (no table of the format has as many): a longer run of rows without
a heading is finished as found, a block at a time."""


def collect_rows(
    rows: Sequence[Row],
    matcher: Matcher,
    number: int,
    notes: list[ReadingNote],
    regroup: Regroup = _as_found,
) -> Rows:
    """Find the rows of table *number* (2 or 3) in *rows*; *regroup* gives each block of rows
    the values printed apart from them."""
    collector = _Collector(matcher, number, notes, regroup, rows)
    if isinstance(rows, CompactRows):
        _read_compact(rows, collector)
    else:
        collector.read(rows)
    collector.start(None)
    collector.report_extra()
    return Rows(collector.found, collector.empty, tuple(collector.extra))


_SHAPES = 8192
"""Shapes of rows whose verdict (:func:`_labelled`) is kept, at most: a page of as many
distinct lines as rows is judged a row at a time, in bounded memory."""


def _read_compact(rows: CompactRows, collector: _Collector) -> None:
    """Read *rows* as :meth:`_Collector.read` does, each shape judged once: a row of the
    format with its values beside its label is read without being made
    (:meth:`_Collector.beside`)."""
    known: dict[int, _Labelled | None] = {}
    matcher = collector.matcher
    for index, number in enumerate(rows.shape_ids()):
        row = None
        if number in known:
            shape = known[number]
        else:
            row = rows[index]
            shape = _labelled(row, matcher)
            if len(known) < _SHAPES:
                known[number] = shape
        if shape is not None:
            collector.beside(index, shape)
        else:
            collector.read((rows[index] if row is None else row,))


def _labelled(row: Row, matcher: Matcher) -> _Labelled | None:
    """What *row* holds when it is a row of the format with its values beside its label (see
    :class:`_Labelled`), ``None`` otherwise."""
    start = _first_cell(row)
    cells = row.cells[start:]
    if not cells:
        return None
    label = cells[0].text
    spec = None if classify(label).is_value else matcher.row(label)
    if spec is None or spec.is_group:
        return None
    values = [classify(cell.text) for cell in cells[1:]]
    if not all(value.is_value for value in values):
        return None
    data = any(value.kind != "blank" for value in values)
    return _Labelled(spec, start, data, len(values))


def collect_values(rows: Sequence[Row], matcher: Matcher) -> tuple[list[Token], Token | None, bool]:
    """The values of table 4: those of the rows after its header that hold no header label.

    Returns the values, the label printed before them if any, and whether a header was seen.
    """
    values: list[Token] = []
    label: Token | None = None
    header_seen = False
    for row in rows:
        if any(matcher.is_header(c.text) for c in row.cells if c.text):
            header_seen = True
            continue
        if not header_seen:
            continue
        tokens = [Token(c, row, classify(c.text)) for c in row.cells]
        if all(t.value.kind == "blank" for t in tokens):
            continue  # an empty row (a trailing row of a Word table) holds no cell of the table
        texts = [t for t in tokens if t.value.kind == "text"]
        if texts and not any(t.value.kind == "number" for t in tokens):
            if values:
                break  # text after the table
            continue
        if texts:
            label = label or texts[-1]
            tokens = tokens[tokens.index(texts[-1]) + 1 :]
        values.extend(t for t in tokens if t.value.is_value)
    return values, label, header_seen


def where(
    cell: Cell,
    row: Row,
    number: int,
    key: str | None = None,
    column: str | None = None,
) -> Location:
    """The location of *cell* of *row*, in table *number*, for a note."""
    return Location(
        line=cell.line,
        table=row.table,
        row=row.index,
        column=cell.column if row.delimited else None,
        section=number,
        cell=(key, column or "*") if key else None,
        page=cell.page,
        box=cell.box,
    )


def _tokens(rows: Iterable[Row]) -> Iterable[Token]:
    for row in rows:
        for cell in row.cells[_first_cell(row) :]:
            yield Token(cell, row, classify(cell.text))


def _first_cell(row: Row) -> int:
    """The index of the first cell of *row* that is read: in a row that marks its cells, empty
    cells before the label are merged cells of the layout."""
    cells = row.cells
    start = 0
    if row.delimited:
        while start < len(cells) and not cells[start].text:
            start += 1
    return start
