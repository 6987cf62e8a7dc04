"""The ``disclosure-report`` command: check a report, list its cells.

Exit codes: 0 when no error finding was made, 1 when there was one, 2 when the input could not be
read (the problems and their paths go to standard error).
"""

from __future__ import annotations

import argparse
import sys

from collections.abc import Sequence

from disclosure_report.cli._commands import COMMANDS
from disclosure_report.cli._io import EXIT_UNREADABLE, ReadFailure


__all__ = ["main"]

LANGUAGES = {"zh": "zh_Hans", "zh_Hans": "zh_Hans", "zh_Hant": "zh_Hant", "en": "en"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="disclosure-report",
        description="Check annual reports on open government information "
        "(政府信息公开工作年度报告) against the national format.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = commands.add_parser(name, help=command.help, description=command.help)
        sub.add_argument("file", metavar="FILE", help="a report in the JSON interchange format")
        sub.add_argument(
            "--lang",
            choices=sorted(LANGUAGES),
            default="zh",
            help="language of labels and messages (default: zh, the official wording)",
        )
        if command.has_format:
            sub.add_argument(
                "--format",
                choices=("text", "json"),
                default="text",
                help="output format (default: text)",
            )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    command = COMMANDS[args.command]
    locale = LANGUAGES[args.lang]
    try:
        return command.run(args.file, locale, getattr(args, "format", "text"), sys.stdout)
    except ReadFailure as failure:
        print(f"disclosure-report: cannot read {args.file}:", file=sys.stderr)
        for line in failure.lines:
            print(f"  {line}", file=sys.stderr)
        return EXIT_UNREADABLE
