"""The two searches that split cells which ran together (see :mod:`._runs`).

:func:`split_row` cuts a row's digit runs into its cells so that every group of the row adds up;
:func:`resolve_table` keeps the candidates of several rows that the column rules allow together.
Both are plain backtracking, bounded by :data:`MAX_STEPS`, and ordered so that each rule prunes
as soon as it can:

* A row is cut **from its right end**, group by group: a group's 总计 first, then its parts
  right to left. Once the total is chosen, every part is at most what the total leaves (so it
  has no more digits than that), and the group's first part is no choice at all: it is the
  total less the other parts, and the run must end with exactly those digits. Parts that take
  every digit left (the first group) are checked before they are cut: their sum is congruent
  to the digits' sum modulo 9 however the digits are cut, lies between the least and the most
  that so many digits can sum to in so many cells, and for the last three or four parts is one
  of the sums they can make. Two parts left of a later group must be two cells that end there and
  sum to the rest.
* The table's rows are first narrowed one by one (a candidate stays only if every column rule
  can still hold with it and the other rows' ranges), then a search looks for one combination
  that holds for each candidate still open; each rule's sums are kept up to date as rows are
  chosen, so a check costs a few additions, not a pass over the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

import attrs

from disclosure_report.model import MAX_COUNT


__all__ = [
    "MAX_CANDIDATES",
    "MAX_STEPS",
    "Cells",
    "ColumnRule",
    "Piece",
    "Split",
    "resolve_table",
    "split_row",
]

MAX_STEPS: Final = 20_000
"""Steps of one search (a row's cuts, or the table's combinations) at most; then *ambiguous*."""
MAX_CANDIDATES: Final = 64
"""Candidates of a row kept at most; a row with more is *ambiguous* without the table search."""
_MAX_DIGITS: Final = len(str(MAX_COUNT))
_UNKNOWN: Final = 10**30
"""The most that a cell not read may hold, in a rule's bounds: more than any sum of counts."""
_EXACT: Final = 3
"""Cells left up to which :meth:`_RowSearch.exact` knows their sums, not only their range."""
_PAIR: Final = 2

Cells = tuple[int | None, ...]
"""A row's cells: a count, or ``None`` for a cell whose count is unknown (blank, a mark)."""
Split = tuple[tuple[str | None, ...], Cells]
"""A split of a row: each cell's digits (``None`` for a value printed apart), and its count."""
ColumnRule = tuple[tuple[int, ...], tuple[int, ...]]
"""A column rule: the rows (by index) whose sum is equal on both sides, in every column."""


@attrs.frozen
class Piece:
    """A value of a row as printed: a run of digits that may be several cells (``run``), or
    one cell whatever it holds (``fixed``: its count, ``None`` when it is no count)."""

    run: str | None = None
    fixed: int | None = None

    @property
    def slots(self) -> int:
        """The most cells the piece can give: a digit each, or one."""
        return 1 if self.run is None else len(self.run)


def split_row(
    pieces: Sequence[Piece], size: int, groups: Sequence[tuple[int, int]]
) -> tuple[list[Split], bool]:
    """Every split of *pieces* into *size* cells in which each group adds up.

    *groups* are ``(start, end)``: the cells ``start .. end - 1`` add up to cell ``end``.
    Returns the splits, in the order of their cuts from the left (a shorter first cell first),
    at most :data:`MAX_CANDIDATES`, and whether the search was cut short.
    """
    search = _RowSearch(tuple(pieces), size, groups)
    if pieces and size:
        last = len(pieces) - 1
        search.walk(size - 1, last, pieces[last].slots, None, 0, unknown=False)
    found = sorted(search.found, key=lambda split: [len(text or "_") for text in split[0]])
    return found[:MAX_CANDIDATES], search.capped


