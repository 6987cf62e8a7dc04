"""The layout stage for HTML: a page into text rows and table rows.

A small tokenizer (the standard library's :mod:`re` and :func:`html.unescape`) walks the page once,
in time linear in its size, and tolerates broken markup: unclosed cells, rows and tables, stray
end tags, unterminated comments. It skips what a reader does not see (``<script>``, ``<style>``,
``<noscript>``, ``<template>``, forms' option lists, SVG) and keeps the ``<title>``. It does not
build a DOM: the standard :mod:`html.parser` measured about 110 pages/s on the corpus' largest
site page, below the reader's target of 300, while this tokenizer stays well above it.

Tables become rows of cells placed on a grid that honours ``rowspan`` and ``colspan``; a cell
spanning several rows or columns is given once, in the row and column where it starts. A table
that holds other tables or long text (a page-layout table) is read as text.
"""

from __future__ import annotations

import html
import re

from collections.abc import Callable

import attrs

from disclosure_report.reading._layout import Cell, Row


__all__ = ["HtmlPage", "html_rows"]

_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "ul", "tbody", "thead", "tfoot",
    }
)  # fmt: skip
_STRUCTURE = _BLOCK | {"table", "tr", "td", "th"}
_HIDDEN_TAGS = "script|style|noscript|template|textarea|select|svg|math|object|iframe|xmp|button|title"
# Comments and elements whose content is not shown. An element left open runs to the end, as in
# a browser; each alternative fails at the next '<' or '>', so the scan is linear.
_HIDDEN = re.compile(
    rf"<(?:!--.*?(?:-->|\Z)|[!?][^<>]*+>|({_HIDDEN_TAGS})\b[^<>]*+>.*?(?:</\1\s*>|\Z))",
    re.DOTALL | re.IGNORECASE,
)
_TITLE = re.compile(r"<title\b[^<>]*+>([^<]{0,1000})", re.IGNORECASE)
# Attributes: quoted values may hold '>' but no '<' (unrolled loop: fast, and linear).
_QUOTED = r"""[^<>"']*+(?:(?:"[^"<]*+"|'[^'<]*+')[^<>"']*+)*+"""
# The names of _STRUCTURE, as a prefix tree: much faster than a flat alternation.
_STRUCTURE_NAMES = (
    r"a(?:ddress|rticle|side)|b(?:lockquote|r)|c(?:aption|enter)|d(?:[dlt]|iv)"
    r"|f(?:ieldset|ig(?:caption|ure)|oot(?:er)?|orm)|h(?:[1-6r]|eader)|li|main|nav|ol|p(?:re)?"
    r"|section|t(?:able|body|foot|head|[dhr])|ul"
)
_TAG = re.compile(rf"<(/?)({_STRUCTURE_NAMES})\b({_QUOTED})>", re.IGNORECASE)
_INLINE = re.compile(rf"</?[A-Za-z][A-Za-z0-9:_-]*+{_QUOTED}>")
_SPAN = re.compile(
    r"\b(rowspan|colspan)\s*=\s*[\"']?\s*(\d{1,6})", re.IGNORECASE
)
_SPACES = re.compile(r"[\s\u200b\ufeff]+")
_MAX_COLUMNS = 64
_MAX_SPAN_ROWS = 500
_LAYOUT_LINES = 6
_LAYOUT_CHARS = 400


@attrs.frozen
class HtmlPage:
    """An HTML page as rows.

    Attributes:
        rows: Text rows and table rows, in reading order.
        title: The text of ``<title>``, if any.
        tables: How many data tables were found.
    """

    rows: tuple[Row, ...]
    title: str | None
    tables: int


@attrs.define
class _RawCell:
    pieces: list[str]
    line: int
    rowspan: int
    colspan: int


@attrs.define
class _Table:
    line: int
    rows: list[list[_RawCell]] = attrs.Factory(list)
    row_lines: list[int] = attrs.Factory(list)
    row: list[_RawCell] | None = None
    cell: _RawCell | None = None
    layout: bool = False


