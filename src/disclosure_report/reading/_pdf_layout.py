"""A PDF page's characters and ruling lines into the reader's rows.

* **Ruled tables.** Horizontal and vertical rules that cross each other make a table; the
  distinct positions of its rules make a grid, and where a rule is missing between two slots of
  the grid they are one merged cell (a label spanning rows or columns). Every character goes to
  the cell that holds its centre, and a cell's lines are joined with a space, as a line break in
  a cell of a web page reads. The table's rows become delimited rows like those of an HTML
  table: a merged cell is given once, in the row and column where it starts; empty cells are
  given too, so that a value's column is its place in the grid.
* **Text outside them**: lines (see :mod:`._pdf_words`). A line that breaks into several parts
  at wide gaps is a row of a table printed without borders, its parts the cells; other lines
  are narrative, one cell each. Page numbers (``- 4 -``, ``— 5 —``, ``第4页``, a lone number)
  at the top or foot of a page are dropped, never read as a value.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from disclosure_report.reading._normalize import fold, split_label
from disclosure_report.reading._notes import ReadingNote
from disclosure_report.reading._pdf_borderless import block_rows, table_blocks
from disclosure_report.reading._pdf_page import Char, PageContent, Rule
from disclosure_report.reading._pdf_words import (
    SPACE_GAP,
    Line,
    is_wide,
    join_lines,
    join_paragraph,
    lines_of,
)
from disclosure_report.reading._sections import SECTION_HEADINGS
from disclosure_report.reading._source_layout import Cell, Row
from disclosure_report.reading._vocabulary import is_table3_caption, vocabulary


__all__ = [
    "Grid",
    "PagePlan",
    "PageRows",
    "RowBuilder",
    "TextGeometry",
    "document_rows",
    "grids_of",
    "margin_lines",
    "page_plan",
    "page_rows",
    "signature",
    "text_geometry",
]

SNAP: Final = 2.0
"""Rules closer than this (points) are at one position (double lines, stroke widths)."""
TOUCH: Final = 3.0
"""Rules whose ends come this close meet."""
_MIN_SLOT: Final = 3.0
"""Bands of the grid narrower than this are the gap of a double line, not a row or column."""
_PAGE_NUMBER = re.compile(
    r"^[\s\-\u2010-\u2015\u2212\uff0d~\uff5e·•.]*"
    r"(?:第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?"
    r"|[ivxlcdmIVXLCDM]{1,6})"
    r"[\s\-\u2010-\u2015\u2212\uff0d~\uff5e·•.]*$"
)
_DASHED_NUMBER = re.compile(
    r"^[\-\u2010-\u2015\u2212\uff0d~\uff5e]\s*\d{1,4}\s*[\-\u2010-\u2015\u2212\uff0d~\uff5e]$"
)
_OUTER: Final = 0.2
_MARGIN_LINES: Final = 2
"""Lines at the top and at the foot of a page looked at for a page number."""


class Grid(NamedTuple):
    """A ruled table: the positions of its rules, and which slots are one cell."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    origin: dict[tuple[int, int], tuple[int, int]]
    """For every slot ``(row, column)``, the slot where its (merged) cell starts."""
    extent: dict[tuple[int, int], tuple[int, int]]
    """For every cell's starting slot, the last ``(row, column)`` it covers."""

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def holds(self, x: float, y: float) -> bool:
        return self.xs[0] < x < self.xs[-1] and self.ys[0] < y < self.ys[-1]

    def slot(self, x: float, y: float) -> tuple[int, int]:
        row = min(max(bisect.bisect(self.ys, y) - 1, 0), len(self.ys) - 2)
        column = min(max(bisect.bisect(self.xs, x) - 1, 0), len(self.xs) - 2)
        return self.origin[row, column]


class PageRows(NamedTuple):
    """The rows of a page, and how many lines they took."""

    rows: list[Row]
    lines: int


class PagePlan(NamedTuple):
    """What a page holds, top to bottom, before it becomes rows: narrative lines, tables
    without borders (their lines) and ruled tables (their grid and characters)."""

    page: int
    width: float
    items: list[Line | list[Line] | tuple[Grid, list[Char]]]


