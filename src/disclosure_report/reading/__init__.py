"""Reading published reports: text and HTML as they appear online.

The reader works in stages, each usable alone:

* :func:`layout`: decode (UTF-8, GB18030/GBK, Big5 when declared), tell HTML from text, and turn
  the document into rows of cells with their line and table positions;
* :func:`extract`: find the sections, the format version, the agency and year, and read tables
  2, 3 and 4 by their labels into cells, with :class:`ReadingNote` objects for every cell that
  could not be read;
* :func:`read`: all of it, onto the typed model: a :class:`ReadResult` holding the report and the
  notes.

Reading notes describe extraction problems, never the publisher's arithmetic: that is the checks'
business.
"""

from __future__ import annotations

from disclosure_report.reading._extract import Extraction, extract, layout
from disclosure_report.reading._notes import Location, NoteCode, ReadingNote
from disclosure_report.reading._read import ReadResult, read
from disclosure_report.reading._rows import ExtraRow
from disclosure_report.reading._source import Decoded, Source, decode, detect_kind
from disclosure_report.reading._source_layout import Cell, Kind, Layout, Row
from disclosure_report.reading._tables import ReadCell, TableRead


__all__ = [
    "Cell",
    "Decoded",
    "ExtraRow",
    "Extraction",
    "Kind",
    "Layout",
    "Location",
    "NoteCode",
    "ReadCell",
    "ReadResult",
    "ReadingNote",
    "Row",
    "Source",
    "TableRead",
    "decode",
    "detect_kind",
    "extract",
    "layout",
    "read",
]
