"""Every table cell of one or many reports as a flat record: the library's one tidy shape.

A record is one table cell of one report, with the report's body, year and format version, in
the fields of :data:`~disclosure_report.tidy.RECORD_FIELDS`, every field always present (``None`` where it does not
apply). ``disclosure-report cells`` prints these records as JSON Lines, ``disclosure-report
export`` writes them as CSV or Parquet; the fields and their meaning are stable.
"""

from __future__ import annotations

import csv
import functools
import os

from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import IO, Any, Final, TypeAlias

from disclosure_report.exceptions import InvalidReportError, Problem, UnknownFormatVersionError
from disclosure_report.i18n import translate
from disclosure_report.model import (
    BLANK,
    TABLE_SECTIONS,
    Amount,
    FormatVersion,
    NotApplicable,
    Report,
    Unit,
    version_of,
)


__all__ = ["RECORD_FIELDS", "Row", "cell_records", "records", "rows", "write_csv"]

RECORD_FIELDS: Final = (
    "agency",
    "year",
    "format_version",
    "table",
    "row",
    "column",
    "row_label",
    "column_label",
    "value",
    "mark",
    "unit",
    "symbol",
)
"""The fields of a record, in order (the CSV header):

- ``agency``, ``year``, ``format_version``: the report's body, year and format version;
- ``table`` (2, 3 or 4), ``row``, ``column``: the cell's stable address
  (:class:`~disclosure_report.CellAddress`);
- ``row_label``, ``column_label``: the labels of the cell's row and column in the locale asked
  for (the official wording in ``zh_Hans``), ``None`` when none was asked for;
- ``value``: a count as an ``int``, money as an exact decimal string, ``None`` for a blank or
  not-applicable cell;
- ``mark``: ``"blank"`` or ``"not_applicable"`` where ``value`` is ``None``, else ``None``;
- ``unit``: for money, ``"万元"`` or ``"元"`` as printed with the amount or, failing that, as the
  format defines it in the column header; ``None`` when neither, and for every other cell;
- ``symbol``: the not-applicable mark as printed (``/``, ``-``, ``—`` …), else ``None``.
"""

Row: TypeAlias = tuple[
    str,
    int,
    str,
    int,
    str,
    str,
    str | None,
    str | None,
    int | str | None,
    str | None,
    str | None,
    str | None,
]
"""A record as a tuple, in the order of :data:`~disclosure_report.tidy.RECORD_FIELDS`."""

_Cell: TypeAlias = tuple[int | str | None, str | None, str | None, str | None]


def _cell(value: object, defined_unit: Unit | None) -> _Cell:
    """A cell's ``value``, ``mark``, ``unit`` and ``symbol``: the one place that says how a cell
    value is written in the tidy form."""
    if type(value) is int:
        return value, None, None, None
    if type(value) is Amount:
        unit = value.unit or defined_unit
        return format(value.value, "f"), None, None if unit is None else unit.value, None
    if value is BLANK:
        return None, "blank", None, None
    if type(value) is NotApplicable:
        return None, "not_applicable", None, value.symbol
    raise InvalidReportError(
        [Problem("$", "a cell value: int, Amount, BLANK or NotApplicable", type(value).__name__)]
    )


_Plan: TypeAlias = tuple[
    Callable[[Any], tuple[object, ...]], tuple[tuple[int, str, str, Unit | None], ...]
]


@functools.cache
def _plan(version: FormatVersion) -> _Plan:
    """A getter of every cell of a report of *version*, and each cell's address and unit."""
    specs = version.table_layout()
    paths = (f"{TABLE_SECTIONS[s.address.table]}.{s.address.row}.{s.address.column}" for s in specs)
    cells = tuple((s.address.table, s.address.row, s.address.column, s.unit) for s in specs)
    return attrgetter(*paths), cells


@functools.cache
def _labels(
    version: FormatVersion, locale: str | None
) -> tuple[tuple[str | None, str | None], ...]:
    specs = version.table_layout()
    if locale is None:
        return ((None, None),) * len(specs)
    return tuple(
        (translate(spec.row_label, locale), translate(spec.column_label, locale)) for spec in specs
    )


def rows(reports: Iterable[Report], *, locale: str | None = None) -> Iterator[Row]:
    """Every cell of every report as a tuple in the order of :data:`~disclosure_report.tidy.RECORD_FIELDS`.

    Reports come in the order given, each report's cells in the official printed order. The
    labels are in *locale*, or ``None`` without one.

    Raises:
        InvalidReportError: When an item is not a report of a registered format version (its
            index is the problem's path).
        UnsupportedLocaleError: For a locale without a catalog.
    """
    for index, report in enumerate(reports):
        try:
            version = version_of(report)
        except UnknownFormatVersionError as error:
            raise error.prefixed(f"[{index}]") from None
        getter, cells = _plan(version)
        labels = _labels(version, locale)
        meta = report.metadata
        agency, year, version_id = meta.agency, meta.year, report.format_version
        for (table, row, column, unit), (row_label, column_label), value in zip(
            cells, labels, getter(report), strict=True
        ):
            yield (
                agency,
                year,
                version_id,
                table,
                row,
                column,
                row_label,
                column_label,
                *_cell(value, unit),
            )


def records(reports: Iterable[Report], *, locale: str | None = None) -> Iterator[dict[str, Any]]:
    """Every cell of every report as a dict with the keys of :data:`~disclosure_report.tidy.RECORD_FIELDS`.

    Every key is present; ``None`` where a field does not apply. Order as :func:`~disclosure_report.tidy.rows`.

    Raises:
        InvalidReportError: When an item is not a report of a registered format version.
        UnsupportedLocaleError: For a locale without a catalog.
    """
    for row in rows(reports, locale=locale):
        yield dict(zip(RECORD_FIELDS, row, strict=True))


def cell_records(report: Report, *, locale: str | None = "zh_Hans") -> Iterator[dict[str, Any]]:
    """Every table cell of one report as a record (:func:`~disclosure_report.tidy.records`), in the official printed
    order, labelled in *locale* (by default the official wording).

    Raises:
        InvalidReportError: When *report* is not a report of a registered format version.
        UnsupportedLocaleError: For a locale without a catalog.
    """
    return records((report,), locale=locale)


def write_csv(
    reports: Iterable[Report],
    file: str | os.PathLike[str] | IO[str],
    *,
    locale: str | None = None,
) -> int:
    """Write every cell of every report as CSV to *file* (a path, or a text stream).

    The header is :data:`~disclosure_report.tidy.RECORD_FIELDS`; ``None`` is written as an empty field, money as its
    exact decimal string, the labels only with a *locale*. A path is written as UTF-8 with
    ``\\r\\n`` line ends (the CSV standard); the reports are read one at a time, so any number
    fits in memory.

    Returns:
        The number of records written (the header not counted).

    Raises:
        InvalidReportError: When an item is not a report of a registered format version.
        UnsupportedLocaleError: For a locale without a catalog.
    """
    if isinstance(file, (str, os.PathLike)):
        with open(file, "w", encoding="utf-8", newline="") as stream:  # noqa: PTH123
            return _write(reports, stream, locale)
    return _write(reports, file, locale)


def _write(reports: Iterable[Report], stream: IO[str], locale: str | None) -> int:
    writer = csv.writer(stream)
    writer.writerow(RECORD_FIELDS)
    count = 0
    batch: list[Row] = []
    for row in rows(reports, locale=locale):
        batch.append(row)
        if len(batch) >= _BATCH:
            writer.writerows(batch)
            count += len(batch)
            batch.clear()
    writer.writerows(batch)
    return count + len(batch)


_BATCH: Final = 10_000