def page_plan(content: PageContent, page: int, running: frozenset[str] = frozenset()) -> PagePlan:
    """The plan of *content*, page *page* (1-based). Lines in the page's margins whose
    :func:`signature` is in *running* (a running header or footer) are left out, and so are
    page numbers."""
    grids = grids_of(content.rules)
    inside: list[list[Char]] = [[] for _ in grids]
    outside: list[Char] = []
    for ch in content.chars:
        x, y = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        for index, grid in enumerate(grids):
            if grid.holds(x, y):
                inside[index].append(ch)
                break
        else:
            outside.append(ch)
    lines = _without_page_numbers(
        [
            line
            for line in lines_of(outside)
            if line.text().strip() and not (running and _running(line, content.height, running))
        ],
        content.height,
    )
    blocks: list[tuple[float, bool, Line | list[Line] | tuple[Grid, list[Char]]]] = []
    taken: set[int] = set()
    for block in table_blocks(lines, is_label, is_break):
        blocks.append((lines[block.start].top, False, lines[block.start : block.stop]))
        taken.update(range(block.start, block.stop))
    blocks.extend((line.top, True, line) for index, line in enumerate(lines) if index not in taken)
    blocks.extend(
        (grid.ys[0], False, (grid, inside[index]))
        for index, grid in enumerate(grids)
        if inside[index]
    )
    blocks.sort(key=lambda block: (block[0], block[1]))
    return PagePlan(page, content.width, [item for _, _, item in blocks])


def page_rows(
    content: PageContent,
    page: int,
    first_line: int,
    table_base: int,
    running: frozenset[str] = frozenset(),
) -> PageRows:
    """The rows of *content*, page *page* (1-based), read alone (see :func:`document_rows`),
    numbered from *first_line*; ruled tables numbered from *table_base*."""
    plan = page_plan(content, page, running)
    builder = RowBuilder(first_line, table_base, text_geometry([plan]))
    builder.add(plan)
    builder.end_paragraph()
    return PageRows(builder.rows, builder.number - first_line)


def document_rows(plans: Sequence[PagePlan], notes: list[ReadingNote] | None = None) -> list[Row]:
    """The rows of a document's pages, in order: a paragraph that goes on across a page break
    is one row, and a table without borders whose header is at the foot of the page before
    takes its columns from it too. What cannot be read goes to *notes*."""
    builder = RowBuilder(1, 0, text_geometry(plans), notes)
    for plan in plans:
        builder.add(plan)
    builder.end_paragraph()
    return builder.rows


_RUNNING: Final = 0.1
"""Running headers and footers stand in the top and bottom tenth of a page."""
_DIGITS = re.compile(r"\d+")


def signature(text: str) -> str:
    """A line's text with its numbers and spaces left out: the same on every page for a
    running header or footer (``第 3 页``, a date, a file name with a page count)."""
    return _DIGITS.sub("#", "".join(text.split()))


def margin_lines(content: PageContent) -> list[str]:
    """The signatures of the lines in the margins of a page, where running headers and
    footers stand."""
    height = content.height
    edge = [
        ch
        for ch in content.chars
        if ch.bottom < _RUNNING * height or ch.top > (1 - _RUNNING) * height
    ]
    return [signature(line.text()) for line in lines_of(edge) if line.text().strip()]


def _running(line: Line, height: float, running: frozenset[str]) -> bool:
    outer = line.bottom < _RUNNING * height or line.top > (1 - _RUNNING) * height
    return outer and signature(line.text()) in running


def is_label(text: str) -> bool:
    """Whether *text* is a label, header or heading of a table of the format."""
    if len(text) > _MAX_LABEL:
        return False
    words = vocabulary()
    if words.article_heading(text) is not None or is_table3_caption(text):
        return True
    if words.table4_matcher.is_header(text):
        return True
    return any(m.row(text) is not None or m.is_header(text) for m in words.matchers.values())


def is_break(text: str) -> bool:
    """Whether *text* ends a table without borders: a section heading, a sub-table heading."""
    if len(text) > _MAX_LABEL:
        return False
    folded = fold(text)
    return vocabulary().article_heading(text) is not None or any(
        heading.match(folded) for heading in SECTION_HEADINGS
    )


