"""Rules I5 and X4 on table 2 of the 2019 format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from disclosure_report import Report
from disclosure_report.checks import Severity, check
from disclosure_report.model import (
    BLANK,
    CellAddress,
    NotApplicable,
    Report2019,
    Report2021,
    table_layout,
)


def t2(row: str, column: str) -> CellAddress:
    return CellAddress(2, row, column)


ITEM_ROWS = [
    spec.address.row
    for spec in table_layout(Report2019)
    if spec.address.table == 2 and spec.address.column == "change"
]
DOCUMENT_ROWS = [
    spec.address.row
    for spec in table_layout(Report2019)
    if spec.address.table == 2 and spec.address.column == "total_disclosed"
]


def test_rows_come_from_the_layout() -> None:
    assert ITEM_ROWS == [
        "article_20_5.licensing",
        "article_20_5.other_services",
        "article_20_6.penalties",
        "article_20_6.compulsory_measures",
        "article_20_8.administrative_fees",
    ]
    assert DOCUMENT_ROWS == ["article_20_1.rules", "article_20_1.normative_documents"]


# --- I5 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", ITEM_ROWS)
def test_i5_fires_when_the_current_number_of_items_is_negative(
    report_2019: Report2019,
    row: str,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    previous = cell(report_2019, t2(row, "previous_items"))
    broken = with_cell(report_2019, t2(row, "change"), -previous - 3)

    [finding] = check(broken)

    assert finding.rule == "2019.T2.I5"
    assert finding.severity is Severity.ERROR
    assert finding.cells == (t2(row, "previous_items"), t2(row, "change"))
    assert finding.expected == 0
    assert finding.actual == -3
    assert finding.unknown == ()


def test_i5_allows_a_stock_that_falls_to_zero(
    report_2019: Report2019,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    row = ITEM_ROWS[0]
    broken = with_cell(
        report_2019, t2(row, "change"), -cell(report_2019, t2(row, "previous_items"))
    )

    assert check(broken) == ()


@pytest.mark.parametrize("mark", [BLANK, NotApplicable("-")])
@pytest.mark.parametrize("column", ["previous_items", "change"])
def test_i5_is_not_evaluated_with_an_unknown_operand(
    report_2019: Report2019,
    column: str,
    mark: object,
    with_cell: Callable[[Report, CellAddress, object], Report],
) -> None:
    row = ITEM_ROWS[2]
    broken = with_cell(report_2019, t2(row, "change"), -(10**6))
    broken = with_cell(broken, t2(row, column), mark)

    assert check(broken) == ()


# --- X4 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", DOCUMENT_ROWS)
def test_x4_total_below_newly_disclosed_is_a_warning(
    report_2019: Report2019,
    row: str,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    new = cell(report_2019, t2(row, "newly_disclosed"))
    broken = with_cell(report_2019, t2(row, "total_disclosed"), new - 1)

    [finding] = check(broken)

    assert finding.rule == "2019.T2.X4.TOTAL"
    assert finding.severity is Severity.WARNING
    assert finding.cells == (t2(row, "total_disclosed"), t2(row, "newly_disclosed"))
    assert (finding.expected, finding.actual) == (new, new - 1)


@pytest.mark.parametrize("row", DOCUMENT_ROWS)
def test_x4_more_disclosed_than_produced_is_a_warning(
    report_2019: Report2019,
    row: str,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    produced = cell(report_2019, t2(row, "newly_produced"))
    broken = with_cell(report_2019, t2(row, "newly_disclosed"), produced + 2)

    [finding] = check(broken)

    assert finding.rule == "2019.T2.X4.PRODUCED"
    assert finding.severity is Severity.WARNING
    assert finding.cells == (t2(row, "newly_disclosed"), t2(row, "newly_produced"))
    assert (finding.expected, finding.actual) == (produced, produced + 2)


def test_x4_equal_counts_pass(
    report_2019: Report2019, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    row = DOCUMENT_ROWS[0]
    broken = with_cell(report_2019, t2(row, "newly_produced"), 5)
    broken = with_cell(broken, t2(row, "newly_disclosed"), 5)
    broken = with_cell(broken, t2(row, "total_disclosed"), 5)

    assert check(broken) == ()


@pytest.mark.parametrize("mark", [BLANK, NotApplicable("—")])
def test_x4_is_not_evaluated_with_an_unknown_operand(
    report_2019: Report2019,
    mark: object,
    with_cell: Callable[[Report, CellAddress, object], Report],
) -> None:
    row = DOCUMENT_ROWS[1]
    broken = with_cell(report_2019, t2(row, "newly_disclosed"), 10**6)
    broken = with_cell(broken, t2(row, "total_disclosed"), mark)
    broken = with_cell(broken, t2(row, "newly_produced"), mark)

    assert check(broken) == ()


def test_x4_findings_follow_i5_and_each_other(
    report_2019: Report2019, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report_2019, t2(DOCUMENT_ROWS[1], "newly_disclosed"), 1000)
    broken = with_cell(broken, t2(ITEM_ROWS[4], "change"), -1000)

    assert [f.rule for f in check(broken)] == [
        "2019.T2.I5",
        "2019.T2.X4.TOTAL",
        "2019.T2.X4.PRODUCED",
    ]
    assert [f.rule for f in broken.active_disclosure.check()] == [
        "2019.T2.I5",
        "2019.T2.X4.TOTAL",
        "2019.T2.X4.PRODUCED",
    ]


def test_the_2021_table_has_no_rule(
    report_2021: Report2021, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report_2021, t2("article_20_1.rules", "in_force"), 0)

    assert broken.active_disclosure.check() == ()
    assert check(broken) == ()
