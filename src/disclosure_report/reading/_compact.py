"""The rows of a text layout held compactly: a shape per distinct line, two numbers per row.

A :class:`~._source_layout.Row` with its cells costs some 300 bytes, twenty times a line of a
table (``行政许可\t7``): a long page of repeated rows held as objects took 25 times its size in
memory, and a second of the collector's time (issue 14). :class:`CompactRows` keeps each distinct
shape of a line once (its cells' texts, and whether the line marks its cells) and, per row, the
shape's number and the line's number in two arrays; a row is made when it is asked for, and is
then garbage as soon as the stage that asked is done with it.

The stages that look only at texts (sections, anchors, the version's votes, the units, the
narrative) use :func:`samples` and :func:`firsts`: one shared row per shape, so that a repeated
line is judged once. The table stage iterates the rows themselves: each row is made once per
pass, so that the cells of one row are the same objects for as long as the pass holds them.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import islice
from operator import itemgetter
from typing import TypeAlias, overload

from disclosure_report.reading._source_layout import Cell, Row


__all__ = [
    "FEW",
    "CompactRows",
    "Shape",
    "TableShape",
    "counted",
    "firsts",
    "make_row",
    "samples",
    "settled",
]

Shape: TypeAlias = tuple[tuple[str, ...], bool]
"""The cells' texts of a line, and whether the line marks its cells (tabs, pipes)."""
TableShape: TypeAlias = tuple[
    tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...] | None, int
]
"""The cells' texts of a row of an HTML table, their grid columns, their lines (each less the
row's), how many grid columns each covers (``None`` when each covers one), and the index of the
table: such a row marks its cells."""
_NONE = -1
FEW = 2000
"""Rows up to which a page's rows are made at once (ten times the longest report of the corpus):
then each is made once for all the stages, which costs less time than making them at each
stage that asks, and little memory."""
"""The row's index in its table when it is in none (:attr:`Row.index`, ``None``)."""


class _Store:
    """What the rows of one text share: the distinct shapes (each with its number, and its
    sample row once one is made), and per row the shape's number, the line's, and the row's
    index in its table."""

    __slots__ = ("ids", "index", "indexes", "lines", "samples", "shapes")

    def __init__(self) -> None:
        self.shapes: list[Shape | TableShape] = []
        self.index: dict[Shape | TableShape, int] = {}
        self.samples: list[Row | None] = []
        self.ids = array("I")
        self.lines = array("I")
        self.indexes = array("i")

    def row(self, position: int) -> Row:
        """The row at *position*, made now."""
        return make_row(
            self.shapes[self.ids[position]], self.lines[position], self.indexes[position]
        )