_MAX_LABEL = 80


class TextGeometry(NamedTuple):
    """Where a document's narrative stands: the right edge of its text and the distance from
    one line of a paragraph to the next (``0`` when no paragraph has two)."""

    right: float
    pitch: float
    left: float | None = None
    """The left edge of the text, when some paragraph shows it (a line after a wrapped one)."""


def text_geometry(plans: Sequence[PagePlan]) -> TextGeometry:
    """The :class:`TextGeometry` of the narrative lines of *plans*.

    The right edge is where most lines that reach past the middle of their page end (the lines
    of a paragraph that the layout wrapped end there, or a little short of it when the next
    character did not fit; a paragraph's last line ends anywhere): the furthest end of those
    lines that end in a letter (punctuation may hang past the edge). The pitch is the most
    common distance between the tops of consecutive lines of one size. The left edge is where most lines that
    follow a line reaching the right edge start (a wrapped paragraph goes on there).
    """
    narrative = [
        [item for item in plan.items if isinstance(item, Line) and _single(item)] for plan in plans
    ]
    long = [
        line
        for plan, lines in zip(plans, narrative, strict=True)
        for line in lines
        if line.x1 > plan.width / 2
    ]
    if not long:
        return TextGeometry(0.0, 0.0)
    # Punctuation may hang past the edge (or be squeezed before it): lines that end in a
    # letter show the edge.
    lettered = [line for line in long if not _punctuation(line.chars[-1].text)] or long
    ends = Counter(round(line.x1) for line in lettered)
    mode = max(ends, key=lambda end: (sum(ends[end + d] for d in (-1, 0, 1)), end))
    right = max(line.x1 for line in lettered if abs(line.x1 - mode) <= _EDGE)
    steps = Counter(
        round(after.top - before.top, 1)
        for lines in narrative
        for before, after in itertools.pairwise(lines)
        if abs(after.height - before.height) < _SAME_SIZE * before.height
        and before.height < after.top - before.top < _MAX_PITCH * before.height
    )
    pitch = max(steps, key=lambda step: (steps[step], -step)) if steps else 0.0
    starts = Counter(
        round(after.x0)
        for lines in narrative
        for before, after in itertools.pairwise(lines)
        if before.x1 >= right - before.height and 0 < after.top - before.top <= pitch * 1.1
    )
    if not starts:
        return TextGeometry(right, pitch)
    left = max(starts, key=lambda start: (sum(starts[start + d] for d in (-1, 0, 1)), -start))
    return TextGeometry(right, pitch, float(left))


_SAME_SIZE: Final = 0.15
_SPACE: Final = 0.25
_EDGE: Final = 2.0
"""Lines ending this close (points) to the most common end end at the right edge."""
_FIT: Final = 0.05
"""A word fits in the room left at the end of a line if it is narrower than the room and this
share of the characters' height."""
_MAX_PITCH: Final = 4.0
_INDENT: Final = 0.6
"""A line starting more than this many characters' height right of the line above it is
indented: it starts a paragraph."""
_MAX_INDENT: Final = 6.0
"""A first-line indent is at most this many characters' height."""


def _punctuation(text: str) -> bool:
    return unicodedata.category(text[:1] or " ").startswith("P")


def _single(line: Line) -> bool:
    return len(line.segments()) == 1


