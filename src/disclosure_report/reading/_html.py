"""The layout stage for HTML: a page into text rows and table rows.

The page is parsed by `lxml <https://lxml.de>`_ (libxml2's HTML parser, a dependency imported
only when a page is read), which tolerates broken markup (unclosed
cells, rows and tables, stray end tags, unterminated comments), knows where each element starts
in the source, never touches the network and decodes only HTML's character references. Its time
is linear in the input: nesting is capped at 256 levels and a text node at 10 MB, past which the
rest of the page is not read (:attr:`HtmlPage.cut` says so, and the reader adds a note). A
page of up to 512 KiB is parsed whole; a larger one a piece at a time, its tree freed behind the
reading, so that its memory is that of its rows, not some twenty times the page
(:mod:`._html_elements`); both give the same rows. selectolax (Lexbor) parses faster, but its
tree building takes time quadratic in the nesting depth (200,000 nested ``<div>`` took 90 s)
and it keeps no source lines.

What a reader does not see is skipped (``<script>``, ``<style>``, ``<noscript>``, ``<template>``,
forms' option lists, SVG, comments); the ``<title>`` is kept. Block elements are line breaks.
Tables become rows of cells placed on a grid that honours ``rowspan`` and ``colspan``; a cell
spanning several rows or columns is given once, in the row and column where it starts. A table
that holds other tables or long text (a page-layout table) is read as text.
"""

from __future__ import annotations

import functools
import importlib
import re

from array import array
from collections.abc import Sequence
from typing import TypeAlias, cast

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.reading._compact import CompactRows, settled
from disclosure_report.reading._html_elements import (
    Element,
    Elements,
    Etree,
    Unfit,
    elements,
    plain_text,
)
from disclosure_report.reading._source_layout import Row


__all__ = ["HtmlPage", "html_rows"]

INSTALL = 'pip install "lxml>=6"'
"""How to install what reading HTML needs, should an environment lack it."""
CUT = "elements nested more than 256 deep, or a text of more than 10 MB"
"""The limits of the parser, past which the rest of a page is not read."""

_TABLE, _ROW, _CELL, _BLOCK, _HIDDEN, _META = 1, 2, 3, 4, 5, 6
_ROLES = (
    {"table": _TABLE, "tr": _ROW, "td": _CELL, "th": _CELL, "meta": _META, "link": _META}
    | dict.fromkeys(
        (
            "address", "article", "aside", "blockquote", "br", "caption", "center", "dd",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
            "pre", "section", "ul", "tbody", "thead", "tfoot",
        ),
        _BLOCK,
    )
    | dict.fromkeys(
        (
            "script", "style", "noscript", "template", "textarea", "select", "svg", "math",
            "object", "iframe", "xmp", "button", "title",
        ),
        _HIDDEN,
    )
)  # fmt: skip
"""The elements with a role in tables, the block elements (line breaks), and the elements whose
content is not shown; libxml2 gives tag names in lower case."""
_INLINE = (
    "span", "font", "b", "strong", "i", "em", "u", "a", "o:p", "sup", "sub", "small", "big",
    "s", "strike", "ins", "del", "label", "nobr", "abbr", "code", "kbd", "samp", "var",
    "cite", "q", "mark", "tt", "bdi", "bdo", "time", "data", "img", "wbr",
)  # fmt: skip
"""Inline elements: no line break and no role. lxml removes them, keeping their text, before the
walk, which then sees a third fewer elements on a Word-exported page (every run of text is a
``<span>`` there)."""
_PUBLISHED_NAMES = frozenset(
    {
        "pubdate", "publishdate", "publishtime", "publisheddate", "publicationdate",
        "articlepubdate", "articlepublishdate", "articlepublishtime", "articlepublishedtime",
        "datepublished", "firstpublishedtime", "dcdateissued", "dctermsissued",
    }
)  # fmt: skip
"""The names (``name``, ``property`` or ``itemprop``; case, ``.``, ``:``, ``_`` and ``-``
ignored) of the ``<meta>`` elements that state a page's publication date: ``PubDate``,
``publishdate``, ``ArticlePublishDate``, ``article:published_time``, ``DC.date.issued`` …"""
_STATED_NAMES = {
    "disclosurereportlevel": "level",
    "disclosurereportregion": "region",
    "ogurl": "source_url",
}
"""The ``<meta>`` names (normalized as for :data:`_PUBLISHED_NAMES`) that state the rest of a
report's metadata: where it is published (``og:url``; also ``<link rel="canonical">``), and the
administrative level and region, which this library's HTML rendering states as
``disclosure-report.level`` and ``disclosure-report.region``."""
_CELL_TAGS = frozenset(tag for tag, role in _ROLES.items() if role == _CELL)
_OTHER_TAGS = frozenset(tag for tag, role in _ROLES.items() if role != _CELL)
_META_KEY = re.compile(r"[\s._:-]+")
_MAX_META = 200
_MAX_STATED = 10_000
"""The most that is kept of a source URL or a region that a page's head states (a date or a
level is kept to :data:`_MAX_META`)."""
_SPAN = re.compile(r"\s*(\d{1,6})")
_SPACES = re.compile(r"[\s\u200b\ufeff]+")
_MAX_COLUMNS = 64
_MAX_SPAN_ROWS = 500
_MAX_TITLE = 1000
_LAYOUT_LINES = 6
_LAYOUT_CHARS = 400