@attrs.define
class _RowSearch:
    """The search of :func:`split_row`: cell by cell from the right end of the row."""

    pieces: tuple[Piece, ...]
    size: int
    groups: Sequence[tuple[int, int]]
    found: list[Split] = attrs.Factory(list)
    texts: list[str | None] = attrs.Factory(list)
    counts: list[int | None] = attrs.Factory(list)
    steps: int = 0
    capped: bool = False
    group_of: list[tuple[int, int] | None] = attrs.Factory(list)
    before: list[int] = attrs.Factory(list)
    """The slots of the pieces before each one."""
    sets: dict[tuple[int, int, int], frozenset[int]] = attrs.Factory(dict)
    """What :meth:`exact` found."""
    pair_sums: dict[int, dict[int, int]] = attrs.Factory(dict)
    """What :meth:`pairs` found."""
    ending: dict[int, list[tuple[int, int]]] = attrs.Factory(dict)
    """What :meth:`cells_to` found."""
    nines: list[int] = attrs.Factory(list)
    """The sum of the first piece's first digits, modulo 9, for each count of digits."""

    def __attrs_post_init__(self) -> None:
        self.group_of = [None] * self.size
        for start, end in self.groups:
            for cell in range(start, end + 1):
                self.group_of[cell] = (start, end)
        self.nines = [0]
        for digit in self.pieces[0].run or "" if self.pieces else "":
            self.nines.append((self.nines[-1] + int(digit)) % 9)
        self.before = [0]
        for piece in self.pieces:
            self.before.append(self.before[-1] + piece.slots)

    def walk(
        self, cell: int, p: int, end: int, total: int | None, parts: int, *, unknown: bool
    ) -> None:
        """Cut cell *cell* from the first *end* slots of piece *p*. *total* is the total of
        the cell's group (``None``: not chosen yet, or no count), *parts* the sum of the parts
        cut so far, *unknown* whether one of them is no count."""
        if cell < 0:
            if p < 0:
                self.found.append((tuple(reversed(self.texts)), tuple(reversed(self.counts))))
            return
        self.steps += 1
        if self.steps > MAX_STEPS or len(self.found) > MAX_CANDIDATES:
            self.capped = True
            return
        if not p + 1 <= cell + 1 <= self.before[p] + end:
            return  # every piece left must give a cell, and every cell have a slot
        group = self.group_of[cell]
        most = forced = None
        if group is not None and cell != group[1] and total is not None:
            most = total - parts
            if cell == group[0] and not unknown:
                forced = most  # the first part is what the total leaves
        for text, value, rest in _options(self.pieces[p], end, most, forced):
            after = _after(group, cell, value, total, parts, unknown=unknown)
            q, left = (p, rest) if rest else (p - 1, self.pieces[p - 1].slots if p else 0)
            if not self.fits(cell, group, q, self.before[q] + left, after):
                continue
            self.texts.append(text)
            self.counts.append(value)
            self.walk(cell - 1, q, left, after[0], after[1], unknown=after[2])
            self.texts.pop()
            self.counts.pop()

    def fits(
        self, cell: int, group: tuple[int, int] | None, q: int, slots: int, after: _State
    ) -> bool:
        """Whether the *slots* left can still be cut into the cells before *cell*: the parts of
        its *group* left are at most what its total leaves, each cell before the group at most
        a count."""
        total, parts, _ = after
        if group is None or cell <= group[0] or total is None:
            return True
        left = total - parts
        cells = cell - group[0]
        if slots > cells * len(str(left)) + group[0] * _MAX_DIGITS:
            return False  # too many digits for what the total leaves
        if q or self.pieces[0].run is None or (after[2] and group[0]):
            return True
        widest = len(str(left))
        if group[0]:
            # Two parts left, from the run: some two cells ending here must sum to the rest.
            return cells != _PAIR or self.pairs(slots).get(left, _MAX_DIGITS + 1) <= widest
        return self.anchored(cells, slots, left, widest, unknown=after[2])

    def anchored(self, cells: int, slots: int, left: int, widest: int, *, unknown: bool) -> bool:
        """Whether the first *slots* digits of the run, cut into *cells* cells of at most
        *widest* digits, can sum to *left* (at most *left* if a part is *unknown*)."""
        if slots < cells or (not unknown and left % 9 != self.nines[slots]):
            return False  # a number is its digits' sum modulo 9, however the digits are cut
        if unknown:
            return _least(cells, slots) <= left
        if cells <= _EXACT:
            return left in self.exact(cells, slots, widest)
        in_range = _least(cells, slots) <= left <= _most(cells, slots, widest)
        if cells == _EXACT + 1:  # one cell more: its options, each against the exact sums
            return in_range and any(
                value <= left and left - value in self.exact(_EXACT, slots - length, widest)
                for length, value in self.cells_to(slots)
                if length <= widest
            )
        return in_range

    def exact(self, cells: int, digits: int, widest: int) -> frozenset[int]:
        """Every sum of the first *digits* digits of the first piece (a run) cut into *cells*
        cells of at most *widest* digits (at most ``widest ** (cells - 1)`` sums: kept for few
        cells only)."""
        widest = min(widest, digits - cells + 1)  # no cell can be longer: one key for all
        key = (cells, digits, widest)
        found = self.sets.get(key)
        if found is not None:
            return found
        if not cells:
            found = frozenset({0} if not digits else ())
        elif not cells <= digits <= cells * widest:
            found = frozenset()
        else:
            sums: set[int] = set()
            for length, value in self.cells_to(digits):
                if length > widest or length > digits - cells + 1:
                    break
                sums.update(value + rest for rest in self.exact(cells - 1, digits - length, widest))
            found = frozenset(sums)
        self.sets[key] = found
        return found

    def pairs(self, end: int) -> dict[int, int]:
        """Every sum of two cells of the run that end at *end*, each with the fewest digits
        of the longer of the two for that sum."""
        found = self.pair_sums.get(end)
        if found is not None:
            return found
        found = {}
        for second, value in self.cells_to(end):
            for first, other in self.cells_to(end - second):
                longer = max(first, second)
                total = value + other
                if found.get(total, _MAX_DIGITS + 1) > longer:
                    found[total] = longer
        self.pair_sums[end] = found
        return found

    def cells_to(self, end: int) -> list[tuple[int, int]]:
        """The cells of the first piece (a run) that end at *end*: their digits and count,
        shortest first."""
        found = self.ending.get(end)
        if found is None:
            run = self.pieces[0].run or ""
            found = self.ending[end] = [
                (length, int(run[end - length : end]))
                for length in range(1, min(end, _MAX_DIGITS) + 1)
                if (length == 1 or run[end - length] != "0")
                and int(run[end - length : end]) <= MAX_COUNT
            ]
        return found