class RowBuilder:
    """A document's rows, made block by block, top to bottom, page by page; narrative lines
    joined into paragraphs, across a page break too."""

    def __init__(
        self,
        first_line: int,
        table_base: int,
        geometry: TextGeometry,
        notes: list[ReadingNote] | None = None,
    ) -> None:
        self.geometry = geometry
        self.notes = notes
        self.number = first_line
        self.tables = table_base
        self.rows: list[Row] = []
        self.paragraph: list[tuple[int, Line]] = []
        self.page = 0
        self.width = 0.0
        self.header: list[Line] = []
        """Lines of several words at the foot of the page before: the header of a table
        without borders that goes on on this page."""

    def add(self, plan: PagePlan) -> None:
        """The rows of the page of *plan*; a paragraph open at the foot of the page before
        stays open."""
        self.page, self.width = plan.page, plan.width
        carried = self.header
        recent: list[Line] = []
        for index, item in enumerate(plan.items):
            if isinstance(item, Line):
                self.line(item)
                recent = [] if is_break(item.text()) else [*recent, item]
                continue
            if isinstance(item, list):
                self.borderless(item, carried if index == 0 else [], recent)
            else:
                self.table(*item)
            recent = []
        self.header = _foot_header(plan.items)

    def line(self, line: Line) -> None:
        if self.paragraph and self._continues(line):
            self.paragraph.append((self.page, line))
            return
        self.end_paragraph()
        if _single(line):
            self.paragraph = [(self.page, line)]
        else:
            self.rows.append(_line_row(line, self.number, self.page))
            self.number += 1

    def borderless(
        self, lines: list[Line], above: Sequence[Line] = (), header: Sequence[Line] = ()
    ) -> None:
        """A table without borders on *lines*; *above*: the header lines at the foot of the
        page before, when the table starts this page; *header*: the lines of this page between
        the last heading and the table."""
        self.end_paragraph()
        table_rows = block_rows(
            lines,
            is_label,
            self.number,
            self.page,
            self.tables,
            above=above,
            header=header,
            counts=_table4_counts([*above, *header, *lines]),
            notes=self.notes,
        )
        self.tables += 1
        self.rows.extend(table_rows)
        self.number += len(table_rows)

    def table(self, grid: Grid, chars: list[Char]) -> None:
        self.end_paragraph()
        table_rows = _grid_rows(grid, chars, self.number, self.page, self.tables)
        self.tables += 1
        self.rows.extend(table_rows)
        self.number += len(table_rows)

    def end_paragraph(self) -> None:
        if self.paragraph:
            self.rows.append(_text_row(self.paragraph, self.number))
            self.number += 1
            self.paragraph = []

    def _continues(self, line: Line) -> bool:
        """Whether *line* goes on with the open paragraph: the paragraph's last line was
        wrapped by the layout (the first word of *line* would not have fitted after it), and
        *line* starts at the left edge of the text, right below it or at the top of the next
        page, in the same size, and is no heading."""
        page, before = self.paragraph[-1]
        size = max(before.height, 1.0)
        if abs(line.height - before.height) >= _SAME_SIZE * size or not _single(line):
            return False
        right, pitch, left = self.geometry
        if page == self.page and self._centred(before) and self._centred(line):
            # A title broken over lines, each centred.
            return 0 <= line.top - before.bottom < size
        if page == self.page:
            step = line.top - before.top
            if not before.height <= step <= (pitch or 2 * size) + 0.25 * size:
                return False
        elif page != self.page - 1:
            return False
        if len(self.paragraph) == 1 and left is not None and before.x0 > left + _INDENT * size:
            # An indented first line: the paragraph goes on left of it, a line at its indent
            # starts the next one.
            aligned = before.x0 - _MAX_INDENT * size <= line.x0 < before.x0 - _INDENT * size
        elif len(self.paragraph) == 1:
            aligned = before.x0 - _MAX_INDENT * size <= line.x0 <= before.x0 + _INDENT * size
        else:
            aligned = abs(line.x0 - before.x0) <= _INDENT * size
        return (
            aligned
            and right - before.x1 < _first_word(line) - _FIT * size
            and not _HEADING.match(line.text())
        )

    def _centred(self, line: Line) -> bool:
        """Whether *line* is centred on the page, away from the edges of the text."""
        short = line.x1 < self.geometry.right - _SPACE * line.height
        return short and abs((line.x0 + line.x1) - self.width) < line.height


def _foot_header(items: Sequence[Line | list[Line] | tuple[Grid, list[Char]]]) -> list[Line]:
    """The lines at the foot of a page after its last paragraph of text, table or heading,
    when one of them breaks into words: the header of a table that the page break cuts."""
    found: list[Line] = []
    for item in reversed(items):
        if not isinstance(item, Line) or is_break(item.text()):
            break
        found.append(item)
    found.reverse()
    return found if any(not _single(line) for line in found) else []