@attrs.frozen
class HtmlPage:
    """An HTML page as rows.

    Attributes:
        rows: Text rows and table rows, in reading order.
        title: The text of ``<title>``, if any.
        tables: How many data tables were found.
        cut: ``True`` when the parser stopped before the end of the page, at a limit of its
            own (:data:`CUT`).
        published: The publication date as the first ``<meta>`` that states one gives it
            (``<meta name="PubDate" content="2024-01-15 10:30">``), unparsed; ``None`` without.
        stated: The rest of the metadata that the page's head states, unparsed, by the name of
            the :class:`~disclosure_report.Metadata` field: ``source_url`` (``<link
            rel="canonical">``, else ``og:url``), ``level`` and ``region``.
    """

    rows: Sequence[Row]
    title: str | None
    tables: int
    cut: bool = False
    published: str | None = None
    stated: dict[str, str] = attrs.field(factory=dict)


@attrs.define
class _RawCell:
    pieces: list[str]
    line: int
    rowspan: int
    colspan: int


_Closed: TypeAlias = tuple[
    tuple[str, ...], tuple[int, ...], tuple[tuple[int, int], ...] | None, tuple[str, ...] | None
]
"""A closed row of a table, as the builder keeps it: its cells' texts, their lines (each less
the row's), their row and column spans (``None`` when none spans), and their text as printed
with its line breaks (``None`` when no cell has one, since the texts then say it all). A long
table repeats its rows: each distinct closed row is kept once (:attr:`_Builder.closed`)."""


@attrs.define
class _Table:
    line: int
    closed: array[int] = attrs.Factory(lambda: array("I"))
    """Per row, the number of its closed row (:attr:`_Builder.closed`)."""
    row_lines: array[int] = attrs.Factory(lambda: array("I"))
    row: list[_RawCell] | None = None
    cell: _RawCell | None = None
    layout: bool = False
    wordy: bool = False
    """Whether a cell holds so much text (or so many lines) that the table lays out a page
    rather than holding data."""


