"""``disclosure-report sum``: add up reports of one format version into one report."""

from __future__ import annotations

import argparse
import sys

from typing import IO, Final

from disclosure_report.cli._command import EXIT_CODES, Command, add_output, name, year
from disclosure_report.cli._io import EXIT_OK, EXIT_UNREADABLE
from disclosure_report.cli._many import add_files, load_reports
from disclosure_report.cli._notes import print_notes
from disclosure_report.cli._progress import progress
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.serialize import to_json


DEFAULT_AGENCY: Final = "合计"
"""The body named in a sum when ``--agency`` is not given ("total")."""


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_files(parser)
    add_output(parser, "the sum in the JSON interchange format")
    parser.add_argument(
        "--agency",
        type=name,
        default=DEFAULT_AGENCY,
        help=f"the compiling body, named in the sum's metadata (default: {DEFAULT_AGENCY})",
    )
    parser.add_argument(
        "--year",
        type=year,
        help="the sum's year (default: the year of the reports, when they share one)",
    )
    parser.epilog = f"Exit codes: 0: the sum was written; {EXIT_CODES}"


def _fail(lines: list[str]) -> int:
    print("disclosure-report: cannot add up the reports:", file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    return EXIT_UNREADABLE


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.many import sum_reports

    if args.output != "-":
        from disclosure_report.cli._output import check_output

        check_output(args.output)  # before the work, not after it
    loaded, unreadable = load_reports(args.files)
    for file, each in loaded:
        print_notes(each.notes, file)
    if unreadable:
        return EXIT_UNREADABLE
    reports = [each.report for _, each in loaded]
    year = args.year
    if year is None:
        years = sorted({report.metadata.year for report in reports})
        if len(years) != 1:
            return _fail([f"--year is needed: the reports are of {', '.join(map(str, years))}"])
        [year] = years
    try:
        total = sum_reports(
            progress(reports, total=len(reports), label="adding"),
            agency=args.agency,
            year=year,
        )
    except InvalidReportError as error:
        return _fail([str(problem) for problem in error.problems])
    text = to_json(total, indent=2) + "\n"
    if args.output == "-":
        out.write(text)
    else:
        from disclosure_report.cli._output import writing

        with writing(args.output) as stream:
            stream.write(text)
    return EXIT_OK


SUM = Command(
    "add up reports of one format version, cell by cell, into one report",
    _add_arguments,
    _run,
)
"""The ``sum`` subcommand."""