def _least(cells: int, digits: int) -> int:
    """The least that *digits* digits (at least *cells*) cut into *cells* cells sum to,
    whatever the digits: cells as even as can be, each its least (``10`` for two digits)."""
    short, longer = divmod(digits, cells)
    least = longer * 10**short + (cells - longer) * (10 ** (short - 1) if short > 1 else 0)
    return int(least)


def _most(cells: int, digits: int, widest: int) -> int:
    """The most that *digits* digits (at least *cells*) cut into *cells* cells of at most
    *widest* digits sum to, whatever the digits: as many cells as can be of *widest* nines."""
    spare = digits - cells  # digits beyond one a cell
    full, rest = divmod(spare, widest - 1) if widest > 1 else (0, 0)
    full = min(full, cells)
    total = full * (10**widest - 1)
    if full < cells:
        total += 10 ** (1 + rest if full * (widest - 1) < spare else 1) - 1
        total += (cells - full - 1) * 9
    return int(total)


_State = tuple[int | None, int, bool]
"""The state of a group in :class:`_RowSearch`: its total, the sum of its parts cut so far,
and whether one of them is no count."""


def _after(
    group: tuple[int, int] | None,
    cell: int,
    value: int | None,
    total: int | None,
    parts: int,
    *,
    unknown: bool,
) -> _State:
    """The state of the group of the cell before *cell*, once *cell* holds *value*."""
    if group is None or cell == group[0]:
        return None, 0, False  # the group is done (its first part), or the cell is in none
    if cell == group[1]:
        return value, 0, False  # the total: its parts come next
    return total, parts + (value or 0), unknown or value is None


def _options(
    piece: Piece, end: int, most: int | None, forced: int | None
) -> list[tuple[str | None, int | None, int]]:
    """The values that a cell can take from the first *end* slots of *piece*: at most *most*,
    exactly *forced* if given; each with its digits and the slots left."""
    if piece.run is None:
        value = piece.fixed
        if value is not None and (
            (most is not None and value > most) or (forced is not None and value != forced)
        ):
            return []
        return [(None, value, 0)]
    run = piece.run
    if forced is not None:
        text = str(forced)
        fits = end >= len(text) and run.startswith(text, end - len(text))
        return [(text, forced, end - len(text))] if fits else []
    options: list[tuple[str | None, int | None, int]] = []
    for length in range(1, min(end, _MAX_DIGITS if most is None else len(str(most))) + 1):
        text = run[end - length : end]
        if length > 1 and text[0] == "0":
            continue  # no leading zeros: '0' alone is a cell, '05' is not
        value = int(text)
        if value <= MAX_COUNT and (most is None or value <= most):
            options.append((text, value, end - length))
    return options


def resolve_table(
    rows: Sequence[Cells | None],
    pending: Mapping[int, Sequence[Cells]],
    rules: Sequence[ColumnRule],
    width: int,
) -> tuple[dict[int, set[int]], bool]:
    """Which candidates of the *pending* rows (row index: candidate cells) the column *rules*
    allow, given the other *rows* (their cells; ``None`` for a row not read).

    Returns, for each pending row, the indices of its candidates that take part in at least one
    combination of the pending rows in which every column rule holds (empty when none does),
    and whether the search was cut short (then the sets may miss some).
    """
    search = _TableSearch(rows, pending, rules, width)
    search.narrow()
    if any(not candidates for candidates in search.open.values()):
        return {row: set() for row in pending}, False
    for row in search.order:
        for index in sorted(search.open[row]):
            if index in search.allowed[row]:
                continue
            if search.capped:
                break
            search.choose(row, index)
            search.solve(0)
            search.unchoose(row)
    if search.capped:
        return {row: set(search.open[row]) for row in pending}, True
    return search.allowed, False