@attrs.define
class _Builder:
    out: list[Row] = attrs.Factory(list)
    text: list[str] = attrs.Factory(list)
    text_line: int = 0
    tables: list[_Table] = attrs.Factory(list)
    count: int = 0
    title: str | None = None

    # text ---------------------------------------------------------------------------------------

    def data(self, text: str, line: int) -> None:
        table = self.tables[-1] if self.tables else None
        if table is not None and not table.layout:
            if table.cell is None:
                if not text.strip():
                    return
                self._open_cell(table, line, 1, 1)
            assert table.cell is not None  # noqa: S101 (opened just above)
            table.cell.pieces.append(text)
            return
        if not self.text:
            self.text_line = line
        self.text.append(text)

    def block(self, line: int) -> None:
        table = self.tables[-1] if self.tables else None
        if table is not None and not table.layout:
            if table.cell is not None:
                table.cell.pieces.append("\n")
            return
        self.flush_text()
        self.text_line = line

    def flush_text(self) -> None:
        if self.text:
            clean = _clean("".join(self.text))
            if clean:
                self.out.append(
                    Row((Cell(clean, self.text_line),), self.text_line)
                )
            self.text.clear()

    # tables -------------------------------------------------------------------------------------

    def start_table(self, line: int) -> None:
        if self.tables:
            outer = self.tables[-1]
            if not outer.layout:
                self._to_layout(outer)
        self.flush_text()
        self.tables.append(_Table(line))

    def end_table(self) -> None:
        if not self.tables:
            return
        table = self.tables.pop()
        if table.layout:
            self.flush_text()
            return
        self._close_row(table)
        self.flush_text()
        self._emit(table)

    def start_row(self, line: int) -> None:
        if not self.tables:
            return self.block(line)
        table = self.tables[-1]
        if table.layout:
            return self.block(line)
        self._close_row(table)
        table.row = []
        table.row_lines.append(line)
        return None

    def end_row(self, line: int) -> None:
        if not self.tables:
            return self.block(line)
        table = self.tables[-1]
        if table.layout:
            return self.block(line)
        self._close_row(table)
        return None

    def start_cell(self, line: int, attributes: str = "") -> None:
        if not self.tables:
            return self.block(line)
        table = self.tables[-1]
        if table.layout:
            return self.block(line)
        rowspan, colspan = 1, 1
        spans = (
            _SPAN.findall(attributes) if "span" in attributes.lower() else ()
        )
        for name, value in spans:
            if name.lower() == "rowspan":
                rowspan = min(max(int(value), 1), _MAX_SPAN_ROWS)
            else:
                colspan = min(max(int(value), 1), _MAX_COLUMNS)
        self._open_cell(table, line, rowspan, colspan)
        return None

    def end_cell(self, line: int) -> None:
        if not self.tables:
            return self.block(line)
        table = self.tables[-1]
        if table.layout:
            return self.block(line)
        table.cell = None
        return None

    def finish(self) -> None:
        while self.tables:
            self.end_table()
        self.flush_text()

    def _open_cell(
        self, table: _Table, line: int, rowspan: int, colspan: int
    ) -> None:
        if table.row is None:
            table.row = []
            table.row_lines.append(line)
        table.cell = _RawCell([], line, rowspan, colspan)
        table.row.append(table.cell)

    def _close_row(self, table: _Table) -> None:
        table.cell = None
        if table.row is not None:
            table.rows.append(table.row)
            table.row = None

    def _to_layout(self, table: _Table) -> None:
        """Read a table that holds another table as text, from here on."""
        self._close_row(table)
        self._emit_text(table)
        table.rows.clear()
        table.layout = True

    def _emit_text(self, table: _Table) -> None:
        for row in table.rows:
            for cell in row:
                for part in "".join(cell.pieces).split("\n"):
                    clean = _clean(part)
                    if clean:
                        self.out.append(
                            Row((Cell(clean, cell.line),), cell.line)
                        )

    def _emit(self, table: _Table) -> None:
        texts = [[_cell_text(c) for c in row] for row in table.rows]
        if any(
            len(t) > _LAYOUT_CHARS or t.count("\n") >= _LAYOUT_LINES
            for row in texts
            for t in row
        ):
            self._emit_text(table)
            return
        index = self.count
        self.count += 1
        spans: dict[
            int, int
        ] = {}  # grid column -> rows still covered by a cell from above
        for number, (row, row_texts) in enumerate(
            zip(table.rows, texts, strict=True)
        ):
            cells: list[Cell] = []
            column = 0
            for raw, text in zip(row, row_texts, strict=True):
                while spans.get(column, 0) > 0:
                    column += 1
                if column >= _MAX_COLUMNS:
                    break
                cells.append(
                    Cell(_SPACES.sub(" ", text).strip(), raw.line, column)
                )
                for c in range(
                    column, min(column + raw.colspan, _MAX_COLUMNS)
                ):
                    spans[c] = max(spans.get(c, 0), raw.rowspan)
                column += raw.colspan
            for c in list(spans):
                spans[c] -= 1
                if spans[c] <= 0:
                    del spans[c]
            if cells:
                line = (
                    table.row_lines[number]
                    if number < len(table.row_lines)
                    else table.line
                )
                self.out.append(
                    Row(
                        tuple(cells),
                        line,
                        delimited=True,
                        table=index,
                        index=number,
                    )
                )


def html_rows(text: str) -> HtmlPage:
    """Read an HTML page into rows."""
    builder = _Builder()
    title = _TITLE.search(text)
    if title:
        builder.title = _clean(_text(title.group(1)))
    # Hidden content goes first, replaced by its line breaks so that line numbers stay right.
    text = _HIDDEN.sub(_line_breaks, text)
    parts = _TAG.split(text)  # text, '/' or '', tag name, attributes, text, …
    starts: dict[str, Callable[[int, str], None]] = {
        "table": lambda line, _: builder.start_table(line),
        "tr": lambda line, _: builder.start_row(line),
        "td": builder.start_cell,
        "th": builder.start_cell,
    }
    ends: dict[str, Callable[[int], None]] = {
        "table": lambda _: builder.end_table(),
        "tr": builder.end_row,
        "td": builder.end_cell,
        "th": builder.end_cell,
    }
    block = builder.block
    data = builder.data
    line = 1
    for i in range(0, len(parts) - 1, 4):
        chunk = parts[i]
        if chunk:
            breaks = chunk.count("\n")
            if "<" in chunk:
                chunk = _INLINE.sub("", chunk)
            if chunk and not chunk.isspace():
                data(_text(chunk), line)
            line += breaks
        name = parts[i + 2].lower()
        attributes = parts[i + 3]
        if parts[i + 1]:
            ends.get(name, block)(line)
        else:
            starts.get(name, _block_start(block))(line, attributes)
        if "\n" in attributes:
            line += attributes.count("\n")
    last = _INLINE.sub("", parts[-1])
    if last and not last.isspace():
        data(_text(last), line)
    builder.finish()
    return HtmlPage(tuple(builder.out), builder.title or None, builder.count)


def _block_start(block: Callable[[int], None]) -> Callable[[int, str], None]:
    return lambda line, _: block(line)


def _line_breaks(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def _text(raw: str) -> str:
    """Character data: entities decoded; source line breaks are only spaces in HTML."""
    if "&" in raw:
        raw = html.unescape(raw)
    return raw.replace("\r", " ").replace("\n", " ")


def _cell_text(cell: _RawCell) -> str:
    lines = (_clean(part) for part in "".join(cell.pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
