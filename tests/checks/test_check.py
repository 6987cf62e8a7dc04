"""Checking whole reports and single tables: balanced reports pass, reports stay unchanged."""

from __future__ import annotations

import copy

from collections.abc import Callable
from typing import Any

import pytest

from disclosure_report import Report2019, checks
from disclosure_report.checks import Severity, check
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import (
    BLANK,
    ApplicantCounts,
    Applications,
    CellAddress,
    Outcomes,
    Report,
    cell_values,
)


def test_a_balanced_report_has_no_finding(report: Report) -> None:
    assert check(report) == ()
    assert report.check() == ()
    assert report.applications.check() == ()
    assert report.reconsideration_and_litigation.check(report.format_version) == ()
    assert report.active_disclosure.check() == ()


def test_checks_are_exported() -> None:
    assert checks.__all__ == [
        "RULES",
        "SERIES_RULES",
        "BlankPolicy",
        "Finding",
        "Rule",
        "Severity",
        "all_rules",
        "all_series_rules",
        "check",
        "check_part",
        "rows_with",
        "rule_by_id",
        "rules_of",
        "series_rules_of",
        "table3_plan",
        "table4_plan",
        "x1_rule",
    ]


@pytest.mark.parametrize(
    "address",
    [
        CellAddress(3, "outcomes.total", "total"),
        CellAddress(3, "new_received", "natural_persons"),
        CellAddress(4, "litigation_direct", "upheld"),
    ],
)
def test_checks_never_alter_the_report(
    report: Report,
    address: CellAddress,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    broken = with_cell(report, address, cell(report, address) + 3)
    before = copy.deepcopy(broken)
    values_before = [value for _, value in cell_values(broken)]

    findings = broken.check()

    assert findings
    assert broken == before
    assert [value for _, value in cell_values(broken)] == values_before
    assert cell(broken, address) == cell(report, address) + 3  # reported, not corrected


def test_the_table_method_picks_the_version_from_row_six(
    report: Report, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report, CellAddress(3, "outcomes.total", "other"), 999)

    rules = {f.rule for f in broken.applications.check()}

    assert rules == {f"{report.format_version}.T3.{name}" for name in ("F1", "I1", "I2")}
    assert broken.applications.check() == tuple(f for f in check(broken) if ".T3." in f.rule)


def test_applications_built_from_parts_balance() -> None:
    a = ApplicantCounts.from_parts
    outcomes = Outcomes.from_parts(other_handling=a(other=2), granted=a(natural_persons=3))
    table = Applications.from_parts(
        new_received=a(natural_persons=4, other=1), carried_over=a(other=1), outcomes=outcomes
    )

    assert table.check() == ()


def test_errors_and_warnings(
    report_2019: Report2019, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report_2019, CellAddress(2, "article_20_1.rules", "total_disclosed"), 0)
    broken = with_cell(broken, CellAddress(4, "reconsideration", "total"), BLANK)
    broken = with_cell(broken, CellAddress(4, "litigation_direct", "total"), 0)

    assert [(f.rule, f.severity) for f in check(broken)] == [
        ("2019.T2.X4.TOTAL", Severity.WARNING),
        ("2019.T4.I4", Severity.ERROR),
    ]


@pytest.mark.parametrize("value", [None, {}, "report", ApplicantCounts.blank()])
def test_anything_but_a_report_is_refused(value: object) -> None:
    with pytest.raises(InvalidReportError) as info:
        check(value)  # type: ignore[arg-type]

    assert info.value.problems[0].path == "$"
