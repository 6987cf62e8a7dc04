"""Loading the command's input: a report in the interchange format, or a published report.

The kind of input is told by the file's suffix (``.json``; ``.txt``, ``.md``; ``.html``,
``.htm``), and for standard input or another suffix by its content: a JSON object is the
interchange format, anything else a published report for :func:`disclosure_report.reading.read`.
"""

from __future__ import annotations

import sys

from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import attrs

from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import Report
from disclosure_report.serialize import from_json


# The reader (and lxml) is imported only when a published report is read, so that checking a
# report in the interchange format starts quickly.
if TYPE_CHECKING:
    from disclosure_report.reading import ReadingNote


EXIT_OK: Final = 0
EXIT_ERRORS: Final = 1
EXIT_UNREADABLE: Final = 2

InputKind = Literal["json", "text", "html"]

_SUFFIXES: Final[dict[str, InputKind]] = {
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
_JSON_START: Final = (b"{", b"\xef\xbb\xbf{")


class ReadFailure(Exception):  # noqa: N818 (internal control flow, never escapes main)
    """The input could not be read; :attr:`lines` say why."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@attrs.frozen(kw_only=True)
class Loaded:
    """A report loaded by a command.

    Attributes:
        report: The report.
        kind: What the input was: ``json`` (the interchange format), ``text`` or ``html``.
        notes: The reading notes of a published report (none for the interchange format).
    """

    report: Report
    kind: InputKind
    notes: tuple[ReadingNote, ...] = ()


def load(file: str) -> Loaded:
    """Load a report from *file* (``-`` for standard input), whatever its kind.

    Raises:
        ReadFailure: When the input cannot be read, is not a valid interchange report, or is a
            published report in which no table of the format was found.
    """
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as error:
        raise ReadFailure([error.strerror or str(error)]) from None
    kind = input_kind(data, None if file == "-" else Path(file).suffix.lower())
    if kind == "json":
        try:
            return Loaded(report=from_json(data), kind=kind)
        except InvalidReportError as error:
            raise ReadFailure([str(problem) for problem in error.problems]) from None
    from disclosure_report.reading import read

    try:
        result = read(data, kind=kind)
    except InvalidReportError as error:  # HTML in an environment without lxml
        raise ReadFailure([str(problem) for problem in error.problems]) from None
    if not result.has_tables:
        raise ReadFailure(
            ["no table of the format (sections 二, 三, 四) was found", *map(str, result.notes)]
        )
    return Loaded(report=result.report, kind=kind, notes=result.notes)


def load_report(file: str) -> Report:
    """Read a report from *file* (``-`` for standard input); see :func:`load`."""
    return load(file).report


def input_kind(data: bytes, suffix: str | None) -> InputKind:
    """The kind of *data*: by a known file *suffix*, else a JSON object is the interchange
    format, else the reader tells HTML from text."""
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if data.lstrip().startswith(_JSON_START):
        return "json"
    from disclosure_report.reading import decode, detect_kind

    return detect_kind(decode(data[:8192]).text)
