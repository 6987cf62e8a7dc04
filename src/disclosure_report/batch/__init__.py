"""Checking many files at once: the work on one document as a pure function, and a whole folder.

- :func:`check_document`: a file's bytes and name in, a :class:`DocumentResult` out (the report
  in the interchange format, its findings, reading notes and tidy records; plain data). Map it
  over files with any engine (see the Dask recipe in ``docs/check-many-bodies.md``).
- :func:`check_files`: every file of :func:`walk` checked in worker processes, the reports of
  each body checked across years, the summary written as CSV, an Excel workbook or an HTML page
  (``disclosure-report check DIR --summary OUT``).
- :func:`records_frame`: the tidy records of results as a pandas DataFrame with the typed
  columns of :data:`~disclosure_report.tidy.TYPED_FIELDS` and the file (``analysis`` extra).
"""

from __future__ import annotations

from disclosure_report.batch._document import (
    INCOMPLETE_NOTES,
    STATUSES,
    DocumentResult,
    FindingRecord,
    NoteRecord,
    Status,
    check_document,
)
from disclosure_report.batch._folder import (
    MAX_FILE_BYTES,
    FolderSummary,
    check_files,
    check_path,
    state_path,
    summary_paths,
    walk,
)
from disclosure_report.batch._frame import records_frame
from disclosure_report.batch._summary import (
    FILE_FIELDS,
    FINDING_FIELDS,
    NOTE_FIELDS,
    STATUS_LABELS,
    SUFFIXES,
    validate_summary,
)


__all__ = [
    "FILE_FIELDS",
    "FINDING_FIELDS",
    "INCOMPLETE_NOTES",
    "MAX_FILE_BYTES",
    "NOTE_FIELDS",
    "STATUSES",
    "STATUS_LABELS",
    "SUFFIXES",
    "DocumentResult",
    "FindingRecord",
    "FolderSummary",
    "NoteRecord",
    "Status",
    "check_document",
    "check_files",
    "check_path",
    "records_frame",
    "state_path",
    "summary_paths",
    "validate_summary",
    "walk",
]