@attrs.define
class _Builder:
    """The page's rows, built element by element, in document order.

    Only the innermost table can be a data table (a table that holds another is read as text
    from there on): ``data_table`` is that table, or ``None`` where text goes to ``text``.
    """

    out: CompactRows = attrs.Factory(CompactRows)
    text: list[str] = attrs.Factory(list)
    text_line: int = 0
    tables: list[_Table] = attrs.Factory(list)
    data_table: _Table | None = None
    count: int = 0
    title: str = ""
    published: str | None = None
    stated: dict[str, str] = attrs.Factory(dict)
    closed: list[_Closed] = attrs.Factory(list)
    closed_index: dict[_Closed, int] = attrs.Factory(dict)

    def meta(self, element: Element) -> None:
        """A ``<meta>`` or ``<link>``: keep the first publication date stated (see
        :data:`_PUBLISHED_NAMES`), and the first of each of :data:`_STATED_NAMES`."""
        if element.tag == "link":
            rel = (element.get("rel") or "").lower().split()
            href = element.get("href")
            if "canonical" in rel and href is not None and "source_url" not in self.stated:
                self.stated["source_url"] = href[:_MAX_STATED]  # as written, as region
            return
        name = element.get("name") or element.get("property") or element.get("itemprop")
        if not name:
            return
        key = _META_KEY.sub("", name).lower()
        if key in _PUBLISHED_NAMES:
            content = (element.get("content") or "").strip()
            if content and self.published is None:
                self.published = content[:_MAX_META]
            return
        field = _STATED_NAMES.get(key)
        stated = element.get("content")
        if field is not None and stated is not None and field not in self.stated:
            limit = _MAX_META if field == "level" else _MAX_STATED
            self.stated[field] = (stated.strip() if field == "level" else stated)[:limit]

    def data(self, text: str, line: int) -> None:
        """Character data. White space matters only between other text; a source line break is
        a space (a line break in a cell is a block boundary)."""
        table = self.data_table
        if table is None:
            if not self.text:
                if text.isspace():
                    return
                self.text_line = line
            self.text.append(text)
            return
        cell = table.cell
        if cell is None:
            if text.isspace():
                return
            cell = self._open_cell(table, line, 1, 1)
        cell.pieces.append(text.replace("\n", " "))

    def block(self) -> None:
        """A block boundary: a line break in a cell, the end of a row of text elsewhere."""
        table = self.data_table
        if table is None:
            self.flush_text()
        elif table.cell is not None:
            table.cell.pieces.append("\n")

    def flush_text(self) -> None:
        if self.text:
            clean = _clean("".join(self.text))
            if clean:
                self.out.add(((clean,), False), self.text_line)
            self.text.clear()

    def start(self, role: int, line: int, element: Element) -> None:
        """The start of an element of *role*."""
        table = self.data_table
        if role == _TABLE:
            if table is not None:
                self._to_layout(table)
            self.flush_text()
            self.data_table = _Table(line)
            self.tables.append(self.data_table)
        elif table is None or role == _BLOCK:
            self.block()
        elif role == _ROW:
            self._close_row(table)
            table.row = []
            table.row_lines.append(line)
        else:
            rowspan, colspan = element.get("rowspan"), element.get("colspan")
            self._open_cell(
                table,
                line,
                _span(rowspan, _MAX_SPAN_ROWS) if rowspan else 1,
                _span(colspan, _MAX_COLUMNS) if colspan else 1,
            )

    def end(self, role: int) -> None:
        """The end of an element of *role*."""
        table = self.data_table
        if role == _TABLE:
            self._end_table()
        elif table is None or role == _BLOCK:
            self.block()
        elif role == _ROW:
            self._close_row(table)
        else:
            table.cell = None

    def finish(self) -> None:
        while self.tables:
            self._end_table()
        self.flush_text()

    def _end_table(self) -> None:
        table = self.tables.pop()
        # Tables below the innermost one have been turned into layout tables.
        self.data_table = None
        self.flush_text()
        if not table.layout:
            self._close_row(table)
            self._emit(table)

    def plain_row(self, row: Element, line: int) -> int | None:
        """Read the cells of the table row *row*, just started on *line*, at once, when they
        are plain: what the walk would do element by element, for the most frequent row of a
        long table. *row* is one that the stream gave whole (:attr:`Elements.whole`: cells
        of text alone); its cells are plain when nothing but white space stands between them.
        Returns the line after the row's cells, or ``None`` (and nothing read) when they are
        not plain."""
        table = self.data_table
        if table is None or not plain_text(row):
            return None
        return self.read_plain_row(table, row, line)

    def read_plain_row(self, table: _Table, row: Element, line: int) -> int:
        """Read the cells of *row*, a row of *table* known to be plain (:meth:`plain_row`)."""
        head = row.text
        if head:
            line += head.count("\n")
        start = table.row_lines[-1]
        texts: list[str] = []
        offsets: list[int] = []
        spans: list[tuple[int, int]] = []
        spanned = wordy = False
        for cell in row:
            tail = cell.tail
            at = cell.sourceline or 0
            if at > line:  # noqa: PLR1730 (max() is a call, for each cell of a long table)
                line = at
            offsets.append(line - start)
            # keys() first: cheaper than two get() on the cells of most tables, which have none
            rowspan, colspan = (
                (cell.get("rowspan"), cell.get("colspan")) if cell.keys() else (None, None)
            )
            if rowspan or colspan:
                span = (
                    _span(rowspan, _MAX_SPAN_ROWS) if rowspan else 1,
                    _span(colspan, _MAX_COLUMNS) if colspan else 1,
                )
                spanned = spanned or span != (1, 1)
                spans.append(span)
            else:
                spans.append((1, 1))
            text = cell.text
            if text:
                # As the walk joins a cell's text: a line break is a space, which _clean
                # takes as any white space.
                clean = text if text.isalnum() else _clean(text)  # alphanumeric: no space
                wordy = wordy or len(clean) > _LAYOUT_CHARS
                texts.append(clean)
                line += text.count("\n")
            else:
                texts.append("")
            if tail:
                line += tail.count("\n")
        if wordy:
            table.wordy = True
        table.row = None
        self._add_closed(
            table, (tuple(texts), tuple(offsets), tuple(spans) if spanned else None, None)
        )
        return line

    def _open_cell(self, table: _Table, line: int, rowspan: int, colspan: int) -> _RawCell:
        if table.row is None:
            table.row = []
            table.row_lines.append(line)
        cell = table.cell = _RawCell([], line, rowspan, colspan)
        table.row.append(cell)
        return cell

    def _close_row(self, table: _Table) -> None:
        table.cell = None
        row = table.row
        if row is not None:
            table.row = None
            line = table.row_lines[-1]
            texts, offsets, printed = [], [], []
            spanned = broken = False
            for cell in row:
                pieces = cell.pieces
                joined = pieces[0] if len(pieces) == 1 else "".join(pieces)
                text = _clean(joined)
                if not table.wordy and _wordy(text, joined):
                    table.wordy = True
                texts.append(text)
                offsets.append(cell.line - line)
                printed.append(joined)
                spanned = spanned or cell.rowspan != 1 or cell.colspan != 1
                broken = broken or "\n" in joined
            closed = (
                tuple(texts),
                tuple(offsets),
                tuple([(cell.rowspan, cell.colspan) for cell in row]) if spanned else None,
                tuple(printed) if broken else None,
            )
            self._add_closed(table, closed)

    def _add_closed(self, table: _Table, closed: _Closed) -> None:
        """Close a row of *table* as *closed*: a row seen before is kept once."""
        number = self.closed_index.get(closed)
        if number is None:
            number = self.closed_index[closed] = len(self.closed)
            self.closed.append(closed)
        table.closed.append(number)

    def _to_layout(self, table: _Table) -> None:
        """Read a table that holds another table as text, from here on."""
        self._close_row(table)
        self._emit_text(table)
        del table.closed[:], table.row_lines[:]
        table.layout = True

    def _emit_text(self, table: _Table) -> None:
        for number, line in zip(table.closed, table.row_lines, strict=True):
            texts, offsets, _, printed = self.closed[number]
            for text, offset, joined in zip(texts, offsets, printed or texts, strict=True):
                parts = joined.split("\n") if printed else [text]
                for part in parts:
                    clean = _clean(part) if printed else part
                    if clean:
                        self.out.add(((clean,), False), line + offset)

    def _emit(self, table: _Table) -> None:
        if table.wordy:  # a page-layout table
            self._emit_text(table)
            return
        index = self.count
        self.count += 1
        covered: dict[int, int] = {}  # grid column -> rows still covered from above
        plain: dict[int, int] = {}  # a closed row that nothing spans: its shape's number
        out = self.out
        add = out.add_known
        for number, (closed, line) in enumerate(zip(table.closed, table.row_lines, strict=True)):
            free = not covered
            known = plain.get(closed) if free else None
            if known is None:
                texts, offsets, spans, _ = self.closed[closed]
                columns, widths = _grid_row(spans or ((1, 1),) * len(texts), covered)
                if not columns:
                    continue
                kept = len(columns)
                known = out.known((texts[:kept], columns, offsets[:kept], widths, index))
                if spans is None and free:  # as it would be again
                    plain[closed] = known
            add(known, line, number)


