"""The ``disclosure-report`` command.

Exit codes: 0 when no error finding was made, 1 when there was one, 2 when the input could not be
read (the problems and their paths go to standard error), or an output file not written, or a
flag's value is wrong; 3 when ``check`` found no error but a published report lacked a table of
its format; 130 on Ctrl-C and 141 when standard output was closed by its reader (``| head``),
both quietly; ``--version`` prints the installed version. Each subcommand is a
:class:`~disclosure_report.cli._command.Command` in a module of its own, listed in
:data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import os
import sys

from collections.abc import Sequence

import disclosure_report

from disclosure_report.cli._cells import CELLS
from disclosure_report.cli._check import CHECK
from disclosure_report.cli._command import Command
from disclosure_report.cli._export import EXPORT
from disclosure_report.cli._io import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_UNREADABLE,
    ReadFailure,
    WriteFailure,
    unencodable,
)
from disclosure_report.cli._parse import PARSE
from disclosure_report.cli._render import RENDER
from disclosure_report.cli._rules import RULES
from disclosure_report.cli._schema import SCHEMA
from disclosure_report.cli._sum import SUM
from disclosure_report.cli._template import TEMPLATE


__all__ = ["COMMANDS", "main"]

COMMANDS: dict[str, Command] = {
    "check": CHECK,
    "cells": CELLS,
    "parse": PARSE,
    "schema": SCHEMA,
    "sum": SUM,
    "export": EXPORT,
    "render": RENDER,
    "template": TEMPLATE,
    "rules": RULES,
}
"""The subcommands, by name, in the order ``--help`` lists them."""


def _parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of the command line; given the *argv* to parse, only what parsing it needs.

    That is the arguments of the subcommand that *argv* names, and when *argv* starts with that
    name (as it does but for ``-h`` and ``--version``), its parser only: the main parser then
    hands every argument on to it, and no other subcommand is listed, in help or in an error.
    Each parser costs a run some 0.3 ms (argparse looks up its own catalogs for each).
    """
    chosen = None if argv is None else next((a for a in argv if not a.startswith("-")), None)
    only = chosen if argv and argv[0] == chosen and chosen in COMMANDS else None
    parser = argparse.ArgumentParser(
        prog="disclosure-report",
        description="Check annual reports on open government information "
        "(政府信息公开工作年度报告) against the national format.",
        formatter_class=_formatter,
    )
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="print the installed version and exit"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        if only is not None and name != only:
            continue
        subparser = commands.add_parser(
            name, help=command.help, description=command.help, formatter_class=_formatter
        )
        if argv is None or name == chosen:
            command.add_arguments(subparser)
    return parser


def _formatter(prog: str) -> argparse.HelpFormatter:
    """:class:`argparse.HelpFormatter` as argparse makes it, without importing :mod:`shutil`.

    argparse makes a formatter for every argument added (to check its metavar), and the default
    one asks :func:`shutil.get_terminal_size` for the width; importing :mod:`shutil` (and the
    compression modules it imports) cost every run about 3 ms.
    """
    return argparse.HelpFormatter(prog, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    """The columns of :func:`shutil.get_terminal_size`: ``$COLUMNS`` when a positive number, else
    the width of the terminal of standard output, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:  # No standard output (None): AttributeError, as in shutil.
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or _FALLBACK_COLUMNS


_FALLBACK_COLUMNS = 80


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
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(argv).parse_args(argv)
    try:
        code = COMMANDS[args.command].run(args, sys.stdout)
        sys.stdout.flush()  # a reader gone shows here, not at exit
    except ReadFailure as failure:
        source = getattr(args, "file", "the input")
        print(f"disclosure-report: cannot read {source}:", file=sys.stderr)
        for line in failure.lines:
            print(f"  {line}", file=sys.stderr)
        return EXIT_UNREADABLE
    except WriteFailure as failure:
        print(
            f"disclosure-report: cannot write {failure.target}: {failure.reason}", file=sys.stderr
        )
        return EXIT_UNREADABLE
    except UnicodeEncodeError as error:  # standard output; an -o file is a WriteFailure
        print(f"disclosure-report: cannot write the output: {unencodable(error)}", file=sys.stderr)
        return EXIT_UNREADABLE
    except BrokenPipeError:
        _discard_output()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return code


def _discard_output() -> None:
    """Point standard output at the null device, so that flushing what is left of it at exit
    does not fail again on the closed pipe (and print to standard error)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (AttributeError, ValueError, OSError):  # no real standard output (a test's capture)
        pass
