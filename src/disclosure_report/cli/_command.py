"""What a subcommand of ``disclosure-report`` is, and the options several share."""

from __future__ import annotations

import argparse
import os

from collections.abc import Callable, Mapping
from typing import IO, Final

import attrs

from disclosure_report.model import FIRST_YEAR, LAST_YEAR


LANGUAGES = {"zh": "zh_Hans", "zh_Hans": "zh_Hans", "zh_Hant": "zh_Hant", "en": "en"}
"""The values of ``--lang``, and the catalog locale each selects."""

MAX_INDENT: Final = 16
"""The largest ``--indent``: any more is a typing error (``--indent 1000000000`` would write
a gigabyte of spaces per line)."""

FILES_HELP: Final = (
    "the JSON interchange format (.json), a published report as text (.txt, .md), HTML "
    "(.html, .htm), PDF, Word (.docx; .doc, .wps, .odt with LibreOffice) or Excel (.xlsx); "
    "'-': standard "
    "input, its kind told by its content; at most 64 MiB each"
)
"""What a ``FILE`` may be (64 MiB is :data:`~._io.MAX_INPUT_BYTES`)."""


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


EXIT_CODES: Final = (
    "2: an input could not be read, an output file not written, or a flag's value is wrong; "
    "130: interrupted (Ctrl-C), nothing half-written left; "
    "141: standard output was closed by its reader (| head)."
)
"""The exit codes that every command shares, for the end of its ``--help``."""


def add_file(parser: argparse.ArgumentParser) -> None:
    """The report to read: a path, or ``-`` for standard input."""
    parser.add_argument(
        "file",
        metavar="FILE",
        help=f"a report: {FILES_HELP}",
    )


def indent(text: str) -> int:
    """The value of ``--indent``: a whole number from 0 to :data:`MAX_INDENT`."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_INDENT:
        raise argparse.ArgumentTypeError(f"a whole number from 0 to {MAX_INDENT}: {text!r}")
    return value


def add_indent(parser: argparse.ArgumentParser) -> None:
    """``--indent N``: how nested JSON objects are indented."""
    parser.add_argument(
        "--indent",
        type=indent,
        default=2,
        metavar="N",
        help=f"indent nested objects by N spaces, 0 to {MAX_INDENT}; 0 for one line (default: 2)",
    )


def year(text: str) -> int:
    """The value of ``--year``: a year a report may have."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"a year from {FIRST_YEAR} to {LAST_YEAR}: {text!r}")
    return value


def name(text: str) -> str:
    """The value of a name (``--agency``): not blank, and text that UTF-8 can write (a command
    line's bytes that are not UTF-8 arrive as lone surrogates)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("a name, not blank")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(f"text in UTF-8: {text!a}") from None
    return text


def output(text: str) -> str:
    """The value of ``-o``: ``-`` (standard output) or a path, not empty."""
    if not text or "\0" in text:
        raise argparse.ArgumentTypeError(f"a file, or '-' for standard output: {text!r}")
    return text


def add_output(parser: argparse.ArgumentParser, what: str) -> None:
    """``-o OUT``: the file to write (written whole or not at all), ``-`` standard output."""
    parser.add_argument(
        "-o",
        "--output",
        type=output,
        default="-",
        metavar="OUT",
        help=f"where to write {what} (default: '-', stdout); a file is replaced only when "
        "the whole output was written",
    )


def add_lang(parser: argparse.ArgumentParser, *, default: str | None = None) -> None:
    """``--lang``: the language of labels and messages; by default *default*, or without one
    that of the locale (for messages read by a person; data and the official tables keep the
    official wording, ``zh``, whatever the terminal)."""
    if default is None:
        help_text = (
            "language of labels and messages (zh is the official wording; default: from "
            "the locale in LC_ALL, LC_MESSAGES or LANG: zh for a Chinese one, zh_Hant for "
            "Taiwan, Hong Kong, Macau or the traditional script, else en)"
        )
    else:
        help_text = f"language of labels (default: {default}, the official wording)"
    parser.add_argument("--lang", choices=sorted(LANGUAGES), default=default, help=help_text)


_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_TRADITIONAL = frozenset({"hant", "tw", "hk", "mo"})


def environment_lang(environ: Mapping[str, str] | None = None) -> str:
    """The ``--lang`` value that the locale of *environ* (default: :data:`os.environ`) selects.

    The locale of messages is the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set
    and not empty, as in POSIX. A Chinese one (``zh``, ``zh_CN.UTF-8``, ``zh-Hans-SG``) gives
    ``zh``; Chinese in the traditional script or of Taiwan, Hong Kong or Macau (``zh_TW``,
    ``zh_HK.Big5``, ``zh_Hant``) gives ``zh_Hant``; any other, ``C``/``POSIX`` or none, ``en``.
    """
    environ = os.environ if environ is None else environ
    value = next((environ[name] for name in _LOCALE_VARIABLES if environ.get(name)), "")
    language, *rest = value.partition(".")[0].partition("@")[0].replace("-", "_").split("_")
    if language.lower() != "zh":
        return "en"
    subtags = {tag.lower() for tag in rest}
    return "zh_Hant" if "hans" not in subtags and subtags & _TRADITIONAL else "zh"


def locale_of(args: argparse.Namespace) -> str:
    """The catalog locale that ``--lang`` selected, or the locale of the environment."""
    return LANGUAGES[args.lang or environment_lang()]
