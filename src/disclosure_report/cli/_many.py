"""Reading the several files that ``check``, ``sum`` and ``export`` take."""

from __future__ import annotations

import argparse
import sys

from collections.abc import Sequence

from disclosure_report.cli._command import FILES_HELP
from disclosure_report.cli._io import Loaded, ReadFailure, load
from disclosure_report.cli._progress import progress


__all__ = ["add_files", "load_reports", "print_failure", "print_reading"]


def add_files(parser: argparse.ArgumentParser) -> None:
    """One or more reports: paths, or ``-`` for standard input (once)."""
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help=f"reports: {FILES_HELP}",
    )


def print_failure(file: str, failure: ReadFailure) -> None:
    """Say on standard error why *file* could not be read, as for a single file."""
    print(f"disclosure-report: cannot read {file}:", file=sys.stderr)
    for line in failure.lines:
        print(f"  {line}", file=sys.stderr)


def print_reading(loaded: Sequence[tuple[str, Loaded]]) -> None:
    """Say on standard error how many files were read, and which had reading notes."""
    noted = [(file, each) for file, each in loaded if each.notes]
    files = "file" if len(loaded) == 1 else "files"
    if noted:
        names = ", ".join(file for file, _ in noted)
        print(
            f"disclosure-report: read {len(loaded)} {files}, {len(noted)} with reading notes "
            f"(see them with 'disclosure-report parse FILE'): {names}",
            file=sys.stderr,
        )
    else:
        print(
            f"disclosure-report: read {len(loaded)} {files}, none with reading notes",
            file=sys.stderr,
        )


def load_reports(files: Sequence[str]) -> tuple[list[tuple[str, Loaded]], bool]:
    """Read every file; what was read, with its file, and whether any file could not be read.

    The problems of each unreadable file go to standard error, as for a single file.
    """
    loaded = []
    failed = False
    for file in progress(files, total=len(files), label="reading"):
        try:
            loaded.append((file, load(file)))
        except ReadFailure as failure:
            print_failure(file, failure)
            failed = True
    return loaded, failed
