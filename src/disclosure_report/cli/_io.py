"""Loading the command's input."""

from __future__ import annotations

import sys

from pathlib import Path
from typing import Final

from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import Report
from disclosure_report.serialize import from_json


EXIT_OK: Final = 0
EXIT_ERRORS: Final = 1
EXIT_UNREADABLE: Final = 2


class ReadFailure(Exception):  # noqa: N818 (internal control flow, never escapes main)
    """The input could not be read; :attr:`lines` say why."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def load_report(file: str) -> Report:
    """Read a report in the JSON interchange format from *file* (``-`` for standard input)."""
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as error:
        raise ReadFailure([error.strerror or str(error)]) from None
    try:
        return from_json(data)
    except InvalidReportError as error:
        raise ReadFailure([str(problem) for problem in error.problems]) from None
