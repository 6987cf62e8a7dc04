"""Placing a row's values in its columns, and turning each value into a cell.

* As many values as columns: in order.
* More: blank cells next to the label (a label spanning two columns) or after the last column are
  dropped; then one extra value is set aside when exactly one way of dropping it makes the row add
  up (a 法人或其他组织 subtotal column; a doubled cell); otherwise the row stays blank, with a note
  (table 2, which has no sums: the first values are used, with a note).
* Fewer, all on the label's own table row: the row was cut short; the values fill from the left.
  A lone number beside the label of a wider row is no such start: it may be a page number
  printed next to the label, and is never put in a cell (the row stays blank, with a note).
* Fewer, where a value is a run of digits whose cells ran together (``690000069``): split by
  the balance rules (:mod:`._runs`), or left blank with a note.
* Fewer, spread over lines (the layout dropped blank cells): in table 3, two equal numbers are
  自然人 and 总计 (the only reading in which one kind of applicant makes the row add up); anything
  else stays blank, with a note.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from disclosure_report.model import MAX_COUNT
from disclosure_report.reading._merged import by_header
from disclosure_report.reading._notes import NoteCode, ReadingNote
from disclosure_report.reading._rows import Occurrence, Token, where
from disclosure_report.reading._runs import Runs
from disclosure_report.reading._values import Value
from disclosure_report.reading._vocabulary import ColumnSpec


__all__ = [
    "BLANK",
    "Context",
    "ReadCell",
    "cells_of",
    "place",
    "table3_check",
    "table4_check",
]

BLANK = Value("blank")
_GROUP = 5  # cells per group of table 4
_TABLE3 = 3
_INFERRED = 2  # values of a table-3 row read as 自然人 and 总计

Check = Callable[[list[Value]], bool]


@attrs.frozen
class ReadCell:
    """A cell of the format as read.

    Attributes:
        column: The column.
        value: A ``number``, ``mark`` or ``blank`` :class:`Value` (unreadable cells are blank).
        source: The source cell, ``None`` when the source had no cell for it.
    """

    column: ColumnSpec
    value: Value
    source: Token | None = None


@attrs.frozen
class Context:
    """What placing needs besides the row: the table, where notes go, how rows add up, and the
    units printed in column headers."""

    number: int
    notes: list[ReadingNote]
    check: Check | None = None
    units: dict[str, str] = attrs.Factory(dict)
    runs: Runs | None = None
    """Splits digit runs whose cells ran together (tables 3 and 4), when the version is known."""


def place(
    occurrence: Occurrence,
    columns: tuple[ColumnSpec, ...],
    context: Context,
    *,
    one_line: bool | None = None,
) -> tuple[ReadCell, ...]:
    """The cells of *occurrence* in *columns*."""
    tokens = list(occurrence.values)
    size = len(columns)
    while len(tokens) > size and tokens[0].value.kind == "blank":
        tokens.pop(0)
    while len(tokens) > size and tokens[-1].value.kind == "blank":
        tokens.pop()
    if one_line is None:
        one_line = occurrence.row.delimited and all(t.row is occurrence.row for t in tokens)
    merged = one_line and occurrence.header and any(t.cell.span > 1 for t in tokens)
    grid = _by_grid(occurrence, tokens, columns, context) if merged else None
    if grid is not None:
        placed: list[Token | None] = grid
    elif len(tokens) == size:
        placed = list(tokens)
    elif len(tokens) > size:
        placed = _too_many(occurrence, tokens, size, context)
    else:
        split = None if context.runs is None else context.runs.place(occurrence, tokens, size)
        if split is not None:
            placed = split
        else:
            placed = _too_few(occurrence, tokens, size, context, one_line=one_line)
    key = occurrence.spec.key if occurrence.spec else "*"
    return cells_of(columns, placed, context, key)


def cells_of(
    columns: tuple[ColumnSpec, ...], placed: list[Token | None], context: Context, key: str
) -> tuple[ReadCell, ...]:
    """The cells of row *key* whose *columns* hold the *placed* tokens (``None``: blank)."""
    return tuple(
        _cell(column, token, context, key) for column, token in zip(columns, placed, strict=True)
    )


def table3_check(values: list[Value]) -> bool:
    """Rule I1: the row's 总计 is the sum of its six applicant columns."""
    numbers = [v.number for v in values]
    if any(n is None for n in numbers):
        return False
    return sum(n for n in numbers[:-1] if n is not None) == numbers[-1]


