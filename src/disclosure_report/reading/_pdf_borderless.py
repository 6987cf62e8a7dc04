"""Tables printed without borders: lines of words into rows of cells, by alignment.

Without rules, a table is found as a run of lines that break into words at wide gaps and hold
values (numbers, not-applicable marks). Its value columns are where the values stand: the
horizontal extents of the values of all its lines, overlapping ones joined (a column's values
overlap whether they are aligned left, right or centred); a header word over a column that holds
no value at all adds that column. Everything left of the first value column is the labels.

A row of the table may take several lines: a label wrapped over two or three lines, values
centred beside it, a group label (``（三）不予公开``) broken beside its rows. The wrapped rest of
a label belongs to the table even as its last lines on a page. A line continues the
row above unless it starts a label of its own (an item number, or a label, header or heading of
the format) or puts a value in a column that the row has already filled. Each row is given like
a row of an HTML table: its label cells (one per label column, lines joined), then one cell per
value column, empty where nothing is printed, so that a value's column is its place.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Sequence
from typing import Final, NamedTuple

from disclosure_report.reading._notes import Location, NoteCode, ReadingNote
from disclosure_report.reading._pdf_words import Line, Segment, join_lines
from disclosure_report.reading._source_layout import Cell, Row
from disclosure_report.reading._values import classify


__all__ = ["Block", "block_rows", "table_blocks"]

WORD_GAP: Final = 0.6
"""A gap wider than this many times the characters' height separates two words of a table."""
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}\s*[.、．])"
)
_FINE_GAP: Final = 0.3
_MIN_VALUES: Final = 2
_WIDE_LINE: Final = 0.45
"""A line of one word wider than this share of the text is narrative: it ends a table."""


class Block(NamedTuple):
    """A run of lines that is a table without borders: from *start* to *stop* (exclusive)."""

    start: int
    stop: int