@attrs.define
class _TableSearch:
    """The search of :func:`resolve_table`. The bounds of each rule and column are the least
    and the most of its left side less its right side, kept up to date as rows are chosen."""

    rows: Sequence[Cells | None]
    pending: Mapping[int, Sequence[Cells]]
    rules: Sequence[ColumnRule]
    width: int
    open: dict[int, set[int]] = attrs.Factory(dict)
    """The candidates of each pending row not excluded by :meth:`narrow`."""
    allowed: dict[int, set[int]] = attrs.Factory(dict)
    order: list[int] = attrs.Factory(list)
    chosen: dict[int, int] = attrs.Factory(dict)
    low: list[list[int]] = attrs.Factory(list)
    high: list[list[int]] = attrs.Factory(list)
    steps: int = 0
    capped: bool = False

    def __attrs_post_init__(self) -> None:
        self.open = {row: set(range(len(cells))) for row, cells in self.pending.items()}
        self.allowed = {row: set() for row in self.pending}
        self.order = sorted(self.pending, key=lambda row: len(self.pending[row]))
        self.bound()

    def ranges(self, row: int, index: int | None) -> list[tuple[int, int]]:
        """The least and the most that each cell of *row* holds: of its candidate *index*, or
        (``None``) of its open candidates; of its cells if it is not pending."""
        if index is not None:
            rows: list[Cells] = [self.pending[row][index]]
        elif row in self.pending:
            rows = [self.pending[row][i] for i in self.open[row]]
        else:
            cells = self.rows[row]
            rows = [(None,) * self.width if cells is None else cells]
        bounds: list[tuple[int, int]] = []
        for column in range(self.width):
            values = [cells[column] for cells in rows]
            counts = [v for v in values if v is not None]
            if not counts or len(counts) < len(values):
                bounds.append((0, _UNKNOWN))
            else:
                bounds.append((min(counts), max(counts)))
        return bounds

    def bound(self) -> None:
        """The bounds of every rule and column, from the ranges of the rows."""
        self.low = [[0] * self.width for _ in self.rules]
        self.high = [[0] * self.width for _ in self.rules]
        zero = [(0, 0)] * self.width
        for row in {row for left, right in self.rules for row in (*left, *right)}:
            self.shift(row, zero, self.ranges(row, self.chosen.get(row)))

    def holds(self) -> bool:
        """Whether every rule can still hold in every column."""
        return all(
            low <= 0 <= high
            for lows, highs in zip(self.low, self.high, strict=True)
            for low, high in zip(lows, highs, strict=True)
        )

    def narrow(self) -> None:
        """Drop each candidate with which a rule cannot hold, the other rows as they range,
        until none is dropped."""
        changed = True
        while changed:
            changed = False
            for row in self.order:
                for index in sorted(self.open[row]):
                    self.steps += 1
                    if self.steps > MAX_STEPS:
                        self.capped = True
                        return
                    self.choose(row, index)
                    fits = self.holds()
                    self.unchoose(row)
                    if not fits:
                        self.open[row].discard(index)
                        if not self.open[row]:
                            return  # no combination holds
                        self.bound()
                        changed = True

    def shift(self, row: int, old: list[tuple[int, int]], new: list[tuple[int, int]]) -> None:
        """Move the bounds of the rules that hold *row* from its ranges *old* to *new*."""
        for r, (left, right) in enumerate(self.rules):
            for side in (1,) * left.count(row) + (-1,) * right.count(row):
                for column, ((old_least, old_most), (least, most)) in enumerate(
                    zip(old, new, strict=True)
                ):
                    if side > 0:
                        self.low[r][column] += least - old_least
                        self.high[r][column] += most - old_most
                    else:
                        self.low[r][column] -= most - old_most
                        self.high[r][column] -= least - old_least

    def choose(self, row: int, index: int) -> None:
        """Choose candidate *index* of *row*."""
        self.shift(row, self.ranges(row, None), self.ranges(row, index))
        self.chosen[row] = index

    def unchoose(self, row: int) -> None:
        """Take back the choice of *row*."""
        self.shift(row, self.ranges(row, self.chosen.pop(row)), self.ranges(row, None))

    def solve(self, depth: int) -> bool:
        """Find one combination of the rows not chosen yet in which every rule holds; mark
        its candidates allowed."""
        if not self.holds():
            return False
        while depth < len(self.order) and self.order[depth] in self.chosen:
            depth += 1
        if depth == len(self.order):
            for row, index in self.chosen.items():
                self.allowed[row].add(index)
            return True
        row = self.order[depth]
        for index in sorted(self.open[row]):
            self.steps += 1
            if self.steps > MAX_STEPS:
                self.capped = True
                return False
            self.choose(row, index)
            found = self.solve(depth + 1)
            self.unchoose(row)
            if found or self.capped:
                return found
        return False
