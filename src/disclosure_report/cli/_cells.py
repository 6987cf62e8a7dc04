"""``disclosure-report cells``: every table cell as JSON Lines."""

from __future__ import annotations

import argparse
import json

from typing import IO, TYPE_CHECKING

from disclosure_report.cli._command import (
    Command,
    add_file,
    add_lang,
    locale_of,
)
from disclosure_report.cli._io import EXIT_OK, load
from disclosure_report.cli._notes import print_notes


if TYPE_CHECKING:
    from disclosure_report.reading import Location


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    add_lang(parser, default="zh")


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.tidy import cell_records

    loaded = load(args.file)
    print_notes(loaded.notes, args.file)
    sources = loaded.sources
    for record in cell_records(loaded.report, locale=locale_of(args)):
        if sources is not None:
            where = sources.get((record["table"], record["row"], record["column"]))
            record["source"] = None if where is None else _source(where)
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
    return EXIT_OK


def _source(where: Location) -> dict[str, object]:
    """Where a cell is printed, as JSON: the keys that are known of ``line``, ``table``, ``row``,
    ``column`` (HTML and Word tables), ``page`` and ``box`` (PDF)."""
    keys = ("line", "table", "row", "column", "page", "box")
    return {key: value for key in keys if (value := getattr(where, key)) is not None}


CELLS = Command(
    "print every table cell as JSON Lines, in the official printed order",
    _add_arguments,
    _run,
)