def table4_check(values: list[Value]) -> bool:
    """Rule I4: in each group, 总计 is the sum of the four outcomes."""
    for start in range(0, len(values), _GROUP):
        if not table3_check(values[start : start + _GROUP]):
            return False
    return True


def _note(
    occurrence: Occurrence,
    tokens: list[Token],
    context: Context,
    code: NoteCode,
    why: str,
) -> None:
    key = occurrence.spec.key if occurrence.spec else None
    text = " | ".join([occurrence.label.text, *(t.cell.text for t in tokens)])
    context.notes.append(
        ReadingNote(
            code,
            where(occurrence.label, occurrence.row, context.number, key),
            why,
            text,
        )
    )


def _by_grid(
    occurrence: Occurrence,
    tokens: list[Token],
    columns: tuple[ColumnSpec, ...],
    context: Context,
) -> list[Token | None] | None:
    """The values of a row with a cell merged across columns, placed by the header columns
    above them (see :mod:`._merged`); ``None`` where the header does not tell."""
    blank = [t.value.kind == "blank" for t in tokens]
    found = by_header([t.cell for t in tokens], columns, occurrence.header, blank)
    if found is None:
        return None
    for index in found.spanning:
        token = tokens[index]
        why = (
            f"a value in a cell merged across {token.cell.span} columns, under more than one"
            " column of the row: which of them holds it is unknown; they are left blank"
        )
        _note(occurrence, [token], context, NoteCode.CELLS_AMBIGUOUS, why)
    return [None if index is None else tokens[index] for index in found.columns]


def _too_many(
    occurrence: Occurrence, tokens: list[Token], size: int, context: Context
) -> list[Token | None]:
    count = f"{len(tokens)} values for {size} columns"
    dropped = _drop_one(tokens, size, context.check)
    if dropped is not None:
        kept, extra = dropped
        code = NoteCode.EXTRA_COLUMN if context.number == _TABLE3 else NoteCode.EXTRA_VALUE
        why = f"{count}; {extra.cell.text!r} at position {tokens.index(extra) + 1} was set aside"
        _note(occurrence, tokens, context, code, why)
        return kept
    if context.check is None:
        _note(
            occurrence,
            tokens,
            context,
            NoteCode.EXTRA_VALUE,
            f"{count}; the first {size} are used",
        )
        return list(tokens[:size])
    _note(
        occurrence,
        tokens,
        context,
        NoteCode.CELLS_AMBIGUOUS,
        f"{count}; the row is left blank",
    )
    return [None] * size


def _too_few(
    occurrence: Occurrence,
    tokens: list[Token],
    size: int,
    context: Context,
    *,
    one_line: bool,
) -> list[Token | None]:
    if not tokens:
        _note(
            occurrence,
            tokens,
            context,
            NoteCode.ROW_SHORT,
            "the row has no cells; they are left blank",
        )
        return [None] * size
    if one_line and len(tokens) == 1 and tokens[0].value.kind == "number":
        why = f"a lone number beside the label of a row of {size} cells (a page number, perhaps) is not put in a cell; the row is left blank"
        _note(occurrence, tokens, context, NoteCode.ROW_SHORT, why)
        return [None] * size
    if one_line:
        why = f"the row has {len(tokens)} of {size} cells; the others are left blank"
        _note(occurrence, tokens, context, NoteCode.ROW_SHORT, why)
        return [*tokens, *([None] * (size - len(tokens)))]
    inferred = _infer(tokens, size, context.number)
    if inferred is None:
        why = f"{len(tokens)} values for {size} columns, blank cells dropped: the columns are unknown; the row is left blank"
        _note(occurrence, tokens, context, NoteCode.CELLS_AMBIGUOUS, why)
        return [None] * size
    why = "blank cells dropped; two equal numbers placed as 自然人 and 总计, the only columns in which one kind of applicant makes the row add up"
    _note(occurrence, tokens, context, NoteCode.POSITION_INFERRED, why)
    return inferred


