"""Reading notes in the commands' output: one line each on standard error, or JSON records.

Notes say what the reader could not read in a published report; they never change an exit code
(only a report in which no table was found exits 2, see :func:`~._io.load`).
"""

from __future__ import annotations

import sys

from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:  # The reader is imported only when a published report is read.
    from disclosure_report.reading import ReadingNote


__all__ = ["note_record", "print_notes"]


def print_notes(notes: tuple[ReadingNote, ...], source: str) -> None:
    """Print *notes* to standard error, one a line, after the *source*'s name."""
    for note in notes:
        print(f"{source}: note: {note}", file=sys.stderr)


def note_record(note: ReadingNote) -> dict[str, Any]:
    """*note* as a JSON-ready record: ``code``, ``where`` (its location's fields that are known,
    plus ``text``, the location in words), ``why`` (English) and ``text`` (the source quoted)."""
    where = note.where
    location: dict[str, Any] = {
        key: value
        for key, value in (
            ("line", where.line),
            ("html_table", where.table),
            ("html_row", where.row),
            ("column", where.column),
            ("table", where.section),
            ("cell", None if where.cell is None else "/".join(where.cell)),
        )
        if value is not None
    }
    location["text"] = str(where)
    return {"code": note.code.value, "where": location, "why": note.why, "text": note.text}