def html_rows(text: str | bytes) -> HtmlPage:
    """Read an HTML page (text, or valid UTF-8 bytes) into rows.

    A long page is parsed a piece at a time and its tree freed behind the reading
    (:mod:`._html_elements`), so that it costs little more than its rows.

    Raises:
        InvalidReportError: When lxml, the HTML parser, is not installed.
    """
    etree = _etree()
    data = text if isinstance(text, bytes) else text.encode("utf-8", "replace")  # lxml's choice
    for stream in elements(etree, data, inline=_INLINE, cells=_CELL_TAGS, others=_OTHER_TAGS):
        builder = _Builder()
        try:
            _walk(builder, stream)
        except Unfit:
            continue  # read the page the next way, from its start
        break
    builder.finish()
    title = _clean(builder.title[:_MAX_TITLE])
    return HtmlPage(
        settled(builder.out),
        title or None,
        builder.count,
        stream.cut,
        builder.published,
        builder.stated,
    )


def _walk(builder: _Builder, stream: Elements) -> None:  # noqa: C901, PLR0912, PLR0915
    """Feed the start and end of every element, and the text around it, to *builder*; skip
    what is not shown.

    One function on purpose: it runs once per element, and on large pages calls cost more than
    its branches. Lines come from libxml2 (where a start tag ends) at every table, row, cell
    and paragraph, and from counting line breaks in between (and past line 65,535, where
    libxml2 stops counting).
    """
    roles = _ROLES.get
    pending = builder.text  # text outside data tables, up to the next block boundary
    line = 1
    open_roles: list[int | None] = []  # of the elements open: their end needs no tag lookup
    push, pop = open_roles.append, open_roles.pop
    for event, element, chunk in stream:
        if event == "start":
            role = roles(element.tag)
            push(role)
        else:
            role = pop()
        if role is not None:
            if role == _HIDDEN:
                if event == "start":
                    if element.tag == "title" and not builder.title:
                        builder.title = chunk
                    stream.skip_subtree()  # its end (and the text after it) still comes
                    continue
            elif role == _META:
                if event == "start":
                    builder.meta(element)
            elif role == _BLOCK:  # the most frequent role: Builder.block, inlined
                table = builder.data_table
                if table is None:
                    if pending:
                        builder.flush_text()
                elif table.cell is not None:
                    table.cell.pieces.append("\n")
            elif event == "start":
                line = max(line, element.sourceline or 0)
                builder.start(role, line, element)
                if (
                    role == _ROW
                    and stream.whole
                    and (after := builder.plain_row(element, line)) is not None
                ):
                    line = after
                    stream.skip_subtree()  # its cells are read; its end (and tail) still come
                    # The rows after it read the same way in one loop: a long table's.
                    table = builder.data_table
                    if table is not None:
                        # What builder.start does of a row when none is open (as after a
                        # plain one): its line. Then its cells.
                        lines = table.row_lines
                        for breaks, row in stream.plain_rows():
                            line = max(line + breaks, row.sourceline or 0)
                            lines.append(line)
                            line = builder.read_plain_row(table, row, line)
                    continue
            else:
                builder.end(role)
        if not chunk:
            continue
        table = builder.data_table  # Builder.data, inlined
        if table is None:
            if pending:
                pending.append(chunk)
            elif not chunk.isspace():
                line = max(line, element.sourceline or 0)
                builder.text_line = line
                pending.append(chunk)
        elif table.cell is not None:
            table.cell.pieces.append(chunk.replace("\n", " "))
        elif not chunk.isspace():  # white space between rows and cells: nothing
            builder.data(chunk, line)
        if "\n" in chunk:
            line += chunk.count("\n")