def _table4_counts(lines: Sequence[Line]) -> frozenset[int]:
    """How many value columns table 四 has (in the format versions), when *lines* print its
    header; else none."""
    words = vocabulary()
    if not any(
        split_label(segment.text).core in words.table4_anchors
        for line in lines
        for segment in line.segments(_HEADER_GAP)
    ):
        return frozenset()
    return frozenset(
        sum(len(spec.columns) for spec in labels.table4) for labels in words.labels.values()
    )


_HEADER_GAP: Final = 0.6


def _first_word(line: Line) -> float:
    """The width of the first word of *line* with the space before it: its first character
    when it is CJK."""
    chars = line.chars
    first = chars[0]
    if is_wide(first.text):
        return first.x1 - first.x0
    end = first.x1
    for ch in chars[1:]:
        if ch.space or is_wide(ch.text) or ch.x0 - end > SPACE_GAP * line.height:
            break
        end = ch.x1
    return end - first.x0 + SPACE_GAP * line.height


_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])"
)


def _text_row(lines: list[tuple[int, Line]], number: int) -> Row:
    """A paragraph as one row; its place is where it starts (the page of its first line, and
    the box of its lines on that page)."""
    page = lines[0][0]
    on_page = [line for at, line in lines if at == page]
    text = join_paragraph([line for _, line in lines])
    box = (
        min(line.x0 for line in on_page),
        on_page[0].top,
        max(line.x1 for line in on_page),
        on_page[-1].bottom,
    )
    return Row((Cell(text, number, 0, page, _round(box)),), number)


def _line_row(line: Line, number: int, page: int) -> Row:
    segments = line.segments()
    cells = tuple(
        Cell(
            " ".join(s.text.split()),
            number,
            column,
            page,
            _round((s.x0, s.top, s.x1, s.bottom)),
        )
        for column, s in enumerate(segments)
    )
    return Row(cells, number, delimited=True)


def _without_page_numbers(lines: list[Line], height: float) -> list[Line]:
    """*lines* without the page numbers printed at the top or the foot of the page: among
    its first and last lines, in its outer fifths."""
    if not lines:
        return lines
    drop: set[int] = set()
    edge = [
        *range(min(_MARGIN_LINES, len(lines))),
        *range(max(len(lines) - _MARGIN_LINES, 0), len(lines)),
    ]
    for index in edge:
        line = lines[index]
        outer = line.bottom < _OUTER * height or line.top > (1 - _OUTER) * height
        if outer and _PAGE_NUMBER.match(line.text().strip()):
            drop.add(index)
    for index, line in enumerate(lines):
        if _DASHED_NUMBER.match(line.text().strip()):
            drop.add(index)
    return [line for index, line in enumerate(lines) if index not in drop]


def _grid_rows(grid: Grid, chars: list[Char], first_line: int, page: int, table: int) -> list[Row]:
    by_cell: dict[tuple[int, int], list[Char]] = {}
    for ch in chars:
        by_cell.setdefault(grid.slot((ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2), []).append(ch)
    rows: list[Row] = []
    starts = sorted(grid.extent)
    by_row: dict[int, list[tuple[int, int]]] = {}
    for start in starts:
        by_row.setdefault(start[0], []).append(start)
    for row_index in range(len(grid.ys) - 1):
        slots = by_row.get(row_index)
        if not slots:
            continue
        line = first_line + len(rows)
        cells: list[Cell] = []
        for start in slots:
            end = grid.extent[start]
            box = (grid.xs[start[1]], grid.ys[start[0]], grid.xs[end[1] + 1], grid.ys[end[0] + 1])
            texts = [text_line.text() for text_line in lines_of(by_cell.get(start, ()))]
            text = " ".join(join_lines(texts).split())
            cells.append(Cell(text, line, start[1], page, _round(box)))
        rows.append(Row(tuple(cells), line, delimited=True, table=table, index=len(rows)))
    return rows


def _round(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


class _Span(NamedTuple):
    at: float
    start: float
    end: float


def grids_of(rules: Sequence[Rule]) -> list[Grid]:
    """The ruled tables that *rules* draw, top to bottom."""
    horizontal = _merge([_Span(r.top, r.x0, r.x1) for r in rules if r.top == r.bottom])
    vertical = _merge([_Span(r.x0, r.top, r.bottom) for r in rules if r.top != r.bottom])
    if len(horizontal) < 2 or len(vertical) < 2:  # noqa: PLR2004 (a cell has two of each)
        return []
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for h_index, h in enumerate(horizontal):
        for v_index, v in enumerate(vertical):
            if (
                h.start - TOUCH <= v.at <= h.end + TOUCH
                and v.start - TOUCH <= h.at <= v.end + TOUCH
            ):
                parent[find(h_index)] = find(len(horizontal) + v_index)
    groups: dict[int, tuple[list[_Span], list[_Span]]] = {}
    for index, span in enumerate(horizontal):
        groups.setdefault(find(index), ([], []))[0].append(span)
    for index, span in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + index), ([], []))[1].append(span)
    grids = [
        grid
        for hs, vs in groups.values()
        if len(hs) >= 2 and len(vs) >= 2  # noqa: PLR2004
        for grid in [_grid(hs, vs)]
        if grid is not None
    ]
    return sorted(grids, key=lambda g: g.ys[0])


