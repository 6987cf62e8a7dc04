"""``disclosure-report template``: the blank report of a format version, to fill in, as an Excel
workbook or a Word document."""

from __future__ import annotations

import argparse
import datetime as dt

from typing import IO

from disclosure_report.cli._command import (
    EXIT_CODES,
    Command,
    add_lang,
    add_output,
    locale_of,
    name,
    year,
)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--to",
        choices=("xlsx", "docx"),
        default="xlsx",
        help="xlsx (an Excel workbook: labels protected, values validated, the balance rules "
        "beside the tables; the default) or docx (the Word template)",
    )
    parser.add_argument(
        "--version",
        dest="format_version",
        choices=("2021", "2019"),
        default="2021",
        help="the format version (default: 2021, for reports of 2021 on)",
    )
    parser.add_argument("--agency", type=name, help="the reporting body, for the title")
    parser.add_argument(
        "--year",
        type=year,
        help="the report year, for the title (default: last year; 2020 for the 2019 format "
        "when last year is later)",
    )
    add_lang(parser, default="zh")
    add_output(parser, "the template (a file, or stdout when it is not a terminal)")
    parser.epilog = (
        "Fill the template in, then check it: disclosure-report check filled.xlsx. "
        f"Exit codes: 0: the template was written; {EXIT_CODES}"
    )


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.cli._render import write_binary
    from disclosure_report.model import Metadata, format_version
    from disclosure_report.rendering import render

    version = format_version(args.format_version)
    report_year = args.year
    if report_year is None:
        report_year = dt.datetime.now(dt.UTC).year - 1
        if version.last_year is not None:
            report_year = min(report_year, version.last_year)
    if args.output != "-":
        from disclosure_report.cli._output import check_output

        check_output(args.output)
    metadata = Metadata(agency=args.agency or "", year=report_year)
    blank = version.report_class.blank(metadata)
    return write_binary(render(blank, to=args.to, locale=locale_of(args)), args.output, out)


TEMPLATE = Command(
    "write the blank report of a format version to fill in: an Excel workbook or a Word document",
    _add_arguments,
    _run,
)
"""The ``template`` subcommand."""
