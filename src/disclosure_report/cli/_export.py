"""``disclosure-report export``: every cell of many reports as CSV or Parquet."""

from __future__ import annotations

import argparse
import sys

from typing import IO

from disclosure_report.cli._command import EXIT_CODES, Command, add_output
from disclosure_report.cli._io import EXIT_OK, EXIT_UNREADABLE
from disclosure_report.cli._many import add_files, load_reports, print_reading
from disclosure_report.cli._progress import progress


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_files(parser)
    parser.add_argument(
        "--to",
        choices=("csv", "parquet"),
        default="csv",
        help="csv (default), or parquet (needs the 'analysis' extra: pandas, pyarrow)",
    )
    add_output(parser, "the records (stdout: csv only)")
    parser.epilog = (
        "Standard error says how many files were read and which had reading notes. "
        f"Exit codes: 0: the records were written; {EXIT_CODES}"
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
    if args.output != "-":
        from disclosure_report.cli._output import check_output

        check_output(args.output)  # before the work, not after it
    loaded, unreadable = load_reports(args.files)
    print_reading(loaded)
    if unreadable:
        return EXIT_UNREADABLE
    reports = progress((each.report for _, each in loaded), total=len(loaded), label="exporting")
    if args.output == "-":
        write_csv(reports, out)
        return EXIT_OK
    from disclosure_report.cli._output import replacing, writing

    if args.to == "parquet":
        with replacing(args.output) as temporary:
            write_parquet(reports, temporary)
    else:
        with writing(args.output) as file:
            write_csv(reports, file)
    return EXIT_OK


EXPORT = Command(
    "write every table cell of many reports as tidy records: CSV or Parquet",
    _add_arguments,
    _run,
)
"""The ``export`` subcommand."""