def _drop_one(
    tokens: list[Token], size: int, check: Check | None
) -> tuple[list[Token | None], Token] | None:
    if len(tokens) != size + 1 or check is None:
        return None
    options: dict[tuple[object, ...], tuple[list[Token | None], Token]] = {}
    for i, dropped in enumerate(tokens):
        kept = tokens[:i] + tokens[i + 1 :]
        values = [t.value for t in kept]
        if check(values):
            options.setdefault(
                tuple((v.kind, v.number) for v in values),
                (list(kept), dropped),
            )
    return next(iter(options.values())) if len(options) == 1 else None


def _infer(tokens: list[Token], size: int, number: int) -> list[Token | None] | None:
    if number != _TABLE3 or len(tokens) != _INFERRED:
        return None
    first, second = (t.value for t in tokens)
    if first.kind == second.kind == "number" and first.number == second.number:
        return [tokens[0], *([None] * (size - _INFERRED)), tokens[1]]
    return None


_BLANK_CELLS: dict[ColumnSpec, ReadCell] = {}
"""The blank cell of each column, made once (cells are immutable)."""


def _cell(column: ColumnSpec, token: Token | None, context: Context, row: str) -> ReadCell:
    if token is None:
        blank = _BLANK_CELLS.get(column)
        if blank is None:
            blank = _BLANK_CELLS[column] = ReadCell(column, BLANK)
        return blank
    value = token.value
    problem: str | None = None
    if value.kind == "text":
        problem = "not a number, a not-applicable mark or blank"
    elif value.kind == "number":
        value, problem = (_amount if column.kind == "amount" else _count)(value, column, context)
    if problem is None:
        if value.annotation:
            _annotated(token, value, context, (row, column.key))
        return ReadCell(column, value, token)
    location = where(token.cell, token.row, context.number, row, column.key)
    context.notes.append(
        ReadingNote(
            NoteCode.UNREADABLE_CELL,
            location,
            f"{problem}; the cell is left blank",
            token.cell.text,
        )
    )
    return ReadCell(column, BLANK, token)


def _annotated(token: Token, value: Value, context: Context, cell: tuple[str, str]) -> None:
    """Note the annotation of a number read into *cell*: it is kept in the note, never lost."""
    location = where(token.cell, token.row, context.number, *cell)
    why = (
        f"the cell prints {value.number} with an annotation, {value.annotation!r}: the number"
        " is read, the annotation kept here"
    )
    context.notes.append(ReadingNote(NoteCode.ANNOTATED_VALUE, location, why, token.cell.text))


def _amount(value: Value, column: ColumnSpec, context: Context) -> tuple[Value, str | None]:
    assert value.number is not None  # noqa: S101 (a number has one)
    if value.number < 0:
        return value, "a negative amount"
    if value.unit not in {None, "元", "万元"}:
        return value, f"an amount in {value.unit}"
    if value.unit is None and column.key in context.units:
        value = attrs.evolve(value, unit=context.units[column.key])
    return value, None


def _count(value: Value, column: ColumnSpec, _: Context) -> tuple[Value, str | None]:
    assert value.number is not None  # noqa: S101 (a number has one)
    if value.number != value.number.to_integral_value():
        return value, "a count with decimals"
    if value.unit in {"元", "万元"}:
        return value, f"a count in {value.unit}"
    if column.kind == "count" and value.number < 0:
        return value, "a negative count"
    if abs(value.number) > MAX_COUNT:
        return value, "a count too large to be one"
    return value, None
