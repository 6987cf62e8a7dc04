"""Rule I4 on table 4 (reconsideration and litigation): each group's total is its sum."""

from __future__ import annotations

from typing import Final, Literal

import attrs

from disclosure_report.checks._balance import row_totals, row_totals_hold
from disclosure_report.checks._finding import Finding
from disclosure_report.checks._layout import row_reader, table_rows
from disclosure_report.checks._rules import I4_2019, I4_2021, Rule
from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model import (
    CaseOutcomes,
    ReconsiderationAndLitigation,
    Report2019,
    Report2021,
)


__all__ = ["check_reconsideration_and_litigation"]

_COLUMNS: Final = tuple(field.name for field in attrs.fields(CaseOutcomes))
if _COLUMNS[-1] != "total":  # pragma: no cover (a guard on the model's shape)
    raise AssertionError("the total column of table 4 must come last")

_LAYOUT: Final = table_rows(Report2021, 4)
if table_rows(Report2019, 4) != _LAYOUT:  # pragma: no cover (a guard on the model's shape)
    raise AssertionError("table 4 must be the same in both versions")
_READ_ROWS: Final = row_reader([(path, _COLUMNS) for path, _ in _LAYOUT])
_CELLS: Final = tuple(cells for _, cells in _LAYOUT)
_RULES: Final[dict[object, Rule]] = {"2019": I4_2019, "2021": I4_2021}


def check_reconsideration_and_litigation(
    table: ReconsiderationAndLitigation, version: Literal["2019", "2021"]
) -> tuple[Finding, ...]:
    """Findings of I4 (``2019.T4.I4`` or ``2021.T4.I4``), one per group that breaks it.

    Raises:
        InvalidReportError: When *version* is not a format version.
    """
    rule = _RULES.get(version)
    if rule is None:
        raise InvalidReportError([Problem("version", "'2019' or '2021'", repr(version))])
    rows = _READ_ROWS(table)
    if row_totals_hold(rows):
        return ()
    return tuple(row_totals(rule, rows, _CELLS))
