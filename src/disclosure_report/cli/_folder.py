"""``disclosure-report check PATH… --summary OUT``: a folder of reports checked in parallel,
summarized in a file (see :func:`disclosure_report.batch.check_files`)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys

from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final, TypeVar

from disclosure_report.cli._io import (
    EXIT_ERRORS,
    EXIT_INCOMPLETE,
    EXIT_OK,
    EXIT_UNREADABLE,
    WriteFailure,
)
from disclosure_report.cli._output import check_output
from disclosure_report.cli._progress import progress
from disclosure_report.i18n import translate
from disclosure_report.model import NC_


if TYPE_CHECKING:
    from disclosure_report.batch import FolderSummary


__all__ = ["MAX_JOBS", "run_summary"]

T = TypeVar("T")

MAX_JOBS: Final = 1024
"""The most worker processes ``--jobs`` takes."""

_DONE = NC_("cli.summary.done", "Checked {files} files: {statuses}")
_REUSED = NC_("cli.summary.reused", "{count} of them done by an earlier run (--resume)")
_FINDINGS = NC_("cli.summary.findings", "{errors} errors, {warnings} warnings")
_WRITTEN = NC_("cli.summary.written", "Summary written to {files}")
_SEPARATOR = NC_("cli.summary.separator", ", ")
_UNCHECKED = NC_(
    "cli.summary.unchecked",
    "{count} bodies have two different reports for one year: their reports were not checked "
    "across years (see the reading notes)",
)
_INTERRUPTED = NC_(
    "cli.summary.interrupted",
    "Interrupted: every file finished is kept in {state}; run the same command with --resume "
    "to go on",
)


def _bar(items: Iterator[T], total: int) -> Iterator[T]:
    return progress(items, total=total, label="checking")


def _write_json(result: FolderSummary, out: IO[str]) -> None:
    json.dump(
        {
            "files": result.files,
            "statuses": result.statuses,
            "errors": result.errors,
            "warnings": result.warnings,
            "series_not_checked": result.series_unchecked,
            "reused": result.reused,
            "outputs": [str(path) for path in result.outputs],
        },
        out,
        ensure_ascii=False,
        indent=2,
    )
    out.write("\n")


def _write_text(result: FolderSummary, locale: str, out: IO[str]) -> None:
    from disclosure_report.batch import STATUS_LABELS

    separator = translate(_SEPARATOR, locale)
    statuses = separator.join(
        f"{translate(STATUS_LABELS[status], locale)} {count}"
        for status, count in result.statuses.items()
    )
    out.write(translate(_DONE, locale).format(files=result.files, statuses=statuses) + "\n")
    if result.reused:
        out.write(translate(_REUSED, locale).format(count=result.reused) + "\n")
    out.write(
        translate(_FINDINGS, locale).format(errors=result.errors, warnings=result.warnings) + "\n"
    )
    if result.series_unchecked:
        out.write(translate(_UNCHECKED, locale).format(count=result.series_unchecked) + "\n")
    written = separator.join(str(path) for path in result.outputs)
    out.write(translate(_WRITTEN, locale).format(files=written) + "\n")


def _files(args: argparse.Namespace, summary: Path) -> list[str] | None:
    """The files to check, the summary's own left out; ``None`` after saying why there are
    none, or why *summary* cannot be written.

    Raises:
        WriteFailure: When a file of the summary cannot be written.
    """
    from disclosure_report.batch import state_path, summary_paths, validate_summary, walk

    try:
        validate_summary(summary)
    except (ValueError, ImportError) as error:
        print(f"disclosure-report: --summary {args.summary}: {error}", file=sys.stderr)
        return None
    own = (*summary_paths(summary), state_path(summary))
    for target in own:
        check_output(str(target))
    if "-" in args.files:
        print("disclosure-report: --summary reads files, not standard input", file=sys.stderr)
        return None
    files = list(walk(args.files, exclude=own))
    if not files:
        print("disclosure-report: no file to check in " + ", ".join(args.files), file=sys.stderr)
        return None
    return files


def run_summary(args: argparse.Namespace, locale: str, out: IO[str]) -> int:
    """Check every file of ``args.files`` (folders walked) and write ``--summary``."""
    from disclosure_report.batch import check_files, state_path

    summary = Path(args.summary)
    files = _files(args, summary)
    if files is None:
        return EXIT_UNREADABLE
    state = state_path(summary)
    try:
        result = check_files(
            files,
            summary,
            jobs=args.jobs,
            resume=args.resume,
            locale=locale,
            progress=_bar,
        )
    except KeyboardInterrupt:
        print(translate(_INTERRUPTED, locale).format(state=state), file=sys.stderr)
        raise
    except sqlite3.DatabaseError as error:
        raise WriteFailure(str(state), f"not a state file of this command ({error})") from None
    except OSError as error:
        raise WriteFailure(args.summary, error.strerror or str(error)) from None
    if args.format == "json":
        _write_json(result, out)
    else:
        _write_text(result, locale, out)
    if result.statuses["not_a_report"] or result.series_unchecked:
        return EXIT_UNREADABLE
    if result.errors:
        return EXIT_ERRORS
    return EXIT_INCOMPLETE if result.statuses["not_fully_read"] else EXIT_OK
