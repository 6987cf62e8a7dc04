"""Assembling the rows of a table from a stream of cells, whatever the layout.

A row starts at a cell that matches one of the table's row labels and takes the values that
follow (numbers, not-applicable marks, blank cells) up to the next label. Text right after a
label, before any value, continues the label (a label broken across lines); text among the values
of the same table row is an unreadable cell; other text ends the row and may start a row that is
not part of the format (a local row, a subtotal), which is read and reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from disclosure_report.reading._notes import Location, NoteCode, ReadingNote, is_full
from disclosure_report.reading._source_layout import Cell, Row
from disclosure_report.reading._values import Value, classify
from disclosure_report.reading._vocabulary import Matcher, RowSpec, is_table3_caption


__all__ = [
    "Occurrence",
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
    that continue the label, and its values."""

    spec: RowSpec | None
    label: Cell
    row: Row
    values: list[Token] = attrs.Factory(list)
    words: list[str] = attrs.Factory(list)

    @property
    def has_data(self) -> bool:
        """Whether any value is not blank."""
        return any(t.value.kind != "blank" for t in self.values)


@attrs.frozen
class Rows:
    """The rows of a table as found.

    Attributes:
        found: The first occurrence with data of each row, by row key.
        empty: Rows whose labels were found without data, by row key.
    """

    found: dict[str, Occurrence]
    empty: dict[str, Occurrence]


@attrs.define
class _Collector:
    matcher: Matcher
    number: int
    notes: list[ReadingNote]
    found: dict[str, Occurrence] = attrs.Factory(dict)
    empty: dict[str, Occurrence] = attrs.Factory(dict)
    current: Occurrence | None = None

    def value(self, token: Token) -> None:
        if self.current is not None:
            self.current.values.append(token)
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
        if spec is not None:
            self.start(Occurrence(spec, token.cell, token.row))
        elif (
            self.matcher.is_header(text)
            or self.matcher.article_heading(text)
            or is_table3_caption(text)
        ):
            self.start(None)
        elif current is not None and not current.values:
            current.words.append(text)  # the label goes on in the next cell or line
        elif current is not None and token.row is current.row and token.row.delimited:
            current.values.append(token)  # text among the values of a row: an unreadable cell
        else:
            self.start(Occurrence(None, token.cell, token.row))

    def start(self, occurrence: Occurrence | None) -> None:
        if self.current is not None:
            self._finish(self.current)
        self.current = occurrence

    def _finish(self, occurrence: Occurrence) -> None:
        spec = occurrence.spec
        if spec is None or spec.is_group:
            if any(t.value.kind == "number" for t in occurrence.values):
                self._extra(
                    occurrence,
                    "a row that is not part of the format" if spec is None else "a subtotal row",
                )
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

    def _extra(self, occurrence: Occurrence, what: str) -> None:
        if is_full(self.notes):
            self.notes.skip()
            return
        values = " ".join(t.cell.text for t in occurrence.values)
        self.notes.append(
            ReadingNote(
                NoteCode.EXTRA_ROW,
                where(occurrence.label, occurrence.row, self.number),
                f"{what}, read and set aside: {values}",
                " ".join([occurrence.label.text, *occurrence.words]),
            )
        )


def collect_rows(
    rows: Sequence[Row],
    matcher: Matcher,
    number: int,
    notes: list[ReadingNote],
) -> Rows:
    """Find the rows of table *number* (2 or 3) in *rows*."""
    collector = _Collector(matcher, number, notes)
    for token in _tokens(rows):
        if token.value.is_value:
            collector.value(token)
        else:
            collector.text(token)
    collector.start(None)
    return Rows(collector.found, collector.empty)


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
        cells = row.cells
        if row.delimited:
            start = 0
            while start < len(cells) and not cells[start].text:
                start += 1  # empty cells before the label: merged cells of the layout
            cells = cells[start:]
        for cell in cells:
            yield Token(cell, row, classify(cell.text))
