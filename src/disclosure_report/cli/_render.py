"""``disclosure-report render``: a report in the official layout, as Markdown, HTML or text."""

from __future__ import annotations

import argparse

from typing import IO

from disclosure_report.cli._command import (
    Command,
    add_file,
    add_lang,
    locale_of,
)
from disclosure_report.cli._io import EXIT_OK, load_report


OUTPUTS = ("md", "html", "text")


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    parser.add_argument(
        "--to",
        choices=OUTPUTS,  # = rendering.OUTPUTS (tested), without importing rendering
        required=True,
        help="output: md (Markdown), html (a standalone document) or text",
    )
    add_lang(parser, default="zh")


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.rendering import render

    report = load_report(args.file)
    out.write(render(report, to=args.to, locale=locale_of(args)))
    return EXIT_OK


RENDER = Command(
    "print a report in the official layout of its format version (Markdown, HTML or text)",
    _add_arguments,
    _run,
)
