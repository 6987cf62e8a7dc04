"""Editing reports: a blank report to fill in, and one cell set by its address.

Both work from the fields of the report class (the one walk of :mod:`._layout`), so they work
for the report class of every registered format version, and every value goes through the
model's own validators: a report made here is as valid as one built by hand.
"""

from __future__ import annotations

from typing import Any, TypeVar, overload

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model._cells import BLANK
from disclosure_report.model._layout import (
    TABLE_SECTIONS,
    CellAddress,
    cell_kind,
    table_layout,
    version_id_of,
)
from disclosure_report.model._metadata import Metadata
from disclosure_report.model._report import Report
from disclosure_report.model._types import attrs_class, substitute
from disclosure_report.model._versions import FormatVersion, format_version


__all__ = ["blank_report", "replace_cell"]

_R = TypeVar("_R")
_SECTION_TABLES = {section: table for table, section in TABLE_SECTIONS.items()}


@overload
def blank_report(version: type[_R], metadata: Metadata) -> _R: ...
@overload
def blank_report(version: str | FormatVersion, metadata: Metadata) -> Report: ...
def blank_report(version: str | FormatVersion | type[Any], metadata: Metadata) -> Any:
    """A report to fill in: every table cell :data:`~disclosure_report.BLANK`, every narrative
    section empty, and *metadata*.

    Args:
        version: The format version: its id (``"2021"``), its
            :class:`~disclosure_report.FormatVersion` or its report class.
        metadata: The report's metadata.

    Raises:
        UnknownFormatVersionError: When *version* is an id that is not registered.
        InvalidReportError: When *version* is not a report class, or *metadata* not a
            :class:`~disclosure_report.Metadata`.
    """
    if isinstance(version, str):
        version = format_version(version)
    report_class = version.report_class if isinstance(version, FormatVersion) else version
    version_id_of(report_class)  # a report class, or the library's error
    return report_class(metadata=metadata, **_blank_parts(report_class))


_BLANK_PARTS: dict[type, dict[str, Any]] = {}


def _blank_parts(report_class: type) -> dict[str, Any]:
    """The blank parts of *report_class* other than its metadata (immutable, so shared)."""
    parts = _BLANK_PARTS.get(report_class)
    if parts is None:
        parts = _BLANK_PARTS[report_class] = _blank_fields(report_class, {})
    return parts


def _blank_fields(cls: type[Any], typevars: dict[Any, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if cell_kind(field) is not None:
            values[field.name] = BLANK
        elif field.default is not attrs.NOTHING or field.name == "metadata":
            continue
        elif (found := attrs_class(field.type, typevars)) is not None:
            part, part_vars = found
            values[field.name] = part(**_blank_fields(part, part_vars))
        elif substitute(field.type, typevars) is str:
            values[field.name] = ""
        else:  # pragma: no cover (a guard on the shape of a new report class)
            msg = f"no blank value for {cls.__name__}.{field.name} ({field.type!r})"
            raise TypeError(msg)
    return values


def replace_cell(report: _R, address: CellAddress | str, value: object) -> _R:
    """*report* with the table cell at *address* set to *value*; *report* is not changed.

    A finding names its cells by address (:attr:`Finding.cells
    <disclosure_report.checks.Finding.cells>`), so fixing what it found is one call::

        fixed = report.replace("3/outcomes.total/total", 12)

    The value is checked by the model's validators, as when the report was built.

    Args:
        report: A report of any registered format version.
        address: The cell: a :class:`~disclosure_report.CellAddress`, its string form
            (``"3/outcomes.total/total"``, as findings print it) or its JSON path
            (``"$.applications.outcomes.total.total"``).
        value: The new value: an ``int``, an :class:`~disclosure_report.Amount`,
            :data:`~disclosure_report.BLANK` or a :class:`~disclosure_report.NotApplicable`,
            as the cell allows.

    Raises:
        InvalidReportError: When *address* is not a cell of the report's tables, or *value* is
            not a value that cell may hold; the problem's path is the cell's JSON path.
    """
    report_class: type[Any] = type(report)
    version = version_id_of(report_class)
    cell = _cell_address(address, version)
    if cell not in _addresses(report_class):
        raise _bad_address(repr(str(address)), version)
    names = (TABLE_SECTIONS[cell.table], *cell.row.split("."), cell.column)
    replaced: _R = _replaced(report, names, value, "$")
    return replaced


_ADDRESSES: dict[type, frozenset[CellAddress]] = {}


def _addresses(report_class: type) -> frozenset[CellAddress]:
    addresses = _ADDRESSES.get(report_class)
    if addresses is None:
        addresses = _ADDRESSES[report_class] = frozenset(
            spec.address for spec in table_layout(report_class)
        )
    return addresses


def _replaced(part: Any, names: tuple[str, ...], value: object, path: str) -> Any:
    """*part* with the value at the attribute path *names* replaced, validated on the way up."""
    name, *rest = names
    here = f"{path}.{name}"
    new = _replaced(getattr(part, name), tuple(rest), value, here) if rest else value
    try:
        return attrs.evolve(part, **{name: new})
    except InvalidReportError as error:
        raise error.prefixed(path) from None


def _cell_address(address: CellAddress | str, version: str) -> CellAddress:
    if isinstance(address, CellAddress):
        return address
    if not isinstance(address, str):
        raise _bad_address(type(address).__name__, version)
    if address.startswith("$."):
        section, _, rest = address[2:].partition(".")
        row, _, column = rest.rpartition(".")
        table = _SECTION_TABLES.get(section)
        if table is None or not row:
            raise _bad_address(repr(address), version)
        return CellAddress(table, row, column)
    table_text, _, rest = address.partition("/")
    row, _, column = rest.partition("/")
    if not table_text.isdigit() or not row or not column or "/" in column:
        raise _bad_address(repr(address), version)
    return CellAddress(int(table_text), row, column)


def _bad_address(got: str, version: str) -> InvalidReportError:
    return InvalidReportError(
        [
            Problem(
                "$",
                f"the address of a table cell of the {version} format "
                "(table/row/column, such as 3/outcomes.total/total)",
                got,
            )
        ]
    )
