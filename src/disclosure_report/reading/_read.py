"""``read``: a published report (text, HTML, PDF or Word) into the typed model, with its reading
notes."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model import CellAddress, Report
from disclosure_report.reading._build import build
from disclosure_report.reading._extract import extract
from disclosure_report.reading._notes import Location, ReadingNote
from disclosure_report.reading._rows import ExtraRow
from disclosure_report.reading._source import Source
from disclosure_report.reading._source_layout import Kind


__all__ = ["ReadResult", "read"]


@attrs.frozen(kw_only=True)
class ReadResult:
    """A report as read, and what could not be read.

    Reading notes are about extraction (a cell the reader could not read stays blank and gets a
    note); balance findings are about the publisher's numbers and come from
    ``result.report.check()``. The two are kept apart on purpose.

    Attributes:
        report: The report; every cell not read is :data:`~disclosure_report.BLANK`.
        notes: The reading notes, in document order where possible.
        tables_found: The tables (2, 3, 4) whose labels were found in the source.
        kind: How the source was read: ``"text"``, ``"html"``, ``"pdf"`` or ``"docx"`` (a
            ``.doc``, ``.wps`` or ``.odt`` file is converted to ``.docx`` first).
        encoding: How bytes were decoded; ``None`` for a ``str`` source (and for PDF and Word
            documents, which carry their own encoding).
        locations: Where each cell that was read is printed, by its address: the line (and,
            in HTML and Word, the source table, row and grid column; in a PDF, the page and
            the bounding box), so that a person can find the printed cell. A cell that was
            not read (blank for want of a source cell) has none.
        extra_rows: Rows printed with values that the format does not have, kept as printed
            and never put into a cell (each also has an ``extra_row`` note): a local row, a
            subtotal, or a row printed in place of a group of rows, such as ``（六）其他处理``
            printed as one row in a report in the 2021 format, whose three rows stay blank.
    """

    report: Report
    notes: tuple[ReadingNote, ...]
    tables_found: tuple[int, ...]
    kind: Kind
    encoding: str | None
    locations: Mapping[CellAddress, Location] = attrs.field(factory=dict)
    extra_rows: tuple[ExtraRow, ...] = ()

    @property
    def has_tables(self) -> bool:
        """Whether any table of the format was found; without one, nothing was read."""
        return bool(self.tables_found)


def read(source: Source, *, kind: Kind | None = None) -> ReadResult:
    """Read a published report into the typed model.

    Args:
        source: The report: a ``str`` is its text (or HTML), ``bytes`` its raw content (a PDF
            or Word document; text in UTF-8, GB18030/GBK, an encoding the page declares, UTF-16
            or UTF-32), an :class:`os.PathLike` (such as a :class:`pathlib.Path`) a file. A
            ``str`` is never a path. Documents are told by their content, not their suffix.
        kind: ``"text"``, ``"html"``, ``"pdf"`` or ``"docx"`` to skip detection (documents by
            their content; text and HTML by a path's suffix, then the content).

    Returns:
        The report and the reading notes. Any input gives a result; what cannot be read is a
        note and a blank cell, never a number.

    Raises:
        InvalidReportError: When a path cannot be read; when the source is a document that
            cannot be opened (a damaged or encrypted PDF or Word file; a ``.doc``, ``.wps`` or
            ``.odt`` without LibreOffice to convert it) or a binary type that is no report (an
            image, an archive, OFD); when the source is a ``str`` or
            ``bytes`` that holds no table and is evidently a file name (one line ending in
            a file suffix such as ``.html``, or naming an existing file), whose problem says
            to pass a :class:`pathlib.Path`; or when the source is HTML and the HTML parser
            (lxml, a dependency of the library) is not installed.
    """
    try:
        extraction = extract(source, kind=kind)
    except OSError as error:
        raise InvalidReportError(
            [Problem("$", "a readable file", error.strerror or type(error).__name__)]
        ) from None
    report, notes, locations = build(extraction)
    return ReadResult(
        report=report,
        notes=notes,
        tables_found=tuple(t.number for t in extraction.tables if t.found),
        kind=extraction.kind,
        encoding=extraction.encoding,
        locations=locations,
        extra_rows=extraction.extra_rows,
    )