class CompactRows(Sequence[Row]):
    """Rows of text or HTML, made when asked for (see the module's docstring).

    Build one with :meth:`add`; slices are views that share the arrays, so that a table's
    region costs no copy.
    """

    __slots__ = ("_start", "_stop", "_store")

    def __init__(self, store: _Store | None = None, start: int = 0, stop: int | None = None):
        self._store = _Store() if store is None else store
        self._start = start
        self._stop = stop

    def add(self, shape: Shape | TableShape, line: int, index: int | None = None) -> None:
        """Append the row of *shape* printed on *line*, the *index*-th row of its table (before
        any slice is taken)."""
        store = self._store  # add_known's work, without a call: each line of a long text
        number = store.index.get(shape)
        if number is None:
            number = self.known(shape)
        store.ids.append(number)
        store.lines.append(line)
        store.indexes.append(_NONE if index is None else index)

    def known(self, shape: Shape | TableShape) -> int:
        """The number of *shape* among the shapes kept, kept now if it is new: for
        :meth:`add_known`, when a caller adds many rows of a shape it knows."""
        store = self._store
        number = store.index.get(shape)
        if number is None:
            number = store.index[shape] = len(store.shapes)
            store.shapes.append(shape)
            store.samples.append(None)
        return number

    def add_known(self, number: int, line: int, index: int | None = None) -> None:
        """As :meth:`add`, for the shape whose number :meth:`known` gave."""
        store = self._store
        store.ids.append(number)
        store.lines.append(line)
        store.indexes.append(_NONE if index is None else index)

    def __len__(self) -> int:
        stop = len(self._store.ids) if self._stop is None else self._stop
        return stop - self._start

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return tuple(self[i] for i in range(start, stop, step))
            return CompactRows(self._store, self._start + start, self._start + max(start, stop))
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError(index)
        return self._store.row(self._start + index)

    def shape_ids(self) -> Iterator[int]:
        """The number of each row's shape, in order: rows of one number print the same cells
        (texts, columns, spans), so that a stage can judge a shape once for all its rows."""
        return islice(self._store.ids, self._start, self._start + len(self))

    def __iter__(self) -> Iterator[Row]:
        store = self._store
        shapes, ids, lines, indexes = store.shapes, store.ids, store.lines, store.indexes
        for position in range(self._start, self._start + len(self)):
            yield make_row(shapes[ids[position]], lines[position], indexes[position])

    def shared(self) -> Iterator[Row]:
        """Each row's shape's sample row (made once, then shared)."""
        store = self._store
        ids, made = store.ids, store.samples
        for position in range(self._start, self._start + len(self)):
            shape = ids[position]
            sample = made[shape]
            if sample is None:
                sample = made[shape] = store.row(position)
            yield sample

    def tally(self) -> Iterator[tuple[int, int, Row]]:
        """Each distinct shape in order of its first row: that row's index, the number of
        rows of the shape, and its sample row. Counted in C (a long page has as many distinct
        shapes as rows when its lines differ)."""
        store, start = self._store, self._start
        ids = store.ids[start : start + len(self)]
        counts = Counter(ids)
        first = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
        for shape, index in sorted(first.items(), key=itemgetter(1)):
            sample = store.samples[shape]
            if sample is None:
                sample = store.samples[shape] = store.row(start + index)
            yield index, counts[shape], sample


def settled(rows: CompactRows) -> Sequence[Row]:
    """*rows* as they are held for the later stages: made at once, as a tuple, when there are
    no more than a report has (:data:`FEW`); otherwise compact."""
    return tuple(rows) if len(rows) <= FEW else rows


def samples(rows: Sequence[Row]) -> Iterator[Row]:
    """The rows, or for :class:`CompactRows` a shared row per shape in each row's place (its
    texts are the row's; its line is that of the shape's first row): for stages that read
    only the texts, which then make no object per row."""
    return rows.shared() if isinstance(rows, CompactRows) else iter(rows)


def firsts(rows: Sequence[Row]) -> Iterator[tuple[int, Row]]:
    """The index and (as :func:`samples`) the row of each row of *rows*, but of a
    :class:`CompactRows` only the first row of each shape: a later row of the same shape has
    the same texts and gets the same verdict from a stage that judges texts alone, which only
    the first can change."""
    if not isinstance(rows, CompactRows):
        return enumerate(rows)
    return ((index, sample) for index, _, sample in rows.tally())


def counted(rows: Sequence[Row]) -> Iterator[tuple[Row, int]]:
    """Each row of *rows* with 1, or of a :class:`CompactRows` each shape's sample row with
    the number of its rows: for stages that count what the texts say."""
    if not isinstance(rows, CompactRows):
        return ((row, 1) for row in rows)
    return ((sample, count) for _, count, sample in rows.tally())


def make_row(shape: Shape | TableShape, line: int, index: int = _NONE) -> Row:
    """The row of *shape* printed on *line*, the *index*-th of its table (:data:`_NONE`: none)."""
    if len(shape) == 5:  # noqa: PLR2004 (a TableShape)
        texts, columns, offsets, spans, table = shape
        if spans is None:
            made = [Cell(t, line + o, c) for t, c, o in zip(texts, columns, offsets, strict=True)]
        else:
            cells = zip(texts, columns, offsets, spans, strict=True)
            made = [Cell(t, line + o, c, span=s) for t, c, o, s in cells]
        return Row(
            tuple(made),
            line,
            delimited=True,
            table=table,
            index=index,
        )
    texts, delimited = shape
    if delimited:
        return Row(tuple([Cell(t, line, i) for i, t in enumerate(texts)]), line, delimited=True)
    return Row((Cell(texts[0], line),), line)
