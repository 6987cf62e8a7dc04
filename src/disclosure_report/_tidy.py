"""Every table cell of a report as a flat record: the library's tidy form.

``disclosure-report cells`` prints these records as JSON Lines, and other tools consume them; the
keys and their meaning are stable (see ``docs/cli.md``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeAlias

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.i18n import translate
from disclosure_report.model import (
    BLANK,
    Amount,
    NotApplicable,
    Report,
    Unit,
    cell_values,
)


__all__ = ["CellFields", "cell_fields", "cell_records"]


def cell_records(report: Report, *, locale: str = "zh_Hans") -> Iterator[dict[str, Any]]:
    """Yield one record per table cell of *report*, in the official printed order.

    Each record has ``table`` (2, 3 or 4), ``row`` and ``column`` (stable codes, see
    :class:`~disclosure_report.CellAddress`), ``row_label`` and ``column_label`` (in *locale*; the
    official wording in ``zh_Hans``), ``value`` (an ``int``, a decimal string for money, or
    ``None``), ``unit`` for money cells (``"万元"``, ``"元"`` or ``None`` when neither printed nor
    defined) and, where ``value`` is ``None``, ``mark``: ``"blank"`` or ``"not_applicable"``
    (then ``symbol`` holds the mark as printed).

    Raises:
        UnsupportedLocaleError: For a locale without a catalog.
    """
    for spec, value in cell_values(report):
        record: dict[str, Any] = {
            "table": spec.address.table,
            "row": spec.address.row,
            "column": spec.address.column,
            "row_label": translate(spec.row_label, locale),
            "column_label": translate(spec.column_label, locale),
        }
        encoded, mark, unit, symbol = cell_fields(value, defined_unit=spec.unit)
        record["value"] = encoded
        if type(value) is Amount:
            record["unit"] = unit
        if mark is not None:
            record["mark"] = mark
        if symbol is not None:
            record["symbol"] = symbol
        yield record


CellFields: TypeAlias = tuple[int | str | None, str | None, str | None, str | None]
"""A cell's ``value``, ``mark``, ``unit`` and ``symbol``, as its record holds them."""


def cell_fields(value: object, *, defined_unit: Unit | None = None) -> CellFields:
    """The ``value``, ``mark``, ``unit`` and ``symbol`` of a cell's record (``None`` if absent).

    A money cell's unit is the one printed with the amount, else *defined_unit*: the unit that
    the format prints in the column header (:attr:`~disclosure_report.CellSpec.unit`).

    The one place that says how a cell value is written in the tidy form: a count as an
    ``int``; money as a decimal string (``format(amount, "f")``, exact) with its unit; a blank
    cell as mark ``"blank"``; a cell marked not applicable as mark ``"not_applicable"`` with the
    mark as printed in ``symbol``.
    """
    if type(value) is int:
        return value, None, None, None
    if type(value) is Amount:
        return format(value.value, "f"), None, _unit(value.unit or defined_unit), None
    if value is BLANK:
        return None, "blank", None, None
    if type(value) is NotApplicable:
        return None, "not_applicable", None, value.symbol
    raise InvalidReportError(
        [Problem("$", "a cell value: int, Amount, BLANK or NotApplicable", type(value).__name__)]
    )


def _unit(unit: Unit | None) -> str | None:
    return None if unit is None else unit.value
