"""Cells that run together: splitting a digit run into the cells of its row by the rules.

Crawler dumps and some PDF text lose the boundaries between cells: ``一、本年新收政府信息公开申请数量
690000069`` for the seven cells ``69 0 0 0 0 0 69``, or table 四 as one string of fifteen
numbers. Such a row has fewer values than columns, and exactly one of them is a run of bare
digits, as many as the row has cells or more (:func:`pieces_of`); values printed apart as bare
numbers (``1234567 3 0``) are cells whose boundaries are there, a row cut short, read as
printed. What the format knows decides how to split the run, never a guess:

1. **The row.** Every way to cut the run into exactly as many cells as the row has columns,
   a cell without a leading zero (``0`` alone is a cell, ``05`` is not) and no larger than a
   count can be, such that every group of the row balances: its last cell (总计) is the sum of
   the others (rule I1 of table 三, I4 for each of the three groups of table 四). Values printed
   apart (a mark, a number with a unit) stay whole cells where they are.
2. **The table** (table 三), when a row alone leaves more than one split: the column rules
   (F1: 一 + 二 = （七）总计 + 四; I2: （七）总计 is the sum of the outcome rows) across every row;
   a cell not read (blank, a mark) is an unknown count, as in the checks.

The searches are in :mod:`._run_search`. The rows, columns and groups come from the model's
layout and the rules from :mod:`disclosure_report.checks`
(:func:`~disclosure_report.checks.table3_plan`, :func:`~disclosure_report.checks.table4_plan`)
for the report's format version, so a version with other rows is split alike.

The answer is one of: **unique** (the only split the rules allow: used, with a ``cells_split``
note that quotes the run and the split), **ambiguous** (the cells stay blank; a
``cells_ambiguous`` note lists every candidate; a search cut short by its bounds, at
:data:`~disclosure_report.reading._run_search.MAX_CANDIDATES` candidates of a row, is ambiguous
too, lists those and says that there may be more), or **none** (blank; a ``cells_unsplit`` note says
that no split satisfies the rules, which is also what a publisher's wrong total gives).
"""

from __future__ import annotations

import functools
import unicodedata

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from disclosure_report.checks import rules_of, table3_plan, table4_plan
from disclosure_report.model import format_version
from disclosure_report.reading._notes import NoteCode, ReadingNote
from disclosure_report.reading._rows import Occurrence, Token, where
from disclosure_report.reading._run_search import (
    Cells,
    ColumnRule,
    Piece,
    Split,
    resolve_table,
    split_row,
)
from disclosure_report.reading._source_layout import Cell
from disclosure_report.reading._values import Value


__all__ = ["Runs", "Shape", "pieces_of", "shape"]

_TABLE3: Final = 3
_SHORTEST_RUN: Final = 2
"""Digits of a run that may be several cells at least."""


@attrs.frozen
class Shape:
    """What the rules say of a table: the groups of each row (``(start, end)``: the cells
    ``start .. end - 1`` add up to cell ``end``), and the column rules as sums of rows equal
    on both sides (each row by its index), the same for every column."""

    groups: tuple[tuple[int, int], ...]
    columns: tuple[ColumnRule, ...] = ()
    keys: tuple[str, ...] = ()


@functools.cache
def shape(version_id: str, table: int) -> Shape | None:
    """The rules of *table* (3 or 4) in the format version *version_id*, from the checks."""
    version = format_version(version_id)
    rules = dict(zip(version.rules, rules_of(version), strict=True))
    if table == _TABLE3:
        f1, i1, i2 = (rules.get(name) for name in ("T3.F1", "T3.I1", "T3.I2"))
        plan = table3_plan(version, (f1, i1, i2))
        size = len(plan.cells[0])
        columns: list[ColumnRule] = []
        if f1 is not None:
            columns.append(((plan.new, plan.carried_over), (plan.total, plan.forward)))
        if i2 is not None:
            leaves = tuple(range(len(plan.cells))[plan.leaves])
            columns.append((leaves, (plan.total,)))
        keys = tuple(cells[0].row for cells in plan.cells)
        return Shape(((0, size - 1),) if i1 is not None else (), tuple(columns), keys)
    rule = rules.get("T4.I4")
    if rule is None:
        return None
    groups: list[tuple[int, int]] = []
    start = 0
    for cells in table4_plan(version, rule).cells:
        groups.append((start, start + len(cells) - 1))
        start += len(cells)
    return Shape(tuple(groups))