def _merge(spans: Iterable[_Span]) -> list[_Span]:
    """Collinear spans that overlap or touch, as one."""
    clusters: list[list[_Span]] = []
    for span in sorted(spans, key=lambda s: s.at):
        if clusters and span.at - clusters[-1][-1].at <= SNAP:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    merged: list[_Span] = []
    for cluster in clusters:
        at = sum(s.at for s in cluster) / len(cluster)
        current: _Span | None = None
        for span in sorted(cluster, key=lambda s: s.start):
            if current is not None and span.start <= current.end + TOUCH:
                current = _Span(at, current.start, max(current.end, span.end))
                continue
            if current is not None:
                merged.append(current)
            current = _Span(at, span.start, span.end)
        if current is not None:
            merged.append(current)
    return merged


def _positions(spans: list[_Span]) -> list[float]:
    values = sorted(s.at for s in spans)
    positions: list[float] = []
    for value in values:
        if positions and value - positions[-1] < _MIN_SLOT:
            continue
        positions.append(value)
    return positions


def _covers(spans: list[_Span], at: float, point: float) -> bool:
    return any(
        abs(s.at - at) < _MIN_SLOT and s.start - TOUCH <= point <= s.end + TOUCH for s in spans
    )


def _grid(horizontal: list[_Span], vertical: list[_Span]) -> Grid | None:
    ys = _positions(horizontal)
    xs = _positions(vertical)
    if len(ys) < 2 or len(xs) < 2:  # noqa: PLR2004
        return None
    rows, columns = len(ys) - 1, len(xs) - 1
    slots = _Slots({(r, c): (r, c) for r in range(rows) for c in range(columns)})
    for r in range(rows):
        middle_y = (ys[r] + ys[r + 1]) / 2
        for c in range(columns):
            if c + 1 < columns and not _covers(vertical, xs[c + 1], middle_y):
                slots.union((r, c), (r, c + 1))
            if r + 1 < rows and not _covers(horizontal, ys[r + 1], (xs[c] + xs[c + 1]) / 2):
                slots.union((r, c), (r + 1, c))
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    extent: dict[tuple[int, int], tuple[int, int]] = {}
    for members in slots.groups():
        start = (min(s[0] for s in members), min(s[1] for s in members))
        extent[start] = (max(s[0] for s in members), max(s[1] for s in members))
        for slot in members:
            origin[slot] = start
    return Grid(tuple(xs), tuple(ys), origin, extent)


class _Slots:
    """The slots of a grid, joined into cells where no rule parts them (union-find)."""

    def __init__(self, parent: dict[tuple[int, int], tuple[int, int]]) -> None:
        self.parent = parent

    def find(self, slot: tuple[int, int]) -> tuple[int, int]:
        parent = self.parent
        while parent[slot] != slot:
            parent[slot] = parent[parent[slot]]
            slot = parent[slot]
        return slot

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        a, b = self.find(a), self.find(b)
        self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[tuple[int, int]]]:
        members: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for slot in self.parent:
            members.setdefault(self.find(slot), []).append(slot)
        return list(members.values())
