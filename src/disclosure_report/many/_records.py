"""Every cell of many reports as flat records, and as CSV.

A record is one table cell of one report, with the report's body, year and format version, in
the columns of :data:`RECORD_FIELDS`. The cell's ``value``, ``mark``, ``unit`` and ``symbol``
are written exactly as ``disclosure-report cells`` writes them
(:func:`disclosure_report._tidy.cell_fields`), so both forms agree; labels are left out, since
they repeat for every report (join them from :func:`~disclosure_report.table_layout`).
"""

from __future__ import annotations

import csv
import os

from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import IO, Any, Final

from disclosure_report._tidy import cell_fields
from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model import (
    TABLE_SECTIONS,
    Report,
    Report2019,
    Report2021,
    table_layout,
)


__all__ = ["RECORD_FIELDS", "Row", "records", "rows", "write_csv"]

RECORD_FIELDS: Final = (
    "agency",
    "year",
    "format_version",
    "table",
    "row",
    "column",
    "value",
    "mark",
    "unit",
    "symbol",
)
"""The fields of a record, in order (the CSV header):

- ``agency``, ``year``, ``format_version``: the report's body, year and format version
  (``"2019"`` or ``"2021"``);
- ``table`` (2, 3 or 4), ``row``, ``column``: the cell's stable address
  (:class:`~disclosure_report.CellAddress`);
- ``value``: a count as an ``int``, money as an exact decimal string, ``None`` for a blank or
  not-applicable cell;
- ``mark``: ``"blank"`` or ``"not_applicable"`` where ``value`` is ``None``, else ``None``;
- ``unit``: ``"万元"`` or ``"元"`` for money as stated (``None`` when no unit was printed or
  defined, and for counts);
- ``symbol``: the not-applicable mark as printed (``/``, ``-``, ``—`` …), else ``None``.
"""

Row = tuple[str, int, str, int, str, str, int | str | None, str | None, str | None, str | None]
"""A record as a tuple, in the order of :data:`RECORD_FIELDS`."""


def _cells(report_class: type[Report]) -> tuple[attrgetter[Any], tuple[tuple[int, str, str], ...]]:
    specs = table_layout(report_class)
    paths = (f"{TABLE_SECTIONS[s.address.table]}.{s.address.row}.{s.address.column}" for s in specs)
    addresses = tuple((s.address.table, s.address.row, s.address.column) for s in specs)
    return attrgetter(*paths), addresses


_CELLS: Final = {cls: _cells(cls) for cls in (Report2019, Report2021)}


def rows(reports: Iterable[Report]) -> Iterator[Row]:
    """Every cell of every report as a tuple in the order of :data:`RECORD_FIELDS`.

    Reports come in the order given, each report's cells in the official printed order.

    Raises:
        InvalidReportError: When an item is not a report.
    """
    for index, report in enumerate(reports):
        cells = _CELLS.get(type(report))
        if cells is None:
            raise InvalidReportError(
                [Problem(f"[{index}]", "a Report2019 or a Report2021", type(report).__name__)]
            )
        getter, addresses = cells
        meta = report.metadata
        agency, year, version = meta.agency, meta.year, report.format_version
        for (table, row, column), value in zip(addresses, getter(report), strict=True):
            yield (agency, year, version, table, row, column, *cell_fields(value))


def records(reports: Iterable[Report]) -> Iterator[dict[str, Any]]:
    """Every cell of every report as a dict with the keys of :data:`RECORD_FIELDS`.

    Every key is present; ``None`` where a field does not apply. Order as :func:`rows`.

    Raises:
        InvalidReportError: When an item is not a report.
    """
    for row in rows(reports):
        yield dict(zip(RECORD_FIELDS, row, strict=True))


def write_csv(reports: Iterable[Report], file: str | os.PathLike[str] | IO[str]) -> int:
    """Write every cell of every report as CSV to *file* (a path, or a text stream).

    The header is :data:`RECORD_FIELDS`; ``None`` is written as an empty field, money as its
    exact decimal string. A path is written as UTF-8 with ``\\r\\n`` line ends (the CSV
    standard); the reports are read one at a time, so any number fits in memory.

    Returns:
        The number of records written (the header not counted).

    Raises:
        InvalidReportError: When an item is not a report.
    """
    if isinstance(file, (str, os.PathLike)):
        with open(file, "w", encoding="utf-8", newline="") as stream:  # noqa: PTH123
            return _write(reports, stream)
    return _write(reports, file)


def _write(reports: Iterable[Report], stream: IO[str]) -> int:
    writer = csv.writer(stream)
    writer.writerow(RECORD_FIELDS)
    count = 0
    batch: list[Row] = []
    for row in rows(reports):
        batch.append(row)
        if len(batch) >= _BATCH:
            writer.writerows(batch)
            count += len(batch)
            batch.clear()
    writer.writerows(batch)
    return count + len(batch)


_BATCH: Final = 10_000
