"""The ``disclosure-report`` command.

Exit codes: 0 when no error finding was made, 1 when there was one, 2 when the input could not be
read (the problems and their paths go to standard error); ``--version`` prints the installed
version. Each subcommand is a
:class:`~disclosure_report.cli._command.Command` in a module of its own, listed in
:data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys

from collections.abc import Sequence

import disclosure_report

from disclosure_report.cli._cells import CELLS
from disclosure_report.cli._check import CHECK
from disclosure_report.cli._command import Command
from disclosure_report.cli._export import EXPORT
from disclosure_report.cli._io import EXIT_UNREADABLE, ReadFailure
from disclosure_report.cli._parse import PARSE
from disclosure_report.cli._render import RENDER
from disclosure_report.cli._schema import SCHEMA
from disclosure_report.cli._sum import SUM


__all__ = ["COMMANDS", "main"]

COMMANDS: dict[str, Command] = {
    "check": CHECK,
    "cells": CELLS,
    "parse": PARSE,
    "schema": SCHEMA,
    "sum": SUM,
    "export": EXPORT,
    "render": RENDER,
}
"""The subcommands, by name, in the order ``--help`` lists them."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="disclosure-report",
        description="Check annual reports on open government information "
        "(政府信息公开工作年度报告) against the national format.",
    )
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="print the installed version and exit"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.add_arguments(
            commands.add_parser(name, help=command.help, description=command.help)
        )
    return parser


class _Version(argparse.Action):
    """``--version``: the version is read from the installed metadata only when asked for, since
    importing :mod:`importlib.metadata` costs every other run about a sixth of its start-up."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        _namespace: argparse.Namespace,
        _values: object,
        _option_string: str | None = None,
    ) -> None:
        print(f"{parser.prog} {disclosure_report.__version__}")
        parser.exit()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on *argv* (default: ``sys.argv[1:]``); return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command].run(args, sys.stdout)
    except ReadFailure as failure:
        source = getattr(args, "file", "the input")
        print(f"disclosure-report: cannot read {source}:", file=sys.stderr)
        for line in failure.lines:
            print(f"  {line}", file=sys.stderr)
        return EXIT_UNREADABLE
