"""What a subcommand of ``disclosure-report`` is, and the options several share."""

from __future__ import annotations

import argparse
import os

from collections.abc import Callable, Mapping
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