def pieces_of(values: Sequence[Value], size: int) -> tuple[Piece, ...] | None:
    """The pieces of a row of *size* cells whose *values* (fewer than *size*) are cells that
    ran together; ``None`` when they are not.

    They ran together when exactly one value is printed as bare digits, two or more of them,
    and its digits with the other values (a mark, a number with a unit: printed apart, each a
    cell) are at least *size*. Values printed apart as bare numbers (``1234567 3 0``) or with a
    blank cell among them are cells whose boundaries are there: a row cut short, read as
    printed, however large its numbers.
    """
    pieces: list[Piece] = []
    for value in values:
        if value.kind in {"text", "blank"}:
            return None  # text is no cell; a blank cell is a boundary that was kept
        if value.kind == "number" and value.unit is None and value.text.isdigit():
            pieces.append(Piece(run=unicodedata.normalize("NFKC", value.text)))
        elif (number := value.number) is not None and number == number.to_integral_value():
            pieces.append(Piece(fixed=int(number)))
        else:
            pieces.append(Piece())
    runs = [piece.run for piece in pieces if piece.run is not None]
    if len(runs) != 1 or len(runs[0]) < _SHORTEST_RUN or sum(p.slots for p in pieces) < size:
        return None
    return tuple(pieces)


def _listed(candidates: Sequence[tuple[str, ...]]) -> str:
    return "; ".join("/".join(c) for c in candidates)


@attrs.define
class _Pending:
    """A row whose runs the row alone leaves open, kept for the column rules."""

    occurrence: Occurrence
    tokens: list[Token]
    splits: list[Split]


