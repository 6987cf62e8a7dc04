"""The uniform layout that both the text and the HTML stage produce.

A document becomes a sequence of :class:`Row` objects in reading order. A row is one physical row
of the source: a line of text or of a PDF page, a paragraph of HTML or Word, or a table row
(``<tr>``, a Word table row, a tab-separated or a pipe-separated line). Each row holds its :class:`Cell` objects with their positions, so that later
stages can say where a value came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs


__all__ = ["Cell", "Kind", "Layout", "Row"]

Kind = Literal["text", "html", "pdf", "docx", "xlsx"]


@attrs.frozen
class Cell:
    """One cell of a row, as printed.

    Attributes:
        text: The cell's text, entities decoded, runs of whitespace collapsed to one space.
        line: 1-based line of the source where the cell starts.
        column: 0-based position of the cell in its row (in an HTML or Word table: its grid
            column).
        page: 1-based page of a PDF where the cell is printed; ``None`` in other sources.
        box: The cell's bounding box on that page, ``(x0, top, x1, bottom)`` in PDF points
            from the page's top left corner; ``None`` in other sources.
        span: How many grid columns the cell covers (a cell merged across columns: HTML
            ``colspan``, Word ``w:gridSpan``); 1 elsewhere.
    """

    text: str
    line: int
    column: int = 0
    page: int | None = None
    box: tuple[float, float, float, float] | None = None
    span: int = 1


@attrs.frozen
class Row:
    """One physical row of the source.

    Attributes:
        cells: The cells, in reading order.
        line: 1-based line of the source where the row starts.
        delimited: ``True`` when the source marks the cells of the row (a table row, a tab or
            pipe separated line): its end is the end of a table row. ``False`` for a line or
            paragraph that holds a single cell.
        table: 0-based index of the HTML or Word table the row belongs to, ``None`` outside
            tables (and in PDF and text, which mark no tables).
        index: 0-based index of the row in its table, ``None`` outside tables.
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
        kind: How the source was read: ``"text"``, ``"html"``, ``"pdf"`` or ``"docx"`` (Word
            files, ``.doc``, ``.wps`` and ``.odt`` too, which are converted to ``.docx``).
        rows: The rows in reading order.
        title: The HTML ``<title>``, when there is one.
        encoding: How bytes were decoded (``"utf-8"``, ``"gb18030"`` …), ``None`` for ``str``.
        published: The publication date as the page's ``<meta>`` states it (``PubDate``,
            ``publishdate``, ``ArticlePublishDate`` …), unparsed; ``None`` without one.
        stated: The rest of the metadata that a page's head states, unparsed, by the name of
            the :class:`~disclosure_report.Metadata` field (``source_url``, ``level``,
            ``region``).
    """

    kind: Kind
    rows: tuple[Row, ...]
    title: str | None = None
    encoding: str | None = None
    published: str | None = None
    stated: Mapping[str, str] = attrs.field(factory=dict)
