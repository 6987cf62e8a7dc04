"""The summary of a folder check as CSV or an Excel workbook (the HTML page is
:mod:`._page`): one row per file, one per finding, one per reading note.

Every writer reads the state file row by row and writes to temporary files beside the targets,
renamed over them only when all is written.
"""

from __future__ import annotations

import csv
import importlib

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from disclosure_report._atomic import replacing
from disclosure_report.batch._document import DocumentResult, Status
from disclosure_report.batch._store import Store
from disclosure_report.i18n import translate
from disclosure_report.model import NC_, Label


__all__ = [
    "FILE_FIELDS",
    "FINDING_FIELDS",
    "NOTE_FIELDS",
    "STATUS_LABELS",
    "SUFFIXES",
    "FileRow",
    "file_rows",
    "validate_summary",
    "writer_for",
]

SUFFIXES: Final = (".csv", ".html", ".xlsx")
"""The suffixes a summary may have."""

FILE_FIELDS: Final = (
    "file",
    "agency",
    "year",
    "format_version",
    "kind",
    "tables_found",
    "errors",
    "warnings",
    "notes",
    "status",
    "reason",
    "sha256",
)
"""The columns of the summary's table of files."""

FINDING_FIELDS: Final = (
    "file",
    "rule",
    "severity",
    "cells",
    "years",
    "expected",
    "actual",
    "unknown",
    "message",
)
"""The columns of the summary's table of findings."""

NOTE_FIELDS: Final = ("file", "code", "where", "cell", "line", "page", "why", "text")
"""The columns of the summary's table of reading notes."""

HEADERS: Final[dict[str, Label]] = {
    "file": NC_("summary.column.file", "File"),
    "agency": NC_("summary.column.agency", "Agency"),
    "year": NC_("summary.column.year", "Year"),
    "format_version": NC_("summary.column.format_version", "Format"),
    "kind": NC_("summary.column.kind", "Read as"),
    "tables_found": NC_("summary.column.tables_found", "Tables found"),
    "errors": NC_("summary.column.errors", "Errors"),
    "warnings": NC_("summary.column.warnings", "Warnings"),
    "notes": NC_("summary.column.notes", "Reading notes"),
    "status": NC_("summary.column.status", "Status"),
    "reason": NC_("summary.column.reason", "Why not read"),
    "sha256": NC_("summary.column.sha256", "SHA-256"),
    "rule": NC_("summary.column.rule", "Rule"),
    "severity": NC_("summary.column.severity", "Severity"),
    "cells": NC_("summary.column.cells", "Cells"),
    "years": NC_("summary.column.years", "Years"),
    "expected": NC_("summary.column.expected", "Expected"),
    "actual": NC_("summary.column.actual", "Actual"),
    "unknown": NC_("summary.column.unknown", "Unknown cells"),
    "message": NC_("summary.column.message", "Message"),
    "code": NC_("summary.column.code", "Note"),
    "where": NC_("summary.column.where", "Where"),
    "cell": NC_("summary.column.cell", "Cell"),
    "line": NC_("summary.column.line", "Line"),
    "page": NC_("summary.column.page", "Page"),
    "why": NC_("summary.column.why", "Why"),
    "text": NC_("summary.column.text", "Text"),
}
"""The headers that people read (HTML, Excel); CSV keeps the field names, for programs."""

STATUS_LABELS: Final[dict[str, Label]] = {
    "balanced": NC_("summary.status.balanced", "balanced"),
    "has_errors": NC_("summary.status.has_errors", "has errors"),
    "not_fully_read": NC_("summary.status.not_fully_read", "not fully read"),
    "not_a_report": NC_("summary.status.not_a_report", "not a report"),
}
SEVERITY_LABELS: Final[dict[str, Label]] = {
    "error": NC_("summary.severity.error", "error"),
    "warning": NC_("summary.severity.warning", "warning"),
}
SHEETS: Final = (
    NC_("summary.sheet.files", "Files"),
    NC_("summary.sheet.findings", "Findings"),
    NC_("summary.sheet.notes", "Reading notes"),
)


@attrs.frozen(kw_only=True)
class FileRow:
    """A file's row of the summary: its result, with the findings across the years of its
    body that name it (it is the later report of the pair) counted in.

    Attributes:
        result: The file's :class:`~disclosure_report.batch.DocumentResult`.
        errors: Its error findings, across years included.
        warnings: Its warnings, across years included.
        notes: Its reading notes, and notes on its body's series.
        status: Its status, ``has_errors`` when a finding across years is an error.
    """

    result: DocumentResult
    errors: int
    warnings: int
    notes: int
    status: Status

    def fields(self) -> dict[str, Any]:
        """The row's values by :data:`FILE_FIELDS`."""
        r = self.result
        return {
            "file": r["file"],
            "agency": r["agency"],
            "year": r["year"],
            "format_version": r["format_version"],
            "kind": r["kind"],
            "tables_found": " ".join(map(str, r["tables_found"])),
            "errors": self.errors,
            "warnings": self.warnings,
            "notes": self.notes,
            "status": self.status,
            "reason": r["reason"],
            "sha256": r["sha256"],
        }


