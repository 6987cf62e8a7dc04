"""``disclosure-report export``: every cell of many reports as CSV or Parquet."""

from __future__ import annotations

import argparse
import sys

from typing import IO

from disclosure_report.cli._command import Command
from disclosure_report.cli._io import EXIT_OK, EXIT_UNREADABLE
from disclosure_report.cli._many import add_files, load_reports
from disclosure_report.cli._progress import progress


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_files(parser)
    parser.add_argument(
        "--to",
        choices=("csv", "parquet"),
        default="csv",
        help="csv (default), or parquet (needs the 'analysis' extra: pandas, pyarrow)",
    )
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="OUT",
        help="the file to write (default: '-', stdout; csv only)",
    )


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.many import write_csv, write_parquet

    if args.to == "parquet":
        if args.output == "-":
            print("disclosure-report: parquet needs a file: -o OUT", file=sys.stderr)
            return EXIT_UNREADABLE
        import importlib.util  # Only here: not a cost of every run of the command line.

        if importlib.util.find_spec("pyarrow") is None:
            print(
                'disclosure-report: parquet needs pyarrow: pip install "disclosure-report[analysis]"',
                file=sys.stderr,
            )
            return EXIT_UNREADABLE
    loaded, unreadable = load_reports(args.files)
    if unreadable:
        return EXIT_UNREADABLE
    reports = progress((each.report for _, each in loaded), total=len(loaded), label="exporting")
    if args.to == "parquet":
        write_parquet(reports, args.output)
    elif args.output == "-":
        write_csv(reports, out)
    else:
        write_csv(reports, args.output)
    return EXIT_OK


EXPORT = Command(
    "write every table cell of many reports as tidy records: CSV or Parquet",
    _add_arguments,
    _run,
)
"""The ``export`` subcommand."""
