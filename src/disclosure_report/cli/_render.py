"""``disclosure-report render``: a report in the official layout: Markdown, HTML, text, Word or
Excel."""

from __future__ import annotations

import argparse
import sys

from typing import IO

from disclosure_report.cli._command import (
    Command,
    add_file,
    add_lang,
    add_output,
    locale_of,
)
from disclosure_report.cli._io import EXIT_OK, EXIT_UNREADABLE, load_report


OUTPUTS = ("md", "html", "text")
BINARY_OUTPUTS = ("docx", "xlsx")
# = rendering.OUTPUTS and BINARY_OUTPUTS (tested), without importing rendering


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    parser.add_argument(
        "--to",
        choices=(*OUTPUTS, *BINARY_OUTPUTS),
        required=True,
        help="output: md (Markdown), html (a standalone document), text, docx (a Word "
        "document) or xlsx (an Excel workbook to fill in); docx and xlsx need -o OUT or a "
        "standard output that is not a terminal",
    )
    add_lang(parser, default="zh")
    add_output(parser, "the output")


def write_binary(data: bytes, output: str, out: IO[str]) -> int:
    """Write the bytes of a file to *output* (``-``: standard output, never a terminal) whole
    or not at all; the exit code."""
    if output != "-":
        from pathlib import Path

        from disclosure_report.cli._output import replacing

        with replacing(output) as temporary:
            Path(temporary).write_bytes(data)
        return EXIT_OK
    if out.isatty():
        print(
            "disclosure-report: a Word or Excel file is not for a terminal: -o OUT, or redirect "
            "standard output to a file",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a stream of text only (a test's capture): the bytes cannot go there
        print("disclosure-report: standard output takes no bytes: -o OUT", file=sys.stderr)
        return EXIT_UNREADABLE
    buffer.write(data)
    buffer.flush()
    return EXIT_OK


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.rendering import render

    binary = args.to in BINARY_OUTPUTS
    if binary and args.output == "-" and out.isatty():
        return write_binary(b"", "-", out)  # refused before any work
    if args.output != "-":
        from disclosure_report.cli._output import check_output

        check_output(args.output)  # before the work, not after it
    report = load_report(args.file)
    result = render(report, to=args.to, locale=locale_of(args))
    if isinstance(result, bytes):
        return write_binary(result, args.output, out)
    if args.output == "-":
        out.write(result)
        return EXIT_OK
    from disclosure_report.cli._output import writing

    with writing(args.output) as file:
        file.write(result)
    return EXIT_OK


RENDER = Command(
    "print a report in the official layout of its format version (Markdown, HTML, text, Word "
    "or Excel)",
    _add_arguments,
    _run,
)
