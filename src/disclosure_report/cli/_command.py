"""What a subcommand of ``disclosure-report`` is, and the options several share."""

from __future__ import annotations

import argparse

from collections.abc import Callable
from typing import IO

import attrs


LANGUAGES = {"zh": "zh_Hans", "zh_Hans": "zh_Hans", "zh_Hant": "zh_Hant", "en": "en"}
"""The values of ``--lang``, and the catalog locale each selects."""


@attrs.frozen
class Command:
    """A subcommand.

    Attributes:
        help: One line saying what it does.
        add_arguments: Declares its arguments on its parser.
        run: Runs it on the parsed arguments, writing to the stream; returns the exit code.
    """

    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, IO[str]], int]


def add_file(parser: argparse.ArgumentParser) -> None:
    """The report to read: a path, or ``-`` for standard input."""
    parser.add_argument(
        "file",
        metavar="FILE",
        help="a report: the JSON interchange format (.json), a published report as text "
        "(.txt, .md) or HTML (.html, .htm); '-': standard input, its kind told by its content",
    )


def add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang``: the language of labels and messages."""
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default="zh",
        help="language of labels and messages (default: zh, the official wording)",
    )


def locale_of(args: argparse.Namespace) -> str:
    """The catalog locale that ``--lang`` selected."""
    return LANGUAGES[args.lang]
