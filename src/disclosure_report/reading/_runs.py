"""Cells that run together: splitting a digit run into the cells of its row by the rules.

Crawler dumps and some PDF text lose the boundaries between cells: ``一、本年新收政府信息公开申请数量
690000069`` for the seven cells ``69 0 0 0 0 0 69``, or table 四 as one string of fifteen
numbers. Such a row has fewer values than columns, and a value is a run of digits that could be
several cells. What the format knows decides how to split it, never a guess:

1. **The row.** Every way to cut the row's runs into exactly as many cells as it has columns,
   a cell without a leading zero (``0`` alone is a cell, ``05`` is not) and no larger than a
   count can be, such that every group of the row balances: its last cell (总计) is the sum of
   the others (rule I1 of table 三, I4 for each of the three groups of table 四). The total of a
   group is not searched for: it is the sum of the cells before it, so the run must continue
   with exactly those digits, which keeps the search small. Values printed apart (a mark, a
   number with a unit, a one-digit cell) stay whole cells where they are.
2. **The table** (table 三), when a row alone leaves more than one split: the column rules
   (F1: 一 + 二 = （七）总计 + 四; I2: （七）总计 is the sum of the outcome rows) across every row,
   by a backtracking search over the ambiguous rows' candidates, pruned by the range of each
   undecided cell; a cell not read (blank, a mark) is an unknown count, as in the checks.

The rows, columns and groups come from the model's layout and the rules from
:mod:`disclosure_report.checks` (:func:`~disclosure_report.checks.table3_plan`,
:func:`~disclosure_report.checks.table4_plan`) for the report's format version, so a version
with other rows is split alike. Both searches are bounded (:data:`MAX_STEPS`,
:data:`MAX_CANDIDATES`); a search cut short answers *ambiguous*.

The answer is one of: **unique** (the only split the rules allow: used, with a ``cells_split``
note that quotes the run and the split), **ambiguous** (the cells stay blank; a
``cells_ambiguous`` note lists every candidate, up to :data:`MAX_LISTED`), or **none** (blank; a
``cells_unsplit`` note says that no split satisfies the rules, which is also what a publisher's
wrong total gives).
"""

from __future__ import annotations

import functools

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final, Literal

import attrs

from disclosure_report.checks import rules_of, table3_plan, table4_plan
from disclosure_report.model import MAX_COUNT, format_version
from disclosure_report.reading._notes import NoteCode, ReadingNote
from disclosure_report.reading._rows import Occurrence, Token, where
from disclosure_report.reading._source_layout import Cell
from disclosure_report.reading._values import Value


__all__ = [
    "MAX_CANDIDATES",
    "MAX_LISTED",
    "MAX_STEPS",
    "Answer",
    "Piece",
    "Runs",
    "Shape",
    "pieces_of",
    "resolve_table",
    "split_row",
]

MAX_STEPS: Final = 20_000
"""Steps of one search (a row's splits, or the table's combinations) at most; then *ambiguous*."""
MAX_CANDIDATES: Final = 64
"""Candidates of a row kept at most; a row with more is *ambiguous* without the table search."""
MAX_LISTED: Final = 8
"""Candidates quoted in a note at most ("and N more")."""
_MAX_DIGITS: Final = len(str(MAX_COUNT))
_TABLE3: Final = 3

Kind = Literal["unique", "ambiguous", "none"]
Cells = tuple[int | None, ...]
"""A row's cells: a count, or ``None`` for a cell whose count is unknown (blank, a mark)."""


@attrs.frozen
class Piece:
    """A value of a row as printed: a run of digits that may be several cells (``run``), or
    one cell whatever it holds (``fixed``: its count, ``None`` when it is no count)."""

    run: str | None = None
    fixed: int | None = None


@attrs.frozen
class Answer:
    """What the rules say of a row's runs.

    Attributes:
        kind: ``unique``, ``ambiguous`` or ``none``.
        candidates: The splits that satisfy the rules (for *none*: those of the row alone that
            the table's rules then excluded, if any), each as the texts of the row's cells.
        capped: The search was cut short (then *kind* is ``ambiguous``).
    """

    kind: Kind
    candidates: tuple[tuple[str, ...], ...]
    capped: bool = False


@attrs.frozen
class Shape:
    """What the rules say of a table: the groups of each row (``(start, end)``: the cells
    ``start .. end - 1`` add up to cell ``end``), and the column rules as sums of rows equal
    on both sides (each row by its index), the same for every column."""

    groups: tuple[tuple[int, int], ...]
    columns: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = ()
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
        columns: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
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


