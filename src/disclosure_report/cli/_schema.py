"""``disclosure-report schema``: the JSON Schema of the interchange format."""

from __future__ import annotations

import argparse
import json

from typing import IO

from disclosure_report.cli._command import Command, add_indent
from disclosure_report.cli._io import EXIT_OK
from disclosure_report.model import format_versions


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    # The parser is built on each run, so a version registered before it is one of the choices.
    parser.add_argument(
        "--format-version",
        choices=[version.id for version in format_versions()],
        default=None,
        help="only reports of this format version (default: every one)",
    )
    add_indent(parser)


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.schema import json_schema

    indent: int | None = args.indent if args.indent > 0 else None
    json.dump(json_schema(args.format_version), out, ensure_ascii=False, indent=indent)
    out.write("\n")
    return EXIT_OK


SCHEMA = Command(
    "print the JSON Schema (draft 2020-12) of the interchange format",
    _add_arguments,
    _run,
)
