"""Reading notes: what the reader could not read, where, and why.

Reading notes are about extraction. They are kept apart from the checks' findings, which are
about the publisher's numbers: an unreadable cell is the reader's problem, an unbalanced table is
the publisher's.
"""

from __future__ import annotations

import enum

from typing import TypeGuard

import attrs


__all__ = ["Location", "NoteCode", "NoteList", "ReadingNote", "is_full"]


class NoteCode(enum.StrEnum):
    """What kind of reading problem a note reports."""

    DECODING = "decoding"
    """The bytes were not valid in any supported encoding, so some characters were replaced;
    or their encoding was assumed (UTF-16 or UTF-32 without a byte-order mark) or not
    recognized."""
    TABLE_MISSING = "table_missing"
    """A table of the format was not found."""
    NO_VALUES = "no_values"
    """Tables of the format were found, but every cell of them is empty (an unfilled template):
    the report holds no value, only blank cells."""
    ROW_MISSING = "row_missing"
    """A row of a table was not found; its cells are left blank."""
    ROW_SHORT = "row_short"
    """A row has fewer cells than the format; the missing cells are left blank."""
    CELLS_AMBIGUOUS = "cells_ambiguous"
    """The values of a row could not be placed in their columns, or cells that ran together
    split in more than one way that the balance rules allow; the cells are left blank."""
    CELLS_SPLIT = "cells_split"
    """The boundaries between a row's cells were lost (``690000069``); the digits were split
    into the row's cells in the only way that the balance rules allow."""
    CELLS_UNSPLIT = "cells_unsplit"
    """The boundaries between a row's cells were lost, and no split of the digits into the
    row's cells satisfies the balance rules (or the publisher's totals are wrong); the cells
    are left blank."""
    POSITION_INFERRED = "position_inferred"
    """Blank cells were dropped in the source; the columns of the values were inferred."""
    EXTRA_VALUE = "extra_value"
    """A row has more values than the format; the extra value was set aside."""
    EXTRA_ROW = "extra_row"
    """A row that is not part of the format (a local row, a subtotal); read, not used."""
    LABEL_VARIANT = "label_variant"
    """A row label printed unlike the format's wording (a misprint such as
    ``2.其他法律行政止公开``, or a label cut short at a page break) was read as the row that
    the format prints in its place."""
    EXTRA_COLUMN = "extra_column"
    """A column that is not part of the format (a subtotal column); read, not used."""
    ROW_REPEATED = "row_repeated"
    """A row of the format appears twice; the first one is used."""
    UNREADABLE_CELL = "unreadable_cell"
    """A cell whose text is not a number, a mark or blank; it is left blank."""
    STRAY_VALUE = "stray_value"
    """A number outside any row of a table, or a line of values that no row of the format is
    left for (beside a row that holds its cells: a page number, a repeated line); never put in
    a cell."""
    ANNOTATED_VALUE = "annotated_value"
    """A cell prints a number with words about it in parentheses (``22（其中修订16件）``, a
    cell of two lines, on its row or printed apart from it): the number is read into the
    cell, and the annotation is quoted in the note, never dropped."""
    VALUES_DETACHED = "values_detached"
    """Lines of values printed apart from their labels were given to the format's rows in
    their printed order, since their count, their widths and the labels printed left no doubt
    (a PDF's text prints labels wrapped over lines first, or loses a row's label)."""
    VERSION_GUESSED = "version_guessed"
    """The tables do not show the format version; it was guessed."""
    METADATA_MISSING = "metadata_missing"
    """The agency or the year could not be found in the title or the opening text."""
    METADATA_INFERRED = "metadata_inferred"
    """The year was not in the title; the value given was inferred or is a placeholder."""
    METADATA_UNREADABLE = "metadata_unreadable"
    """The page states a value of the metadata (the publication date) that could not be read;
    it is left empty."""
    SECTION_MISSING = "section_missing"
    """A section heading was not found."""
    LIMIT = "limit"
    """The input exceeded a size limit of the reader; the rest was ignored."""
    NO_TEXT = "no_text"
    """A PDF or one of its pages has no text layer, as a scan whose text is an image; it
    cannot be read without OCR."""
    NUMBER_AS_TEXT = "number_as_text"
    """A spreadsheet cell holds a number typed as text (``12件``, full-width digits); it was
    read as the number it shows."""
    FORMULA_NOT_COMPUTED = "formula_not_computed"
    """A spreadsheet cell holds a formula whose value the file does not store; it is left
    blank, never read as 0."""


@attrs.frozen
class Location:
    """Where something is in the source.

    Attributes:
        line: 1-based line of the source, when known (in a PDF: the line's place in the
            document's reading order).
        table: 0-based index of the HTML or Word table, when the source has tables.
        row: 0-based row in that table.
        column: 0-based column in that row (in a text row: the cell's position in the line).
        section: The report table concerned (2, 3 or 4), when there is one.
        cell: The format cell concerned, as ``(row path, column name)`` of the model.
        page: 1-based page of a PDF, when the source is a PDF.
        box: The bounding box on that page, ``(x0, top, x1, bottom)`` in PDF points from the
            page's top left corner.
    """

    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    section: int | None = None
    cell: tuple[str, str] | None = None
    page: int | None = None
    box: tuple[float, float, float, float] | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.section is not None:
            parts.append(f"table {self.section}")
        if self.cell is not None:
            parts.append(f"{self.cell[0]}/{self.cell[1]}")
        if self.page is not None:
            where = f"page {self.page}"
            if self.box is not None:
                where += " at ({:.0f}, {:.0f}, {:.0f}, {:.0f})".format(*self.box)
            parts.append(where)
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.table is not None:
            where = f"source table {self.table}"
            if self.row is not None:
                where += f" row {self.row}"
            if self.column is not None:
                where += f" column {self.column}"
            parts.append(where)
        return ", ".join(parts) or "document"


@attrs.frozen
class ReadingNote:
    """One reading problem.

    Attributes:
        code: What kind of problem.
        where: Where it is.
        why: An English explanation.
        text: The source text concerned, quoted as printed (may be empty).
    """

    code: NoteCode
    where: Location
    why: str
    text: str = ""

    def __str__(self) -> str:
        quoted = f": {self.text!r}" if self.text else ""
        return f"{self.where}: {self.code.value}: {self.why}{quoted}"


class NoteList(list[ReadingNote]):
    """The reading notes of a document: the first *limit* kept, the rest only counted.

    A page of 400,000 repeated rows would otherwise hold a note per row, most of its memory,
    to keep a thousand of them. Where notes come by the row, the reader asks :attr:`full` first
    and only counts (:meth:`skip`) instead of building a note that would not be kept.

    Attributes:
        limit: How many notes are kept.
        dropped: How many more there were.
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.dropped = 0

    @property
    def full(self) -> bool:
        """Whether a further note would only be counted."""
        return len(self) >= self.limit

    def append(self, note: ReadingNote, /) -> None:
        """Keep *note*, or count it when :attr:`full`."""
        if len(self) < self.limit:
            super().append(note)
        else:
            self.dropped += 1

    def skip(self) -> None:
        """Count a note that was not built, since it would not be kept."""
        self.dropped += 1


def is_full(notes: list[ReadingNote]) -> TypeGuard[NoteList]:
    """Whether *notes* is a full :class:`NoteList`: then count a note (``notes.skip()``)
    instead of building it."""
    return isinstance(notes, NoteList) and notes.full