def pieces_of(values: Sequence[Value]) -> tuple[Piece, ...] | None:
    """The pieces of a row's values, ``None`` unless one of them is a run that could be
    several cells (two or more plain digits)."""
    pieces: list[Piece] = []
    for value in values:
        if value.kind == "text":
            return None
        plain = value.kind == "number" and value.unit is None and value.text.isdigit()
        if plain and value.text.isascii():
            pieces.append(Piece(run=value.text))
        elif (number := value.number) is not None and number == number.to_integral_value():
            pieces.append(Piece(fixed=int(number)))
        else:
            pieces.append(Piece())
    if not any(p.run is not None and len(p.run) > 1 for p in pieces):
        return None
    return tuple(pieces)


def split_row(
    pieces: Sequence[Piece], size: int, groups: Sequence[tuple[int, int]]
) -> tuple[list[tuple[tuple[str | None, ...], Cells]], bool]:
    """Every split of *pieces* into *size* cells in which each group adds up.

    Returns the splits (each: the cells' texts, ``None`` for a fixed piece, and their counts)
    and whether the search was cut short (:data:`MAX_STEPS`, :data:`MAX_CANDIDATES`).
    """
    search = _RowSearch(tuple(pieces), size, {end: start for start, end in groups})
    search.walk(0, 0)
    return search.found[:MAX_CANDIDATES], search.capped


@attrs.define
class _RowSearch:
    """The backtracking search of :func:`split_row`: cell by cell, piece by piece."""

    pieces: tuple[Piece, ...]
    size: int
    totals: dict[int, int]
    """The first cell of the group whose total is at each total's cell."""
    found: list[tuple[tuple[str | None, ...], Cells]] = attrs.Factory(list)
    texts: list[str | None] = attrs.Factory(list)
    counts: list[int | None] = attrs.Factory(list)
    steps: int = 0
    capped: bool = False
    left: list[int] = attrs.Factory(list)
    """The most cells the pieces from each one on can give."""

    def __attrs_post_init__(self) -> None:
        self.left = [0] * (len(self.pieces) + 1)
        for i in range(len(self.pieces) - 1, -1, -1):
            self.left[i] = self.left[i + 1] + len(self.pieces[i].run or "_")

    def walk(self, p: int, offset: int) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS or len(self.found) > MAX_CANDIDATES:
            self.capped = True
            return
        cell = len(self.counts)
        if p == len(self.pieces):
            if cell == self.size:
                self.found.append((tuple(self.texts), tuple(self.counts)))
            return
        rest_cells = self.size - cell
        if rest_cells < len(self.pieces) - p or rest_cells > self.left[p] - offset:
            return
        start = self.totals.get(cell)
        parts = self.counts[start:cell] if start is not None else []
        known = None if None in parts else sum(c for c in parts if c is not None)
        run = self.pieces[p].run
        if run is None:
            fixed = self.pieces[p].fixed
            if start is None or known is None or fixed is None or fixed == known:
                self.take(p, offset, None, fixed)
        elif start is not None and known is not None:
            # A group's total is the sum of its parts: the run goes on with its digits or fails.
            if run.startswith(str(known), offset):
                self.take(p, offset, str(known), known)
        else:
            self.cells(p, offset, sum(c or 0 for c in parts))

    def cells(self, p: int, offset: int, floor: int) -> None:
        """Each next cell that the run of piece *p* can give from *offset*, at least *floor*."""
        rest = self.pieces[p].run or ""
        longest = 1 if rest[offset] == "0" else min(len(rest) - offset, _MAX_DIGITS)
        for length in range(1, longest + 1):
            count = int(rest[offset : offset + length])
            if count > MAX_COUNT:
                break
            if count >= floor:
                self.take(p, offset, rest[offset : offset + length], count)

    def take(self, p: int, offset: int, text: str | None, count: int | None) -> None:
        self.texts.append(text)
        self.counts.append(count)
        run = self.pieces[p].run
        used = offset + len(text or "")
        if run is None or used == len(run):
            self.walk(p + 1, 0)
        else:
            self.walk(p, used)
        self.texts.pop()
        self.counts.pop()