@attrs.define
class Runs:
    """The runs of one table, split as the reader places its rows (see the module docstring).

    :meth:`place` answers a row at once when the row alone decides it, and keeps it for
    :meth:`finish` otherwise (table 三: the column rules); :meth:`finish` says which rows the
    table decided.
    """

    number: int
    shape: Shape
    notes: list[ReadingNote]
    pending: dict[str, _Pending] = attrs.Factory(dict)

    @classmethod
    def of(cls, number: int, version: str | None, notes: list[ReadingNote]) -> Runs | None:
        """The splitter of table *number* in *version*; ``None`` without rules to split by."""
        if version is None or number not in {3, 4}:
            return None
        found = shape(version, number)
        if found is None or not found.groups:
            return None
        return cls(number, found, notes)

    def place(
        self, occurrence: Occurrence, tokens: list[Token], size: int
    ) -> list[Token | None] | None:
        """The tokens of *occurrence*'s cells when *tokens* (fewer than *size*) hold runs;
        blank (``None`` each) when the row is kept for the table or its runs cannot be split;
        ``None`` when there is no run to split (placing goes on as before)."""
        if len({id(t.row) for t in tokens}) != 1:
            return None  # values on several lines: blank cells dropped, not boundaries lost
        pieces = pieces_of([t.value for t in tokens], size)
        if pieces is None:
            return None  # a row cut short, or its values spread over lines
        splits, capped = split_row(pieces, size, self.shape.groups)
        if len(splits) == 1 and not capped:
            return self._use(occurrence, tokens, splits[0][0], self._rule)
        key = occurrence.spec.key if occurrence.spec else ""
        if len(splits) > 1 and not capped and self.shape.columns and key in self.shape.keys:
            self.pending[key] = _Pending(occurrence, tokens, splits)
        else:
            self._blank(occurrence, tokens, [s for s, _ in splits], capped, table=False)
        return [None] * size

    def finish(self, rows: Mapping[str, Cells | None]) -> dict[str, list[Token | None]]:
        """Decide the rows kept by :meth:`place` with the column rules, given the cells read in
        every row (by row key); the tokens of each row so decided."""
        if not self.pending:
            return {}
        keys = self.shape.keys
        index = {key: i for i, key in enumerate(keys)}
        width = len(next(iter(self.pending.values())).splits[0][1])
        table = [rows.get(key) for key in keys]
        pending = {index[k]: [cells for _, cells in p.splits] for k, p in self.pending.items()}
        allowed, capped = resolve_table(table, pending, self.shape.columns, width)
        decided: dict[str, list[Token | None]] = {}
        for key, row in self.pending.items():
            texts = [s for s, _ in row.splits]
            fit = [texts[i] for i in sorted(allowed[index[key]])]
            if len(fit) == 1 and not capped:
                rules = f"{self._rule} and the column rules (F1, I2)"
                decided[key] = self._use(row.occurrence, row.tokens, fit[0], rules)
            elif not fit and not capped:
                self._blank(row.occurrence, row.tokens, texts, False, table=True, excluded=True)
            else:
                self._blank(row.occurrence, row.tokens, fit or texts, capped, table=True)
        return decided

    def _use(
        self, occurrence: Occurrence, tokens: list[Token], texts: tuple[str | None, ...], rules: str
    ) -> list[Token | None]:
        placed: list[Token | None] = []
        t = 0
        offset = 0
        for text in texts:
            token = tokens[t]
            if text is None:
                placed.append(token)
                t += 1
                continue
            cell = token.cell
            piece = Cell(text, cell.line, cell.column, cell.page, cell.box)
            value = Value("number", Decimal(text), None, text)
            placed.append(Token(piece, token.row, value))
            offset += len(text)
            if offset == len(token.value.text):
                t += 1
                offset = 0
        shown = "/".join(self._texts(tokens, texts))
        runs = " ".join(t.cell.text for t in tokens)
        why = f"the cells ran together in {runs!r}; split as {shown}, the only split allowed by {rules}"
        self._note(occurrence, tokens, NoteCode.CELLS_SPLIT, why)
        return placed

    def _blank(
        self,
        occurrence: Occurrence,
        tokens: list[Token],
        splits: Sequence[tuple[str | None, ...]],
        capped: bool,
        *,
        table: bool,
        excluded: bool = False,
    ) -> None:
        runs = " ".join(t.cell.text for t in tokens)
        shown = [tuple(self._texts(tokens, s)) for s in splits]
        rules = f"{self._rule} and the column rules (F1, I2)" if table else self._rule
        if excluded:
            why = (
                f"the cells ran together in {runs!r}; no split satisfies {rules}"
                f" (the row alone allows {_listed(shown)}), or a total printed is wrong;"
                " the row is left blank"
            )
            self._note(occurrence, tokens, NoteCode.CELLS_UNSPLIT, why)
        elif not splits and not capped:
            why = (
                f"the cells ran together in {runs!r}; no split satisfies {rules}, or a total"
                " printed is wrong; the row is left blank"
            )
            self._note(occurrence, tokens, NoteCode.CELLS_UNSPLIT, why)
        else:
            cut = (
                f", the search cut short (the first {len(shown)} found; there may be more)"
                if capped
                else ""
            )
            why = (
                f"the cells ran together in {runs!r}; more than one split satisfies {rules}{cut}:"
                f" {_listed(shown)}; the row is left blank"
            )
            self._note(occurrence, tokens, NoteCode.CELLS_AMBIGUOUS, why)

    @property
    def _rule(self) -> str:
        return "the row's total (I1)" if self.number == _TABLE3 else "each group's total (I4)"

    @staticmethod
    def _texts(tokens: list[Token], texts: tuple[str | None, ...]) -> Iterator[str]:
        t = 0
        offset = 0
        for text in texts:
            if text is None:
                yield tokens[t].cell.text or "(blank)"
                t += 1
                continue
            yield text
            offset += len(text)
            if offset == len(tokens[t].value.text):
                t += 1
                offset = 0

    def _note(self, occurrence: Occurrence, tokens: list[Token], code: NoteCode, why: str) -> None:
        key = occurrence.spec.key if occurrence.spec and self.number == _TABLE3 else None
        text = " | ".join([occurrence.label.text, *(t.cell.text for t in tokens)])
        location = where(occurrence.label, occurrence.row, self.number, key)
        self.notes.append(ReadingNote(code, location, why, text))
