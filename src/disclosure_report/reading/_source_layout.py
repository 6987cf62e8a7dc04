"""The uniform layout that both the text and the HTML stage produce.

A document becomes a sequence of :class:`Row` objects in reading order. A row is one physical row
of the source: a line of text, a paragraph of HTML, or a table row (``<tr>``, a tab-separated or a
pipe-separated line). Each row holds its :class:`Cell` objects with their positions, so that later
stages can say where a value came from.
"""

from __future__ import annotations

from typing import Literal

import attrs


__all__ = ["Cell", "Kind", "Layout", "Row"]

Kind = Literal["text", "html"]


@attrs.frozen
class Cell:
    """One cell of a row, as printed.

    Attributes:
        text: The cell's text, entities decoded, runs of whitespace collapsed to one space.
        line: 1-based line of the source where the cell starts.
        column: 0-based position of the cell in its row (in an HTML table: its grid column).
    """

    text: str
    line: int
    column: int = 0


@attrs.frozen
class Row:
    """One physical row of the source.

    Attributes:
        cells: The cells, in reading order.
        line: 1-based line of the source where the row starts.
        delimited: ``True`` when the source marks the cells of the row (a table row, a tab or
            pipe separated line): its end is the end of a table row. ``False`` for a line or
            paragraph that holds a single cell.
        table: 0-based index of the HTML table the row belongs to, ``None`` outside tables.
        index: 0-based index of the row in its HTML table, ``None`` outside tables.
    """

    cells: tuple[Cell, ...]
    line: int
    delimited: bool = False
    table: int | None = None
    index: int | None = None


@attrs.frozen
class Layout:
    """A document turned into rows.

    Attributes:
        kind: ``"html"`` or ``"text"``: how the source was read.
        rows: The rows in reading order.
        title: The HTML ``<title>``, when there is one.
        encoding: How bytes were decoded (``"utf-8"``, ``"gb18030"`` …), ``None`` for ``str``.
        published: The publication date as the page's ``<meta>`` states it (``PubDate``,
            ``publishdate``, ``ArticlePublishDate`` …), unparsed; ``None`` without one.
    """

    kind: Kind
    rows: tuple[Row, ...]
    title: str | None = None
    encoding: str | None = None
    published: str | None = None