@functools.cache
def _etree() -> Etree:
    """lxml's etree, or the library's error in an environment that lacks it."""
    try:
        return cast("Etree", importlib.import_module("lxml.etree"))
    except ImportError:
        raise InvalidReportError(
            [Problem("$", f"lxml, to read HTML: {INSTALL}", "lxml is not installed")]
        ) from None


def _span(value: str, limit: int) -> int:
    """A ``rowspan`` or ``colspan``: its leading digits, between 1 and *limit*."""
    match = _SPAN.match(value)
    return min(max(int(match.group(1)), 1), limit) if match else 1


def _grid_row(
    spans: tuple[tuple[int, int], ...], covered: dict[int, int]
) -> tuple[tuple[int, ...], tuple[int, ...] | None]:
    """The grid columns of the cells of a row whose cells span *spans* (rows, columns), past
    the columns that cells from the rows above still cover, and how many columns each covers
    within the grid (``None`` when each covers one); *covered* is updated for the next row. A
    row wider than the grid keeps the cells that fit."""
    columns: list[int] = []
    widths: list[int] = []
    column = 0
    for rowspan, colspan in spans:
        while column in covered:
            column += 1
        if column >= _MAX_COLUMNS:
            break
        columns.append(column)
        widths.append(min(colspan, _MAX_COLUMNS - column))
        if rowspan > 1:
            for c in range(column, min(column + colspan, _MAX_COLUMNS)):
                if covered.get(c, 0) < rowspan:
                    covered[c] = rowspan
        column += colspan
    for c in list(covered):
        if covered[c] > 1:
            covered[c] -= 1
        else:
            del covered[c]
    return tuple(columns), tuple(widths) if any(w > 1 for w in widths) else None


def _wordy(text: str, joined: str) -> bool:
    """Whether a cell whose text is *text* (*joined* as printed, with its line breaks) holds so
    much text, or so many lines, that its table lays out a page rather than holding data."""
    return len(text) > _LAYOUT_CHARS or (
        joined.count("\n") >= _LAYOUT_LINES and _line_count(joined) > _LAYOUT_LINES
    )


def _line_count(text: str) -> int:
    """The number of lines of *text* that hold more than white space."""
    return sum(1 for part in text.split("\n") if _clean(part))


def _clean(text: str) -> str:
    """Runs of white space and zero-width spaces as one space, stripped."""
    if "\u200b" in text or "\ufeff" in text:
        return _SPACES.sub(" ", text).strip()
    return " ".join(text.split())  # str.split() splits exactly where \s matches
