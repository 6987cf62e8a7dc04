"""``disclosure-report parse``: a published report (text or HTML) in the interchange format."""

from __future__ import annotations

import argparse

from typing import IO

from disclosure_report.cli._command import Command, add_file
from disclosure_report.cli._io import EXIT_OK, load
from disclosure_report.cli._notes import print_notes
from disclosure_report.serialize import to_json


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    parser.add_argument(
        "--indent",
        type=int,
        default=2,
        metavar="N",
        help="indent nested objects by N spaces; 0 for one line (default: 2)",
    )


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    loaded = load(args.file)
    print_notes(loaded.notes, args.file)
    out.write(to_json(loaded.report, indent=args.indent or None))
    out.write("\n")
    return EXIT_OK


PARSE = Command(
    "read a published report (text or HTML) and print it in the JSON interchange format; "
    "reading notes go to standard error",
    _add_arguments,
    _run,
)
