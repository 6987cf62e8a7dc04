"""What every output prints the same way: the title, paragraphs, cell values and the fees.

Cells render as they were published: a count as its integer (``-185`` for a negative
``本年增/减``), an amount as its exact decimal, a blank cell as nothing and a cell marked not
applicable as its mark (``/``, ``-``, ``—`` …). An amount prints its unit in the cell unless the
column header states it: the 2021 fee column says ``（单位：万元）``; the 2019 procurement column
states none, so real reports print ``251000元`` there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, cast

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.i18n import report_title, resolve_locale, translate
from disclosure_report.model import (
    BLANK,
    SECTION_TITLES,
    TABLE_SECTIONS,
    UNIT_LABELS,
    Amount,
    CellAddress,
    NotApplicable,
    OtherMatters,
    ProcessingFees,
    Report,
    Unit,
    cell_values,
    label_of,
    table_layout,
    version_of,
)


__all__ = [
    "SECTIONS",
    "TABLES",
    "Values",
    "amount_text",
    "cell_text",
    "check_report",
    "colon",
    "fee_lines",
    "html_lang",
    "paragraphs",
    "section_title",
    "title",
    "values",
]

SECTIONS: Final = tuple(SECTION_TITLES)
"""The report fields that hold the six sections, in printed order."""

TABLES: Final = {name: table for table, name in TABLE_SECTIONS.items()}
"""The table number of each report field that holds a table."""

_HEADER_UNITS: dict[type, dict[CellAddress, Unit]] = {}
"""Per report class, the money columns whose header states the unit (``本年收费金额（单位：万元）``)."""


def _header_units(report_class: type[Report]) -> dict[CellAddress, Unit]:
    """The money columns of *report_class* whose header states the unit, from the model.

    Computed on first use per class, so a format version registered later renders too.
    """
    units = _HEADER_UNITS.get(report_class)
    if units is None:
        units = _HEADER_UNITS[report_class] = {
            spec.address: spec.unit for spec in table_layout(report_class) if spec.unit is not None
        }
    return units


_FEE_FIELDS: Final = {field.name: label_of(field) for field in attrs.fields(ProcessingFees)}

Values = dict[CellAddress, object]
"""A report's cell values by address."""


def check_report(report: object) -> Report:
    """*report* itself, if it is a report of a registered format version.

    Raises:
        UnknownFormatVersionError: For anything else (an
            :class:`~disclosure_report.exceptions.InvalidReportError` naming the registered
            versions' report classes).
    """
    version_of(report)
    return cast("Report", report)


def values(report: Report) -> Values:
    """Every table cell's value, by address."""
    return {spec.address: value for spec, value in cell_values(report)}


def title(report: Report, locale: str) -> str:
    """The report's title (``自治区机关事务管理局2023年政府信息公开工作年度报告``)."""
    return report_title(report.metadata.agency, report.metadata.year, locale)


def section_title(name: str, locale: str) -> str:
    """The heading of the section held in the report field *name*."""
    return translate(SECTION_TITLES[name], locale)


def paragraphs(text: str) -> Iterator[str]:
    """The paragraphs of a text section: its non-empty lines, stripped."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped:
            yield stripped


def amount_text(amount: Amount, locale: str, *, header_unit: Unit | None = None) -> str:
    """An amount as printed: its exact decimal, and its unit unless the header states it."""
    number = format(amount.value, "f")
    if amount.unit is None or amount.unit is header_unit:
        return number
    unit = translate(UNIT_LABELS[amount.unit], locale)
    if resolve_locale(locale) == "en":
        return f"{number} ({unit})"
    return f"{number}{unit}"


def cell_text(report: Report, address: CellAddress, value: object, locale: str) -> str:
    """A table cell's value as the table prints it."""
    if type(value) is int:
        return str(value)
    if type(value) is Amount:
        unit = _header_units(type(report)).get(address)
        return amount_text(value, locale, header_unit=unit)
    if type(value) is NotApplicable:
        return value.symbol
    if value is BLANK:
        return ""
    raise InvalidReportError(
        [Problem(address.path, "a cell value", type(value).__name__)]
    )  # pragma: no cover (the model's validators let nothing else in)


def fee_lines(other: OtherMatters, locale: str) -> list[tuple[str, str]]:
    """Section 六's record of the processing fees, as (label, value) pairs; none if unrecorded."""
    fees = other.processing_fees
    if fees is None:
        return []
    lines = [(translate(_FEE_FIELDS["amount"], locale), amount_text(fees.amount, locale))]
    if fees.applications is not None:
        lines.append((translate(_FEE_FIELDS["applications"], locale), str(fees.applications)))
    return lines


def colon(locale: str) -> str:
    """The separator between a label and its value: full width in Chinese."""
    return ": " if resolve_locale(locale) == "en" else "："


def html_lang(locale: str) -> str:
    """The BCP 47 tag of *locale*'s catalog, for HTML's ``lang``."""
    return resolve_locale(locale).replace("_", "-")
