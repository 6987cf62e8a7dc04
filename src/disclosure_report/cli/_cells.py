"""``disclosure-report cells``: every table cell as JSON Lines."""

from __future__ import annotations

import argparse
import json

from typing import IO

from disclosure_report.cli._command import (
    Command,
    add_file,
    add_lang,
    locale_of,
)
from disclosure_report.cli._io import EXIT_OK, load
from disclosure_report.cli._notes import print_notes


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    add_lang(parser, default="zh")


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.tidy import cell_records

    loaded = load(args.file)
    print_notes(loaded.notes, args.file)
    for record in cell_records(loaded.report, locale=locale_of(args)):
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
    return EXIT_OK


CELLS = Command(
    "print every table cell as JSON Lines, in the official printed order",
    _add_arguments,
    _run,
)