def file_rows(store: Store, locale: str) -> Iterator[FileRow]:
    """The rows of the summary, one per file, in the order of the run."""
    errors: dict[str, int] = {}
    warnings: dict[str, int] = {}
    notes: dict[str, int] = {}
    for finding in store.series("finding"):
        counts = errors if finding["severity"] == "error" else warnings
        counts[finding["file"]] = counts.get(finding["file"], 0) + 1
    for note in store.series("note"):
        notes[note["file"]] = notes.get(note["file"], 0) + 1
    for result in store.results(locale):
        file = result["file"]
        extra = errors.get(file, 0)
        status = result["status"]
        if extra and status in {"balanced", "not_fully_read"}:
            status = "has_errors"
        yield FileRow(
            result=result,
            errors=result["errors"] + extra,
            warnings=result["warnings"] + warnings.get(file, 0),
            notes=len(result["notes"]) + notes.get(file, 0),
            status=status,
        )


def finding_rows(store: Store, locale: str) -> Iterator[Mapping[str, Any]]:
    """Every finding: each file's, in the order of the run, then those across years."""
    for result in store.results(locale):
        yield from result["findings"]
    yield from store.series("finding")


def note_rows(store: Store, locale: str) -> Iterator[Mapping[str, Any]]:
    """Every reading note, each file's in the order of the run, then those on series."""
    for result in store.results(locale):
        yield from result["notes"]
    yield from store.series("note")


def _cell(value: object) -> object:
    """A value as one spreadsheet cell: a list joined by spaces, ``None`` empty."""
    if isinstance(value, list):
        return " ".join(map(str, value))
    return "" if value is None else value


def write_csv(store: Store, summary: Path, locale: str) -> tuple[Path, ...]:
    """The summary as three CSV files (UTF-8 with a byte-order mark, which Excel and WPS need
    to read Chinese): files, findings, reading notes."""
    from disclosure_report.batch._folder import summary_paths

    targets = summary_paths(summary)
    tables: tuple[tuple[tuple[str, ...], Iterator[Mapping[str, Any]]], ...] = (
        (FILE_FIELDS, (row.fields() for row in file_rows(store, locale))),
        (FINDING_FIELDS, finding_rows(store, locale)),
        (NOTE_FIELDS, note_rows(store, locale)),
    )
    with replacing(targets) as temporaries:
        for temporary, (fields, rows) in zip(temporaries, tables, strict=True):
            with temporary.open("w", encoding="utf-8-sig", newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(fields)
                for row in rows:
                    writer.writerow([_cell(row[field]) for field in fields])
    return targets


def _shown(field: str, value: object, locale: str) -> object:
    """A value as a person reads it: statuses and severities in words."""
    if field == "status" and isinstance(value, str):
        return translate(STATUS_LABELS[value], locale)
    if field == "severity" and isinstance(value, str):
        return translate(SEVERITY_LABELS[value], locale)
    return _cell(value)


def write_xlsx(store: Store, summary: Path, locale: str) -> tuple[Path, ...]:
    """The summary as an Excel workbook of three sheets, written row by row (openpyxl's
    write-only mode): files, findings, reading notes."""
    openpyxl = _openpyxl()
    font = importlib.import_module("openpyxl.styles").Font
    cell_class = importlib.import_module("openpyxl.cell").WriteOnlyCell

    workbook = openpyxl.Workbook(write_only=True)
    bold = font(bold=True)
    tables: tuple[tuple[tuple[str, ...], Iterator[Mapping[str, Any]]], ...] = (
        (FILE_FIELDS, (row.fields() for row in file_rows(store, locale))),
        (FINDING_FIELDS, finding_rows(store, locale)),
        (NOTE_FIELDS, note_rows(store, locale)),
    )
    for title, (fields, rows) in zip(SHEETS, tables, strict=True):
        sheet = workbook.create_sheet(translate(title, locale))
        sheet.freeze_panes = "A2"
        header = []
        for field in fields:
            cell = cell_class(sheet, value=translate(HEADERS[field], locale))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows:
            shown = (_shown(field, row[field], locale) for field in fields)
            sheet.append([_text_safe(value, sheet, cell_class) for value in shown])
    with replacing((summary,)) as (temporary,):
        workbook.save(temporary)
    return (summary,)


def _text_safe(value: object, sheet: Any, cell_class: Any) -> object:
    """*value*, but a string that starts with ``=`` as a text cell of *sheet*: openpyxl would
    write it as a formula (a file named ``=1+1.txt``, a note quoting a report's ``=0``), which
    a spreadsheet then runs."""
    if isinstance(value, str) and value.startswith("="):
        cell = cell_class(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError as error:
        msg = "a summary in .xlsx needs openpyxl: pip install openpyxl"
        raise ImportError(msg) from error


def validate_summary(summary: Path) -> None:
    """Raise unless a summary can be written at *summary*: its suffix is one of
    :data:`SUFFIXES`, and for ``.xlsx`` openpyxl is installed.

    Raises:
        ValueError: For a suffix that is not one of :data:`SUFFIXES`.
        ImportError: For ``.xlsx`` without openpyxl.
    """
    writer_for(summary)


def writer_for(summary: Path) -> Callable[[Store, Path, str], tuple[Path, ...]]:
    """The writer of a summary at *summary*, by its suffix.

    Raises:
        ValueError: For a suffix that is not one of :data:`SUFFIXES`.
        ImportError: For ``.xlsx`` without openpyxl.
    """
    suffix = summary.suffix.lower()
    if suffix == ".csv":
        return write_csv
    if suffix == ".xlsx":
        _openpyxl()
        return write_xlsx
    if suffix == ".html":
        from disclosure_report.batch._page import write_html

        return write_html
    msg = f"a summary ends in {', '.join(SUFFIXES)}: {summary.name}"
    raise ValueError(msg)