def table_blocks(
    lines: Sequence[Line], is_label: Callable[[str], bool], breaks: Callable[[str], bool]
) -> list[Block]:
    """The tables without borders among *lines*: runs of lines of several words holding at
    least two values, with the short lines among them (a wrapped label). A line for which
    *breaks* holds (a section heading, a sub-table heading) ends a run."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = max(right - left, 1.0)
    blocks: list[Block] = []
    start: int | None = None
    values = last = 0
    for index, line in enumerate(lines):
        text = line.text()
        words = _words(line)
        tabular = len(words) > 1
        short = (line.x1 - line.x0) < _WIDE_LINE * width
        if start is not None and (breaks(text) or not (tabular or short)):
            if values >= _MIN_VALUES:
                blocks.append(Block(start, last + 1))
            start = None
        if start is None:
            if not tabular or breaks(text):
                continue
            start, values = index, 0
        values += sum(1 for w in words if classify(w.text).is_value)
        if (
            tabular
            or is_label(text)
            or (last == index - 1 and _continues_label(lines[last], line, is_label))
        ):
            last = index
    if start is not None and values >= _MIN_VALUES:
        blocks.append(Block(start, last + 1))
    return blocks


def _continues_label(above: Line, line: Line, is_label: Callable[[str], bool]) -> bool:
    """Whether *line*, a short line of one word, is the wrapped rest of a label on the line
    *above*: it starts where that label starts, is no wider than its cell (as far as the label
    shows it), and the label alone is not one of the format's (it was cut by the wrap).

    Inside a table such lines come before the next row and join it anyway; this keeps them
    when the table breaks across pages right after them."""
    for word in _words(above):
        if (
            abs(word.x0 - line.x0) <= 1
            and line.x1 <= word.x1 + line.height
            and not classify(word.text).is_value
            and not is_label(word.text)
        ):
            return True
    return False


def _words(line: Line) -> list[Segment]:
    """The words of *line*: its parts between gaps wider than :data:`WORD_GAP`; and a part
    that starts with an item number after a narrower gap (``（六）其 1.申请人…``: a group label
    and a row label side by side) is a word of its own."""
    parts = line.segments(_FINE_GAP)
    size = line.height
    words: list[Segment] = []
    for part in parts:
        if words and part.x0 - words[-1].x1 <= WORD_GAP * size and not _NUMBERED.match(part.text):
            last = words[-1]
            words[-1] = Segment(
                f"{last.text} {part.text}",
                last.x0,
                min(last.top, part.top),
                part.x1,
                max(last.bottom, part.bottom),
            )
        else:
            words.append(part)
    return words


class _Column(NamedTuple):
    x0: float
    x1: float


def block_rows(
    lines: Sequence[Line],
    is_label: Callable[[str], bool],
    first_line: int,
    page: int,
    table: int,
    *,
    above: Sequence[Line] = (),
    header: Sequence[Line] = (),
    counts: frozenset[int] = frozenset(),
    notes: list[ReadingNote] | None = None,
) -> list[Row]:
    """The rows of a table without borders printed on *lines*.

    *above* are header lines printed at the foot of the page before (a table broken across a
    page break): their words place columns, they give no rows. *counts*, when given, are the
    numbers of value columns the table may have (table 四: 15); when the values and the header
    words give another number, the fragments of the header (in *lines*, *above*, and *header*:
    the lines before *lines* on their page) decide the columns (a header broken over lines,
    each fragment in its column), and when they cannot, the values are left out and said so
    in *notes*, never shifted into the wrong columns.
    """
    words = [_words(line) for line in lines]
    columns = _columns([*words, *(_words(line) for line in above)])
    if not columns:
        return []
    if counts and len(columns) not in counts:
        columns, words = _counted_columns(
            lines,
            above=[*above, *header],
            words=words,
            columns=columns,
            counts=counts,
            page=page,
            notes=notes,
        )
    label_edge = columns[0].x0 + 0.5
    size = _size(lines)
    label_columns = _label_columns([w for line in words for w in line if w.x1 <= label_edge], size)
    rows: list[_Row] = []
    for line_words in words:
        labels = [w for w in line_words if w.x1 <= label_edge]
        rest = [w for w in line_words if w.x1 > label_edge]
        placed: dict[int, Segment] = {}
        headers: list[Segment] = []
        for word in rest:
            column = _column_of(word, columns)
            if classify(word.text).is_value and column is not None:
                placed[column] = word
            else:
                headers.append(word)
        current = rows[-1] if rows else None
        starts = any(is_label(w.text) or _NUMBERED.match(w.text) for w in labels)
        if (
            current is None
            or starts
            or headers
            or current.headers
            or not current.labels
            or any(column in current.values for column in placed)
        ):
            rows.append(_Row())
            current = rows[-1]
        current.labels.extend(labels)
        current.headers.extend(headers)
        for column, word in placed.items():
            current.values[column] = word
    out: list[Row] = []
    for row in rows:
        number = first_line + len(out)
        cells = _cells(row, columns, label_columns, number, page)
        if cells:
            out.append(Row(tuple(cells), number, delimited=True, table=table, index=len(out)))
    return out


def _counted_columns(
    lines: Sequence[Line],
    *,
    above: Sequence[Line],
    words: list[list[Segment]],
    columns: list[_Column],
    counts: frozenset[int],
    page: int,
    notes: list[ReadingNote] | None,
) -> tuple[list[_Column], list[list[Segment]]]:
    """The columns of a block whose values and header words give a number of columns that
    *counts* does not allow: those of the header's fragments, or, when they do not tell, the
    block's words without its values, which are noted in *notes*."""
    fixed = _fragment_columns([*lines, *above], words, counts)
    if fixed is not None:
        return fixed, words
    _ambiguous(words, columns, counts, page, notes)
    return columns, [[w for w in line if not classify(w.text).is_value] for line in words]


def _fragment_columns(
    lines: Sequence[Line], words: list[list[Segment]], counts: frozenset[int]
) -> list[_Column] | None:
    """The value columns that the header's fragments give, when they are as many as *counts*
    allows and every value of *words* stands in one of them, no two of a line in one.

    The fragments are the parts of the header lines between fine gaps, narrowest first: a
    fragment (the lowest first among equals) that overlaps no column yet starts one (the
    pieces of a column's header overlap it, a group header spans several and adds none).
    """
    fragments = [
        part
        for line in lines
        if not any(classify(w.text).is_value for w in _words(line))
        for part in line.segments(_FINE_GAP)
    ]
    columns: list[_Column] = []
    for part in sorted(fragments, key=lambda part: (part.x1 - part.x0, -part.top)):
        hits = [c for c in columns if part.x0 < c.x1 and c.x0 < part.x1]
        if not hits:
            columns.append(_Column(part.x0, part.x1))
    columns.sort()
    if len(columns) not in counts:
        return None
    for line in words:
        taken: set[int] = set()
        for word in line:
            if not classify(word.text).is_value:
                continue
            middle = (word.x0 + word.x1) / 2
            inside = [i for i, c in enumerate(columns) if c.x0 <= middle <= c.x1]
            found = inside or [
                i for i, c in enumerate(columns) if word.x0 < c.x1 and c.x0 < word.x1
            ]
            if len(found) != 1 or found[0] in taken:
                return None
            taken.add(found[0])
    return columns


