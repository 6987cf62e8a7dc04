"""The work on one document of a batch: read it, check it, flatten it; a pure function.

:func:`check_document` takes a file's bytes and name and returns a :class:`DocumentResult`: plain
data (dicts, lists, strings, numbers) that pickles, goes through JSON and crosses process and
machine boundaries as it is. The folder check (``disclosure-report check DIR --summary OUT``)
runs it in worker processes, and so can any engine that maps a function over files (see the
Dask recipe in ``docs/check-many-bodies.md``).
"""

from __future__ import annotations

import hashlib

from decimal import Decimal
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, TypedDict

from disclosure_report._magic import JSON_START
from disclosure_report.checks import Finding, Severity, check
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import TABLE_SECTIONS, Report
from disclosure_report.serialize import from_json, to_dict


if TYPE_CHECKING:
    from disclosure_report.reading import ReadingNote


__all__ = [
    "INCOMPLETE_NOTES",
    "STATUSES",
    "DocumentResult",
    "FindingRecord",
    "NoteRecord",
    "Status",
    "check_document",
    "failed",
    "finding_record",
]

Status: TypeAlias = Literal["balanced", "has_errors", "not_fully_read", "not_a_report"]
"""What a file turned out to be, the first that applies:

- ``not_a_report``: it could not be read as a report (a damaged or foreign file, or no table of
  the format in it); :attr:`DocumentResult.reason <DocumentResult>` says why;
- ``has_errors``: at least one error finding, a balance rule broken;
- ``not_fully_read``: no error finding, but a table of the format was not found, or a reading
  note says cells were left blank (:data:`INCOMPLETE_NOTES`): not shown to balance;
- ``balanced``: read whole, and no error finding (there may be warnings).
"""

STATUSES: Final[tuple[Status, ...]] = ("balanced", "has_errors", "not_fully_read", "not_a_report")
"""Every :data:`Status`, in order."""

INCOMPLETE_NOTES: Final = frozenset(
    {
        "table_missing",
        "row_missing",
        "row_short",
        "cells_ambiguous",
        "unreadable_cell",
        "limit",
    }
)
"""The codes of the reading notes (:class:`~disclosure_report.NoteCode`) that leave cells of
the format blank, so that a report with one of them is ``not_fully_read`` unless it has an
error finding."""


class FindingRecord(TypedDict):
    """A finding as a flat record: one row of the summary's findings.

    ``cells`` and ``unknown`` are cell addresses (``3/new_received/total``); ``years`` the year
    of each cell for a finding across the years of one body (else empty); ``expected`` and
    ``actual`` a count, money as an exact decimal string, or ``None``; ``message`` in the
    locale asked for.
    """

    file: str
    rule: str
    severity: str
    cells: list[str]
    years: list[int]
    expected: int | str | None
    actual: int | str | None
    unknown: list[str]
    message: str


class NoteRecord(TypedDict):
    """A reading note as a flat record: one row of the summary's reading notes.

    ``where`` is the location in words (``table 3, new_received/total, line 41``); ``cell`` the
    format cell concerned (``3/new_received/total``), if any; ``line`` and ``page`` where the
    source has them; ``why`` in English; ``text`` the source quoted.
    """

    file: str
    code: str
    where: str
    cell: str | None
    line: int | None
    page: int | None
    why: str
    text: str


class DocumentResult(TypedDict):
    """What :func:`check_document` found in one file, by key:

    - ``file``: the name given;
    - ``sha256``: the hex SHA-256 of the bytes (what ``--resume`` knows a file by);
    - ``size``: the number of bytes;
    - ``kind``: how it was read: ``json`` (the interchange format), ``text``, ``html``,
      ``pdf``, ``docx`` … as :attr:`disclosure_report.ReadResult.kind`; ``None`` when not read;
    - ``status``: a :data:`Status`;
    - ``reason``: why it is ``not_a_report`` (English, one line per problem); else ``None``;
    - ``agency``, ``year``, ``format_version``: the report's; ``None`` when not read;
    - ``tables_found``: the tables (2, 3, 4) read; all three for the interchange format;
    - ``errors``, ``warnings``: the counts of its findings by severity;
    - ``findings``: every finding of its balance rules (:class:`FindingRecord`);
    - ``notes``: every reading note (:class:`NoteRecord`);
    - ``report``: the report in the interchange format (:func:`~disclosure_report.to_dict`),
      or ``None``;
    - ``records``: its tidy records (:func:`disclosure_report.tidy.records`), when asked for.
    """

    file: str
    sha256: str
    size: int
    kind: str | None
    status: Status
    reason: str | None
    agency: str | None
    year: int | None
    format_version: str | None
    tables_found: list[int]
    errors: int
    warnings: int
    findings: list[FindingRecord]
    notes: list[NoteRecord]
    report: dict[str, Any] | None
    records: list[dict[str, Any]]


