"""Loading the command's input: a report in the interchange format, or a published report.

A document (PDF, Word) is told by its content, whatever its suffix; otherwise the kind of input is
told by the file's suffix (``.json``; ``.txt``, ``.md``; ``.html``, ``.htm``), and for standard
input or another suffix by its content: a JSON object is the interchange format, anything else a
published report for :func:`disclosure_report.reading.read`.
No input is read beyond :data:`MAX_INPUT_BYTES`.
"""

from __future__ import annotations

import sys

from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import attrs

from disclosure_report._magic import JSON_START, PDF_WINDOW, is_document
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import TABLE_SECTIONS, Report
from disclosure_report.serialize import from_json


# The reader (and lxml) is imported only when a published report is read, so that checking a
# report in the interchange format starts quickly.
if TYPE_CHECKING:
    from collections.abc import Mapping

    from disclosure_report.model import CellAddress
    from disclosure_report.reading import Location, ReadingNote


EXIT_OK: Final = 0
EXIT_ERRORS: Final = 1
EXIT_UNREADABLE: Final = 2
EXIT_INCOMPLETE: Final = 3
"""``check``: no error finding, but a table of a published report's format was not found, so
the rules on it were not checked."""
EXIT_INTERRUPTED: Final = 130
"""Interrupted (Ctrl-C): 128 + SIGINT, as a shell reports a command the signal ended."""
EXIT_BROKEN_PIPE: Final = 141
"""The reader of standard output went away (``… | head -1``): 128 + SIGPIPE, as a shell reports
a Unix tool that the signal ended."""

MAX_INPUT_BYTES: Final = 64 * 1024 * 1024
"""The most that is read of one input, file or standard input (64 MiB): a published report is
well under 1 MiB, and a larger input (``/dev/zero``, a wrong file) is an error, not a wait for
memory to run out."""

InputKind = Literal["json", "text", "html", "pdf", "docx", "xlsx"]

_SUFFIXES: Final[dict[str, Literal["json", "text", "html"]]] = {
    ".json": "json",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
}


class ReadFailure(Exception):  # noqa: N818 (internal control flow, never escapes main)
    """The input could not be read; :attr:`lines` say why."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class WriteFailure(Exception):  # noqa: N818 (internal control flow, never escapes main)
    """The output could not be written to :attr:`target` (a path, or standard output);
    :attr:`reason` says why in one line."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"{target}: {reason}")
        self.target = target
        self.reason = reason


def unencodable(error: UnicodeEncodeError) -> str:
    """Why *error* stopped a write, in one line: the character that could not be encoded."""
    character = error.object[error.start : error.end]
    return f"the text holds {character!a}, which {error.encoding} cannot encode"


@attrs.frozen(kw_only=True)
class Loaded:
    """A report loaded by a command.

    Attributes:
        report: The report.
        kind: What the input was: ``json`` (the interchange format), ``text``, ``html``,
            ``pdf`` or ``docx`` (also a ``.doc``, ``.wps`` or ``.odt`` converted to it).
        notes: The reading notes of a published report (none for the interchange format).
        tables_found: The tables (2, 3, 4) that were read: those of a published report whose
            labels the reader found; every one for the interchange format, which has them all.
        locations: Where each cell of a published report was printed
            (:attr:`~disclosure_report.reading.ReadResult.locations`); none for the
            interchange format.
    """

    report: Report
    kind: InputKind
    notes: tuple[ReadingNote, ...] = ()
    tables_found: tuple[int, ...] = tuple(TABLE_SECTIONS)
    locations: Mapping[CellAddress, Location] = attrs.field(factory=dict)

    @property
    def tables_missing(self) -> tuple[int, ...]:
        """The tables of the format that were not found (their cells are blank)."""
        return tuple(table for table in TABLE_SECTIONS if table not in self.tables_found)


def load(file: str) -> Loaded:
    """Load a report from *file* (``-`` for standard input), whatever its kind.

    Raises:
        ReadFailure: When the input cannot be read, is not a valid interchange report, or is a
            published report in which no table of the format was found.
    """
    data = read_input(file)
    suffix = None if file == "-" else Path(file).suffix.lower()
    kind = input_kind(data, suffix)
    if kind == "json":
        try:
            return Loaded(report=from_json(data), kind=kind)
        except InvalidReportError as error:
            raise ReadFailure([str(problem) for problem in error.problems]) from None
    from disclosure_report.reading import read

    # The reader is told only what a file's suffix says; the rest it tells itself, by the
    # content: a document (kind None) or HTML from text, and it refuses images, archives …
    told = _SUFFIXES.get(suffix or "") if kind is not None else None
    try:
        result = read(data, kind=told if told in ("text", "html") else None)
    except InvalidReportError as error:  # not a report; a damaged document; no lxml
        raise ReadFailure([str(problem) for problem in error.problems]) from None
    if not result.has_tables:
        raise ReadFailure(
            ["no table of the format (sections 二, 三, 四) was found", *map(str, result.notes)]
        )
    return Loaded(
        report=result.report,
        kind=result.kind,
        notes=result.notes,
        tables_found=result.tables_found,
        locations=result.locations,
    )


def read_input(file: str) -> bytes:
    """The bytes of *file* (``-``: standard input), at most :data:`MAX_INPUT_BYTES`.

    Raises:
        ReadFailure: When it cannot be read (missing, a folder, standard input closed …) or is
            larger than the limit.
    """
    try:
        if file == "-":
            stream = getattr(sys.stdin, "buffer", None)  # None: no standard input at all
            if stream is None or stream.closed:
                raise ReadFailure(["standard input is closed"])
            data: bytes = stream.read(MAX_INPUT_BYTES + 1)
        else:
            with Path(file).open("rb") as opened:
                data = opened.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise ReadFailure([error.strerror or str(error)]) from None
    except ValueError as error:  # a NUL in the path; a stream closed under us
        raise ReadFailure([str(error)]) from None
    if len(data) > MAX_INPUT_BYTES:
        raise ReadFailure(
            [
                f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB, the most that is read of one input"
            ]
        )
    return data


def load_report(file: str) -> Report:
    """Read a report from *file* (``-`` for standard input); see :func:`load`."""
    return load(file).report


def input_kind(data: bytes, suffix: str | None) -> Literal["json", "text", "html"] | None:
    """The kind of *data*: ``None`` for a document, told by its content (the reader tells
    which); else by a known file *suffix*, else a JSON object is the interchange format, else
    the reader tells HTML from text."""
    if is_document(data[:PDF_WINDOW]):
        return None
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if data.lstrip().startswith(JSON_START):
        return "json"
    from disclosure_report.reading import decode, detect_kind

    return detect_kind(decode(data[:8192]).text)
