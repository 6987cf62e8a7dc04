"""Every table cell of a report as a flat record: the library's tidy form.

``disclosure-report cells`` prints these records as JSON Lines, and other tools consume them; the
keys and their meaning are stable (see ``docs/cli.md``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from disclosure_report.i18n import translate
from disclosure_report.model import (
    BLANK,
    Amount,
    NotApplicable,
    Report,
    cell_values,
)


__all__ = ["cell_records"]


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
        if type(value) is int:
            record["value"] = value
        elif type(value) is Amount:
            record["value"] = format(value.value, "f")
            record["unit"] = None if value.unit is None else value.unit.value
        elif value is BLANK:
            record["value"] = None
            record["mark"] = "blank"
        elif type(value) is NotApplicable:
            record["value"] = None
            record["mark"] = "not_applicable"
            record["symbol"] = value.symbol
        yield record
