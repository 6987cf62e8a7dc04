"""The layout of the three tables, derived from the model's classes.

:func:`table_layout` walks the attrs fields of a report class down to its cells and returns, for
every cell, its stable address, its kind and its labels, in the official printed order (table 二,
then 三, then 四, row by row). Rendering, reading, flattening and the CLI all use this one walk.
"""

from __future__ import annotations

import enum

from collections.abc import Iterator
from typing import Any, Final

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model._cells import (
    Unit,
    is_amount,
    is_count,
    is_signed_count,
)
from disclosure_report.model._fields import group_of, label_of, unit_of
from disclosure_report.model._labels import Label
from disclosure_report.model._report import Report
from disclosure_report.model._types import attrs_class


__all__ = [
    "TABLE_SECTIONS",
    "CellAddress",
    "CellKind",
    "CellSpec",
    "cell_kind",
    "cell_values",
    "table_layout",
    "version_id_of",
]

TABLE_SECTIONS: Final = {
    2: "active_disclosure",
    3: "applications",
    4: "reconsideration_and_litigation",
}
"""The report field that holds each table, by the number of its section (二, 三, 四)."""


class CellKind(enum.StrEnum):
    """What a cell may hold."""

    COUNT = "count"
    """A non-negative integer."""
    SIGNED_COUNT = "signed_count"
    """An integer that may be negative (the 2019 ``本年增/减``)."""
    AMOUNT = "amount"
    """Money, as an :class:`~disclosure_report.Amount`."""


_KINDS: Final[dict[Any, CellKind]] = {
    is_count: CellKind.COUNT,
    is_signed_count: CellKind.SIGNED_COUNT,
    is_amount: CellKind.AMOUNT,
}


@attrs.frozen(order=True)
class CellAddress:
    """The stable address of a table cell.

    Attributes:
        table: The section the table belongs to: 2, 3 or 4.
        row: The row's path inside the table (``outcomes.withheld.state_secret``).
        column: The column (``natural_persons``).
    """

    table: int
    row: str
    column: str

    @property
    def path(self) -> str:
        """The cell's JSON path in the interchange format (``$.applications.new_received.total``)."""
        return f"$.{TABLE_SECTIONS[self.table]}.{self.row}.{self.column}"

    def __str__(self) -> str:
        return f"{self.table}/{self.row}/{self.column}"


@attrs.frozen
class CellSpec:
    """Where a cell is and how it is labelled.

    Attributes:
        address: The cell's address.
        kind: What the cell may hold.
        row_label: The label of the cell's row.
        column_label: The label of the cell's column.
        row_groups: Labels of the groups that span the row, outermost first (``三、本年度办理结果``,
            ``（三）不予公开``; ``行政诉讼`` in table 4), and for table 2 the sub-table
            (``第二十条第（一）项``).
        column_group: The label of the header spanning the column, if any (``法人或其他组织``).
        unit: For a money cell, the unit that the format defines in the column header
            (``本年收费金额（单位：万元）``); ``None`` where the format defines none.
    """

    address: CellAddress
    kind: CellKind
    row_label: Label
    column_label: Label
    row_groups: tuple[Label, ...]
    column_group: Label | None
    unit: Unit | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Attribute names from the table object to the cell."""
        return (*self.address.row.split("."), self.address.column)


def cell_kind(field: attrs.Attribute[Any]) -> CellKind | None:
    """What the model field *field* holds when it is a table cell; ``None`` when it is not.

    A cell field is one declared with a cell validator
    (:func:`~disclosure_report.model.is_count` and its kin).
    """
    return _KINDS.get(field.validator)


def _is_row(cls: type) -> bool:
    return all(f.validator in _KINDS for f in attrs.fields(cls))


def _resolve(tp: Any, typevars: dict[Any, Any]) -> tuple[type, dict[Any, Any]]:
    """The attrs class of a part's field type, and the type variables it binds."""
    found = attrs_class(tp, typevars)
    if found is None:  # pragma: no cover (a guard on the model's shape)
        msg = f"not an attrs class: {tp!r}"
        raise TypeError(msg)
    return found


def _walk(
    cls: type,
    typevars: dict[Any, Any],
    table: int,
    path: tuple[str, ...],
    groups: tuple[Label, ...],
    *,
    version: str,
) -> Iterator[CellSpec]:
    if _is_row(cls):
        for field in attrs.fields(cls):
            yield CellSpec(
                address=CellAddress(table, ".".join(path), field.name),
                kind=_KINDS[field.validator],
                row_label=groups[-1],
                column_label=label_of(field, version),
                row_groups=groups[:-1],
                column_group=group_of(field),
                unit=unit_of(field),
            )
        return
    for field in attrs.fields(cls):
        sub, sub_vars = _resolve(field.type, typevars)
        spanning = group_of(field)
        outer = groups if spanning is None else (*groups, spanning)
        label = label_of(field, version)
        yield from _walk(
            sub, sub_vars, table, (*path, field.name), (*outer, label), version=version
        )


_LAYOUTS: dict[type, tuple[CellSpec, ...]] = {}


def version_id_of(report_class: type) -> str:
    """The id of the format version that *report_class* models: its ``format_version`` default.

    Raises:
        InvalidReportError: When *report_class* is not a report class (an attrs class whose
            ``format_version`` field has a string default).
    """
    field = (
        attrs.fields_dict(report_class).get("format_version") if attrs.has(report_class) else None
    )
    if field is None or type(field.default) is not str:
        raise InvalidReportError(
            [
                Problem(
                    "$",
                    "a report class with a format_version",
                    getattr(report_class, "__name__", repr(report_class)),
                )
            ]
        )
    return field.default


def table_layout(report_class: type[Report]) -> tuple[CellSpec, ...]:
    """Every cell of a report class's three tables, in the official printed order.

    Labels are those of the class's format version (a field may label itself differently in
    one version: see :func:`~disclosure_report.model.meta`).
    """
    cached = _LAYOUTS.get(report_class)
    if cached is not None:
        return cached
    version = version_id_of(report_class)
    fields = attrs.fields_dict(report_class)
    cells: list[CellSpec] = []
    for table, name in TABLE_SECTIONS.items():
        cls, typevars = _resolve(fields[name].type, {})
        cells.extend(_walk(cls, typevars, table, (), (), version=version))
    layout = _LAYOUTS[report_class] = tuple(cells)
    return layout


def cell_values(report: Report) -> Iterator[tuple[CellSpec, object]]:
    """Every table cell of *report* with its value, in the official printed order."""
    for spec in table_layout(type(report)):
        value: object = getattr(report, TABLE_SECTIONS[spec.address.table])
        for name in spec.names:
            value = getattr(value, name)
        yield spec, value
