"""``disclosure-report cells``: every table cell as JSON Lines; of a published report, each with
where it was printed (``source``)."""

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
from disclosure_report.model import CellAddress


if TYPE_CHECKING:
    from disclosure_report.reading import Location


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    add_lang(parser, default="zh")


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    from disclosure_report.tidy import cell_records

    loaded = load(args.file)
    print_notes(loaded.notes, args.file)
    locations = loaded.locations
    for record in cell_records(loaded.report, locale=locale_of(args)):
        if locations:
            address = CellAddress(record["table"], record["row"], record["column"])
            where = locations.get(address)
            out.write(
                json.dumps(
                    {**record, "source": None if where is None else source_of(where)},
                    ensure_ascii=False,
                )
            )
        else:
            out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
    return EXIT_OK


def source_of(where: Location) -> dict[str, object]:
    """Where a cell was printed, as JSON: its line, and the source table, row and column (HTML,
    Word), or the page and bounding box in points (PDF); only what the source has."""
    found: dict[str, object] = {}
    for name in ("page", "line", "table", "row", "column"):
        value = getattr(where, name)
        if value is not None:
            found[name] = value
    if where.box is not None:
        found["box"] = [round(edge, 1) for edge in where.box]
    return found


CELLS = Command(
    "print every table cell as JSON Lines, in the official printed order",
    _add_arguments,
    _run,
)