def _number(value: int | Decimal | None) -> int | str | None:
    return format(value, "f") if isinstance(value, Decimal) else value


def finding_record(finding: Finding, file: str, locale: str) -> FindingRecord:
    """*finding* of the report in *file* as a :class:`FindingRecord`, its message in *locale*.

    Raises:
        UnsupportedLocaleError: For a locale without a catalog.
    """
    return {
        "file": file,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "cells": [str(cell) for cell in finding.cells],
        "years": list(finding.years),
        "expected": _number(finding.expected),
        "actual": _number(finding.actual),
        "unknown": [str(cell) for cell in finding.unknown],
        "message": finding.message(locale),
    }


def _note_record(note: ReadingNote, file: str) -> NoteRecord:
    where = note.where
    return {
        "file": file,
        "code": note.code.value,
        "where": str(where),
        "cell": None
        if where.cell is None or where.section is None
        else f"{where.section}/{where.cell[0]}/{where.cell[1]}",
        "line": where.line,
        "page": where.page,
        "why": note.why,
        "text": note.text,
    }


def failed(file: str, digest: str, size: int, reason: str) -> DocumentResult:
    """The result for *file* that is no report, and *reason* why."""
    return {
        "file": file,
        "sha256": digest,
        "size": size,
        "kind": None,
        "status": "not_a_report",
        "reason": reason,
        "agency": None,
        "year": None,
        "format_version": None,
        "tables_found": [],
        "errors": 0,
        "warnings": 0,
        "findings": [],
        "notes": [],
        "report": None,
        "records": [],
    }


def _problems(error: InvalidReportError) -> str:
    """The problems of *error*, one a line; about the whole file (path ``$``): what it is."""
    return "\n".join(
        f"{p.got} (expected {p.expected})" if p.path == "$" else str(p) for p in error.problems
    )


def _load(data: bytes, name: str) -> tuple[Report, str, tuple[ReadingNote, ...], tuple[int, ...]]:
    """The report in *data*, how it was read, its notes and the tables found.

    Raises:
        InvalidReportError: When it is no report.
    """
    suffix = PurePath(name).suffix.lower()
    if suffix == ".json" or data.lstrip().startswith(JSON_START):
        return from_json(data), "json", (), tuple(TABLE_SECTIONS)
    from disclosure_report.reading import read

    # The reader tells text, HTML and documents (PDF, Word …) apart by their content.
    result = read(data)
    return result.report, result.kind, result.notes, result.tables_found


def check_document(
    data: bytes, name: str, *, locale: str = "zh_Hans", records: bool = True
) -> DocumentResult:
    """Read, check and flatten the report in *data*, the content of the file *name*.

    A pure function of its arguments: it opens no file (the name only says how *data* may be
    read: ``.json`` is the interchange format), and its result is plain data.
    Reports in the interchange format are told by a ``.json`` name or a JSON object; any other
    content goes to :func:`disclosure_report.read`, which tells text, HTML and documents (PDF,
    Word …) apart by their content: whatever it reads, this reads.

    Args:
        data: The file's bytes.
        name: The file's name or path, kept in the result (and every record of it).
        locale: The language of the findings' messages.
        records: Whether to include the report's tidy records (200 or so per report).

    Returns:
        A :class:`DocumentResult`. Input that is no report gives a result with the status
        ``not_a_report`` and the reason, never an exception.

    Raises:
        UnsupportedLocaleError: For a locale without a catalog.
    """
    from disclosure_report.i18n import resolve_locale

    locale = resolve_locale(locale)
    digest = hashlib.sha256(data).hexdigest()
    try:
        report, kind, notes, tables = _load(data, name)
    except InvalidReportError as error:
        return failed(name, digest, len(data), _problems(error))
    if not tables:
        return failed(name, digest, len(data), "no table of the format (sections 二, 三, 四)")
    findings = check(report)
    errors = sum(f.severity is Severity.ERROR for f in findings)
    incomplete = len(tables) < len(TABLE_SECTIONS) or any(
        note.code.value in INCOMPLETE_NOTES for note in notes
    )
    status: Status = "has_errors" if errors else "not_fully_read" if incomplete else "balanced"
    tidy: list[dict[str, Any]] = []
    if records:
        from disclosure_report.tidy import records as tidy_records

        tidy = list(tidy_records((report,)))
    return {
        "file": name,
        "sha256": digest,
        "size": len(data),
        "kind": kind,
        "status": status,
        "reason": None,
        "agency": report.metadata.agency,
        "year": report.metadata.year,
        "format_version": report.format_version,
        "tables_found": list(tables),
        "errors": errors,
        "warnings": len(findings) - errors,
        "findings": [finding_record(f, name, locale) for f in findings],
        "notes": [_note_record(note, name) for note in notes],
        "report": to_dict(report),
        "records": tidy,
    }
