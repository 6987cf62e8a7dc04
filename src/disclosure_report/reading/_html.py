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
import itertools
import re

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
_HIDDEN_FIRST = "".join(sorted({n[0] for n in _HIDDEN_TAGS.split("|")}))
# Tag names are matched ignoring ASCII case only, as browsers do (and faster than Unicode case).
# The lookahead lets most '<' fail at once.
_HIDDEN = re.compile(
    rf"<(?=[!?{_HIDDEN_FIRST}{_HIDDEN_FIRST.upper()}])(?:!--.*?(?:-->|\Z)|[!?][^<>]*+>|((?ai:{_HIDDEN_TAGS}))\b[^<>]*+>.*?(?:</(?ai:\1)\s*>|\Z))",
    re.DOTALL,
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
_BLOCK_NAMES = _STRUCTURE_NAMES.replace("t(?:able|body|foot|head|[dhr])", "t(?:body|foot|head)")
# A structural tag, and the block tags that follow it with only white space between: a run of
# block boundaries is one boundary, so the loop sees it once (the run is group 4).
_TAG = re.compile(
    rf"<(/?)((?ai:{_STRUCTURE_NAMES}))\b({_QUOTED})>"
    rf"((?:\s*+</?(?ai:{_BLOCK_NAMES})\b{_QUOTED}>)*+)"
)
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


_TABLE, _ROW, _CELL = 1, 2, 3
_ROLES = {
    "".join(spelling): role
    for name, role in (("table", _TABLE), ("tr", _ROW), ("td", _CELL), ("th", _CELL))
    for spelling in itertools.product(*({c, c.upper()} for c in name))
}
"""Tags with a role in tables, in every ASCII case; every other structural tag is a block
boundary."""


@attrs.define
class _Builder:
    """The page's rows, built tag by tag.

    Only the innermost table can be a data table (a table that holds another is read as text
    from there on): ``data_table`` is that table, or ``None`` where text goes to ``text``.
    """

    out: list[Row] = attrs.Factory(list)
    text: list[str] = attrs.Factory(list)
    text_line: int = 0
    tables: list[_Table] = attrs.Factory(list)
    data_table: _Table | None = None
    count: int = 0
    title: str | None = None

    # text ---------------------------------------------------------------------------------------

    def data(self, text: str, line: int) -> None:
        table = self.data_table
        if table is not None:
            cell = table.cell
            if cell is None:
                if not text.strip():
                    return
                cell = self._open_cell(table, line, 1, 1)
            cell.pieces.append(text)
            return
        if not self.text:
            self.text_line = line
        self.text.append(text)

    def block(self, line: int) -> None:
        table = self.data_table
        if table is not None:
            if table.cell is not None:
                table.cell.pieces.append("\n")
            return
        if self.text:
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

    def start(self, role: int, line: int, attributes: str) -> None:
        """A start tag of *role* (``_TABLE``, ``_ROW`` or ``_CELL``)."""
        if role == _TABLE:
            self.start_table(line)
            return
        table = self.data_table
        if table is None:
            self.block(line)
        elif role == _ROW:
            self._close_row(table)
            table.row = []
            table.row_lines.append(line)
        else:
            rowspan, colspan = 1, 1
            if "span" in attributes.lower():
                for name, value in _SPAN.findall(attributes):
                    if name.lower() == "rowspan":
                        rowspan = min(max(int(value), 1), _MAX_SPAN_ROWS)
                    else:
                        colspan = min(max(int(value), 1), _MAX_COLUMNS)
            self._open_cell(table, line, rowspan, colspan)

    def end(self, role: int, line: int) -> None:
        """An end tag of *role* (``_TABLE``, ``_ROW`` or ``_CELL``)."""
        if role == _TABLE:
            self.end_table()
            return
        table = self.data_table
        if table is None:
            self.block(line)
        elif role == _ROW:
            self._close_row(table)
        else:
            table.cell = None

    def start_table(self, line: int) -> None:
        if self.data_table is not None:
            self._to_layout(self.data_table)
        self.flush_text()
        self.data_table = _Table(line)
        self.tables.append(self.data_table)

    def end_table(self) -> None:
        if not self.tables:
            return
        table = self.tables.pop()
        # Tables below the innermost one have been turned into layout tables.
        self.data_table = None
        if table.layout:
            self.flush_text()
            return
        self._close_row(table)
        self.flush_text()
        self._emit(table)

    def finish(self) -> None:
        while self.tables:
            self.end_table()
        self.flush_text()

    def _open_cell(
        self, table: _Table, line: int, rowspan: int, colspan: int
    ) -> _RawCell:
        if table.row is None:
            table.row = []
            table.row_lines.append(line)
        cell = table.cell = _RawCell([], line, rowspan, colspan)
        table.row.append(cell)
        return cell

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
        texts = _cell_texts(table)
        if texts is None:  # a page-layout table
            self._emit_text(table)
            return
        index = self.count
        self.count += 1
        covered: dict[int, int] = {}  # grid column -> rows still covered from above
        lines = table.row_lines
        for number, (row, row_texts) in enumerate(
            zip(table.rows, texts, strict=True)
        ):
            cells = _grid_row(row, row_texts, covered)
            if cells:
                line = lines[number] if number < len(lines) else table.line
                self.out.append(
                    Row(cells, line, delimited=True, table=index, index=number)
                )


def _grid_row(
    row: list[_RawCell], texts: list[str], covered: dict[int, int]
) -> tuple[Cell, ...]:
    """The cells of *row* at their grid columns, past the columns that cells from the rows
    above still cover; *covered* is updated for the next row."""
    cells: list[Cell] = []
    column = 0
    for raw, text in zip(row, texts, strict=True):
        while column in covered:
            column += 1
        if column >= _MAX_COLUMNS:
            break
        cells.append(Cell(text, raw.line, column))
        rowspan = raw.rowspan
        if rowspan > 1:
            for c in range(column, min(column + raw.colspan, _MAX_COLUMNS)):
                if covered.get(c, 0) < rowspan:
                    covered[c] = rowspan
        column += raw.colspan
    for c in list(covered):
        if covered[c] > 1:
            covered[c] -= 1
        else:
            del covered[c]
    return tuple(cells)


def html_rows(text: str) -> HtmlPage:
    """Read an HTML page into rows."""
    builder = _Builder()
    title = _TITLE.search(text)
    if title:
        builder.title = _clean(_text(title.group(1)))
    # Hidden content goes first, replaced by its line breaks so that line numbers stay right.
    text = _HIDDEN.sub(_line_breaks, text)
    _walk(builder, _TAG.split(text))
    builder.finish()
    return HtmlPage(tuple(builder.out), builder.title or None, builder.count)


def _walk(builder: _Builder, parts: list[str]) -> None:  # noqa: C901, PLR0912
    """Feed *parts* (text, ``/`` or ``""``, tag name, attributes, run of block tags, text, …)
    to *builder*.

    One function on purpose: it runs once per tag, and on large pages calls cost more than
    its branches.
    """
    roles = _ROLES
    inline = _INLINE.sub
    pending = builder.text  # text outside data tables, up to the next block boundary
    start, end = builder.start, builder.end
    line = 1
    # The hot loop: what Builder.data and Builder.block do, inlined for the common cases.
    for i in range(0, len(parts) - 1, 5):
        chunk = parts[i]
        if chunk:
            shown = inline("", chunk) if "<" in chunk else chunk
            if shown and not shown.isspace():
                table = builder.data_table
                if table is None:
                    if not pending:
                        builder.text_line = line
                    pending.append(_text(shown))
                elif table.cell is not None:
                    table.cell.pieces.append(_text(shown))
                else:
                    builder.data(_text(shown), line)
            if "\n" in chunk:
                line += chunk.count("\n")
        role = roles.get(parts[i + 2])
        attributes = parts[i + 3]
        if role is None:
            table = builder.data_table
            if table is None:
                if pending:
                    builder.flush_text()
            elif table.cell is not None:
                table.cell.pieces.append("\n")
        elif parts[i + 1]:
            end(role, line)
        else:
            start(role, line, attributes)
        if "\n" in attributes:
            line += attributes.count("\n")
        run = parts[i + 4]
        if run:  # block boundaries after the tag: one is enough
            table = builder.data_table
            if table is None:
                if pending:
                    builder.flush_text()
            elif table.cell is not None:
                table.cell.pieces.append("\n")
            if "\n" in run:
                line += run.count("\n")
    last = inline("", parts[-1])
    if last and not last.isspace():
        builder.data(_text(last), line)


def _cell_texts(table: _Table) -> list[list[str]] | None:
    """The text of each cell of *table*, or ``None`` when a cell holds so much text (or so
    many lines) that the table lays out a page rather than holding data."""
    texts: list[list[str]] = []
    for row in table.rows:
        row_texts: list[str] = []
        for cell in row:
            pieces = cell.pieces
            joined = pieces[0] if len(pieces) == 1 else "".join(pieces)
            text = _clean(joined)
            if len(text) > _LAYOUT_CHARS or (
                joined.count("\n") >= _LAYOUT_LINES
                and _line_count(joined) > _LAYOUT_LINES
            ):
                return None
            row_texts.append(text)
        texts.append(row_texts)
    return texts


def _line_count(text: str) -> int:
    """The number of lines of *text* that hold more than white space."""
    return sum(1 for part in text.split("\n") if _clean(part))


def _line_breaks(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def _text(raw: str) -> str:
    """Character data: entities decoded; source line breaks are only spaces in HTML."""
    if "&" in raw:
        raw = html.unescape(raw)
    return raw.replace("\r", " ").replace("\n", " ")


def _clean(text: str) -> str:
    """Runs of white space and zero-width spaces as one space, stripped."""
    if "\u200b" in text or "\ufeff" in text:
        return _SPACES.sub(" ", text).strip()
    return " ".join(text.split())  # str.split() splits exactly where \s matches