def resolve_table(
    rows: Sequence[Cells | None],
    pending: Mapping[int, Sequence[Cells]],
    shape: Shape,
    width: int,
) -> tuple[dict[int, set[int]], bool]:
    """Which candidates of the *pending* rows (row index: candidate cells) the column rules
    allow, given the other *rows* (their cells; ``None`` for a row not read).

    Returns, for each pending row, the indices of its candidates that take part in at least one
    combination of the pending rows that satisfies every column rule (empty when none does), and
    whether the search was cut short.
    """
    search = _TableSearch(rows, pending, shape, width)
    if search.fits():
        search.search(0)
    return search.allowed, search.capped


_INFINITY: Final = float("inf")


@attrs.define
class _TableSearch:
    """The backtracking search of :func:`resolve_table`: one pending row at a time (those with
    fewest candidates first), pruned by the range of every cell not yet decided."""

    rows: Sequence[Cells | None]
    pending: Mapping[int, Sequence[Cells]]
    shape: Shape
    width: int
    order: list[int] = attrs.Factory(list)
    chosen: dict[int, int] = attrs.Factory(dict)
    allowed: dict[int, set[int]] = attrs.Factory(dict)
    steps: int = 0
    capped: bool = False

    def __attrs_post_init__(self) -> None:
        self.order = sorted(self.pending, key=lambda r: len(self.pending[r]))
        self.allowed = {r: set() for r in self.pending}

    def bounds(self, row: int, column: int) -> tuple[float, float]:
        """The least and the most that the cell can hold."""
        if row in self.chosen:
            values: Sequence[int | None] = (self.pending[row][self.chosen[row]][column],)
        elif row in self.pending:
            values = [cells[column] for cells in self.pending[row]]
        else:
            cells = self.rows[row]
            values = (None if cells is None else cells[column],)
        if None in values:
            return 0, _INFINITY
        counts = [v for v in values if v is not None]
        return min(counts), max(counts)

    def side(self, rows: tuple[int, ...], column: int) -> tuple[float, float]:
        low = high = 0.0
        for row in rows:
            least, most = self.bounds(row, column)
            low += least
            high += most
        return low, high

    def fits(self) -> bool:
        """Whether every column rule can still hold."""
        for column in range(self.width):
            for left, right in self.shape.columns:
                low_l, high_l = self.side(left, column)
                low_r, high_r = self.side(right, column)
                if low_l > high_r or low_r > high_l:
                    return False
        return True

    def search(self, depth: int) -> None:
        if depth == len(self.order):
            for row, index in self.chosen.items():
                self.allowed[row].add(index)
            return
        row = self.order[depth]
        for index in range(len(self.pending[row])):
            self.steps += 1
            if self.steps > MAX_STEPS:
                self.capped = True
            if self.capped:
                return
            self.chosen[row] = index
            if self.fits():
                self.search(depth + 1)
            del self.chosen[row]


def _listed(candidates: Sequence[tuple[str, ...]], more: int = 0) -> str:
    shown = ["/".join(c) for c in candidates[:MAX_LISTED]]
    extra = len(candidates) - len(shown) + more
    return "; ".join(shown) + (f"; and {extra} more" if extra else "")


@attrs.define
class _Pending:
    occurrence: Occurrence
    tokens: list[Token]
    splits: list[tuple[tuple[str | None, ...], Cells]]
    capped: bool


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
        pieces = pieces_of([t.value for t in tokens])
        if pieces is None or sum(len(p.run or "_") for p in pieces) < size:
            return None  # too few digits for the row's cells: a row cut short, not run together
        splits, capped = split_row(pieces, size, self.shape.groups)
        if len(splits) == 1 and not capped:
            return self._use(occurrence, tokens, splits[0][0], self._rule)
        key = occurrence.spec.key if occurrence.spec else ""
        if len(splits) > 1 and not capped and self.shape.columns and key in self.shape.keys:
            self.pending[key] = _Pending(occurrence, tokens, splits, capped)
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
        allowed, capped = resolve_table(table, pending, self.shape, width)
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
                f" (the row alone allows {_listed(shown)}); the row is left blank"
            )
            self._note(occurrence, tokens, NoteCode.CELLS_UNSPLIT, why)
        elif not splits and not capped:
            why = f"the cells ran together in {runs!r}; no split satisfies {rules}; the row is left blank"
            self._note(occurrence, tokens, NoteCode.CELLS_UNSPLIT, why)
        else:
            cut = ", the search cut short" if capped else ""
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
