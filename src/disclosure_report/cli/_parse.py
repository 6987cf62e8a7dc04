"""``disclosure-report parse``: a published report (text or HTML) in the interchange format."""

from __future__ import annotations

import argparse

from typing import IO

from disclosure_report.cli._command import Command, add_file, add_indent, add_output
from disclosure_report.cli._io import EXIT_OK, load
from disclosure_report.cli._notes import print_notes
from disclosure_report.serialize import to_json


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    add_indent(parser)
    add_output(parser, "the report")


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    loaded = load(args.file)
    print_notes(loaded.notes, args.file)
    text = to_json(loaded.report, indent=args.indent or None) + "\n"
    if args.output == "-":
        out.write(text)
    else:
        from disclosure_report.cli._output import writing

        with writing(args.output) as stream:
            stream.write(text)
    return EXIT_OK


PARSE = Command(
    "read a published report (text or HTML) and print it in the JSON interchange format; "
    "reading notes go to standard error",
    _add_arguments,
    _run,
)