def _ambiguous(
    words: list[list[Segment]],
    columns: list[_Column],
    counts: frozenset[int],
    page: int,
    notes: list[ReadingNote] | None,
) -> None:
    values = [w for line in words for w in line if classify(w.text).is_value]
    if notes is None or not values:
        return
    box = _box(values)
    expected = " or ".join(str(n) for n in sorted(counts))
    why = (
        f"a table without borders whose values and header give {len(columns)} columns where"
        f" the format has {expected}: which columns its values stand in is unknown; the"
        " cells are left blank"
    )
    text = " | ".join(w.text for w in values)
    notes.append(ReadingNote(NoteCode.CELLS_AMBIGUOUS, Location(page=page, box=box), why, text))


class _Row:
    def __init__(self) -> None:
        self.labels: list[Segment] = []
        self.headers: list[Segment] = []
        self.values: dict[int, Segment] = {}


def _size(lines: Sequence[Line]) -> float:
    heights = sorted(line.height for line in lines)
    return heights[len(heights) // 2] if heights else 10.0


def _columns(words: list[list[Segment]]) -> list[_Column]:
    """The value columns: the extents of the values, overlapping ones joined; then the
    extents of header words that overlap no value column (a column left blank throughout).

    Such a header word may stand left of every value (the first column blank in every row):
    it is a column's when it starts right of the labels, the words that lines holding values
    print left of their values."""
    values = [w for line in words for w in line if classify(w.text).is_value]
    columns = _joined(values)
    if not columns:
        return []
    edge = columns[0].x0
    labels = [
        w.x1
        for line in words
        if any(classify(w.text).is_value for w in line)
        for w in line
        if w.x1 <= edge and not classify(w.text).is_value
    ]
    start = min(edge, max(labels)) if labels else edge
    others = [
        w
        for line in words
        for w in line
        if w.x0 >= start and not classify(w.text).is_value and not _overlaps(w, columns)
    ]
    return sorted([*columns, *_joined(others)])


def _joined(words: list[Segment]) -> list[_Column]:
    columns: list[_Column] = []
    for word in sorted(words, key=lambda w: w.x0):
        if columns and word.x0 <= columns[-1].x1 + 0.5:
            last = columns[-1]
            columns[-1] = _Column(last.x0, max(last.x1, word.x1))
        else:
            columns.append(_Column(word.x0, word.x1))
    return columns


def _overlaps(word: Segment, columns: list[_Column]) -> bool:
    return any(word.x0 < c.x1 and c.x0 < word.x1 for c in columns)


def _column_of(word: Segment, columns: list[_Column]) -> int | None:
    best, overlap = None, 0.0
    for index, column in enumerate(columns):
        shared = min(word.x1, column.x1) - max(word.x0, column.x0)
        if shared > overlap:
            best, overlap = index, shared
    return best


def _label_columns(labels: list[Segment], size: float) -> list[float]:
    """Where the label columns start: the left edges of label words, those within a
    character of each other as one."""
    starts: list[float] = []
    for x in sorted(w.x0 for w in labels):
        if not starts or x - starts[-1] > size:
            starts.append(x)
    return starts


def _cells(
    row: _Row, columns: list[_Column], label_columns: list[float], number: int, page: int
) -> list[Cell]:
    cells: list[Cell] = []
    by_column: dict[int, list[Segment]] = {}
    for word in row.labels:
        index = max((i for i, x in enumerate(label_columns) if x <= word.x0 + 0.5), default=0)
        by_column.setdefault(index, []).append(word)
    for index in sorted(by_column):
        found = by_column[index]
        text = " ".join(join_lines([w.text for w in found]).split())
        cells.append(Cell(text, number, index, page, _box(found)))
    first = len(label_columns)
    if row.headers:
        cells.extend(
            Cell(w.text, number, first + (_column_of(w, columns) or 0), page, _box([w]))
            for w in sorted(row.headers, key=lambda w: w.x0)
        )
    if not row.values:
        return cells
    everything = [*row.labels, *row.values.values()]
    top = min(w.top for w in everything)
    bottom = max(w.bottom for w in everything)
    for index, column in enumerate(columns):
        value = row.values.get(index)
        if value is None:
            cells.append(
                Cell("", number, first + index, page, _round((column.x0, top, column.x1, bottom)))
            )
        else:
            cells.append(
                Cell(" ".join(value.text.split()), number, first + index, page, _box([value]))
            )
    return cells


def _box(words: list[Segment]) -> tuple[float, float, float, float]:
    return _round(
        (
            min(w.x0 for w in words),
            min(w.top for w in words),
            max(w.x1 for w in words),
            max(w.bottom for w in words),
        )
    )


def _round(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))
