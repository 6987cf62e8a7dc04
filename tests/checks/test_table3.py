"""Rules F1, I1 and I2 on table 3, and their blank-cell policy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from disclosure_report.checks import Finding, Severity, check
from disclosure_report.model import (
    BLANK,
    ApplicantCounts,
    CellAddress,
    NotApplicable,
    Report,
    Report2019,
    Report2021,
    table_layout,
)


COLUMNS = tuple(f.name for f in attrs.fields(ApplicantCounts))
PARTS = COLUMNS[:-1]


def t3(row: str, column: str) -> CellAddress:
    return CellAddress(3, row, column)


def only(report: Report, rule_suffix: str) -> list[Finding]:
    return [f for f in check(report) if f.rule.endswith(rule_suffix)]


def leaf_rows(report: Report) -> list[str]:
    """The outcome rows above （七）总计, from the model's layout."""
    rows = [
        spec.address.row
        for spec in table_layout(type(report))
        if spec.address.table == 3 and spec.address.column == "total"
    ]
    return [r for r in rows if r.startswith("outcomes.") and r != "outcomes.total"]


# --- F1 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("column", COLUMNS)
def test_f1_fires_per_column(
    report: Report,
    column: str,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    forward = t3("carried_forward", column)
    broken = with_cell(report, forward, cell(report, forward) + 5)

    f1 = [f for f in check(broken) if f.rule.endswith(".T3.F1")]

    assert len(f1) == 1
    finding = f1[0]
    assert finding.rule == f"{report.format_version}.T3.F1"
    assert finding.severity is Severity.ERROR
    assert finding.cells == (
        t3("new_received", column),
        t3("carried_over", column),
        t3("outcomes.total", column),
        forward,
    )
    assert finding.expected == cell(report, t3("new_received", column)) + cell(
        report, t3("carried_over", column)
    )
    assert finding.actual == finding.expected + 5
    assert finding.unknown == ()
    assert finding.at_least is None


def test_f1_breaking_also_breaks_i1_of_that_row(
    report: Report,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    forward = t3("carried_forward", "other")
    broken = with_cell(report, forward, cell(report, forward) + 1)

    assert [f.rule.split(".", 1)[1] for f in check(broken)] == ["T3.F1", "T3.I1"]


# --- I1 -------------------------------------------------------------------------------------


def test_i1_fires_per_row_with_total_first(
    report_2021: Report2021,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    address = t3("outcomes.withheld.state_secret", "total")
    broken = with_cell(report_2021, address, 7)

    i1 = only(broken, ".T3.I1")

    assert len(i1) == 1
    finding = i1[0]
    assert finding.rule == "2021.T3.I1"
    assert finding.cells == (
        address,
        *(t3("outcomes.withheld.state_secret", c) for c in PARTS),
    )
    assert finding.expected == sum(
        cell(report_2021, t3("outcomes.withheld.state_secret", c)) for c in PARTS
    )
    assert finding.actual == 7


# --- I2 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "row"),
    [
        ("2019", "outcomes.other_handling"),
        ("2019", "outcomes.granted"),
        ("2021", "outcomes.other_handling.unpaid_fee"),
        ("2021", "outcomes.other_handling.other"),
        ("2021", "outcomes.not_handled.confirmation"),
    ],
)
def test_i2_counts_every_outcome_row(
    version: str,
    row: str,
    build: Callable[[str], Report],
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    report = build(version)
    column = "research_institutions"
    # Raise one outcome row in one column and its row total, so that I1 still holds and
    # only the column sums (I2) of that column and of the total column are off.
    broken = with_cell(report, t3(row, column), cell(report, t3(row, column)) + 4)
    broken = with_cell(broken, t3(row, "total"), cell(report, t3(row, "total")) + 4)

    found = check(broken)

    assert [(f.rule, f.cells[0].column) for f in found] == [
        (f"{version}.T3.I2", column),
        (f"{version}.T3.I2", "total"),
    ]
    i2 = found[0]
    assert i2.cells == (
        t3("outcomes.total", column),
        *(t3(r, column) for r in leaf_rows(report)),
    )
    assert i2.actual == cell(report, t3("outcomes.total", column))
    assert i2.expected == i2.actual + 4


def test_i2_rows_per_version(report: Report) -> None:
    leaves = leaf_rows(report)
    other = [r for r in leaves if r.startswith("outcomes.other_handling")]
    expected = 18 + (1 if report.format_version == "2019" else 3)
    assert len(leaves) == expected
    assert len(other) == (1 if report.format_version == "2019" else 3)


def test_findings_are_in_rule_then_printed_order(
    report_2021: Report2021, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report_2021, t3("carried_forward", "total"), 999)
    broken = with_cell(broken, t3("new_received", "other"), 0)
    broken = with_cell(broken, t3("outcomes.granted", "natural_persons"), 0)

    found = [(f.rule, str(f.cells[0])) for f in check(broken)]

    assert [rule for rule, _ in found] == sorted(
        (rule for rule, _ in found), key=["2021.T3.F1", "2021.T3.I1", "2021.T3.I2"].index
    )
    f1_columns = [c for rule, c in found if rule == "2021.T3.F1"]
    assert f1_columns == sorted(f1_columns, key=lambda c: COLUMNS.index(c.rsplit("/", 1)[1]))


# --- blank policy (unknown non-negative counts) ----------------------------------------------


@pytest.mark.parametrize("mark", [BLANK, NotApplicable("/"), NotApplicable("—")])
def test_unknown_operand_that_could_balance_is_no_finding(
    report: Report, mark: object, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report, t3("carried_over", "natural_persons"), mark)

    assert check(broken) == ()


@pytest.mark.parametrize("mark", [BLANK, NotApplicable("-")])
def test_unknown_total_with_known_parts_is_no_finding(
    report: Report, mark: object, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report, t3("outcomes.total", "total"), mark)
    broken = with_cell(broken, t3("outcomes.granted", "total"), mark)

    assert check(broken) == ()


def test_known_numbers_on_the_side_with_a_blank_exceed_the_other(
    report_2021: Report2021,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    # new_received is blank; carried_over alone already exceeds outcomes.total + carried_forward.
    column = "legal_service_providers"
    right = cell(report_2021, t3("outcomes.total", column)) + cell(
        report_2021, t3("carried_forward", column)
    )
    broken = with_cell(report_2021, t3("new_received", column), BLANK)
    broken = with_cell(broken, t3("carried_over", column), right + 3)

    f1 = only(broken, ".T3.F1")

    assert len(f1) == 1
    finding = f1[0]
    assert finding.severity is Severity.ERROR
    assert finding.unknown == (t3("new_received", column),)
    assert finding.expected == right + 3
    assert finding.actual == right
    assert finding.at_least == "expected"


def test_known_parts_exceed_a_known_total_despite_a_blank_part(
    report_2021: Report2021,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    row = "outcomes.granted"
    total = cell(report_2021, t3(row, "total"))
    broken = with_cell(report_2021, t3(row, "other"), BLANK)
    broken = with_cell(broken, t3(row, "natural_persons"), total)  # the rest now exceeds it

    i1 = only(broken, ".T3.I1")

    assert len(i1) == 1
    finding = i1[0]
    assert finding.unknown == (t3(row, "other"),)
    assert finding.at_least == "expected"
    assert finding.actual == total
    assert finding.expected == sum(cell(broken, t3(row, c)) for c in PARTS if c != "other")


def test_known_total_side_exceeds_parts_with_the_blank_on_the_total_side(
    report_2019: Report2019,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    # F1: outcomes.total alone exceeds new_received + carried_over; carried_forward is blank.
    column = "natural_persons"
    left = cell(report_2019, t3("new_received", column)) + cell(
        report_2019, t3("carried_over", column)
    )
    broken = with_cell(report_2019, t3("carried_forward", column), NotApplicable("/"))
    broken = with_cell(broken, t3("outcomes.total", column), left + 1)

    f1 = only(broken, ".T3.F1")

    assert len(f1) == 1
    assert f1[0].at_least == "actual"
    assert f1[0].actual == left + 1
    assert f1[0].expected == left
    assert f1[0].unknown == (t3("carried_forward", column),)


def test_blanks_on_both_sides_are_never_proven(
    report_2021: Report2021, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    column = "commercial_enterprises"
    broken = with_cell(report_2021, t3("new_received", column), BLANK)
    broken = with_cell(broken, t3("carried_over", column), 0)
    broken = with_cell(broken, t3("outcomes.total", column), 10_000)
    broken = with_cell(broken, t3("carried_forward", column), BLANK)

    assert only(broken, ".T3.F1") == []


def test_a_table_of_blanks_breaks_nothing(report: Report) -> None:
    blank = ApplicantCounts.blank()
    apps: Any = report.applications  # Either version's: built from its own classes below.
    outcomes = apps.outcomes
    blank_other = (
        blank
        if type(outcomes.other_handling) is ApplicantCounts
        else type(outcomes.other_handling)(
            **dict.fromkeys(("no_correction", "unpaid_fee", "other"), blank)
        )
    )
    blank_outcomes = type(outcomes)(
        granted=blank,
        partially_granted=blank,
        withheld=type(outcomes.withheld)(
            **{f.name: blank for f in attrs.fields(type(outcomes.withheld))}
        ),
        unable_to_provide=type(outcomes.unable_to_provide)(
            **{f.name: blank for f in attrs.fields(type(outcomes.unable_to_provide))}
        ),
        not_handled=type(outcomes.not_handled)(
            **{f.name: blank for f in attrs.fields(type(outcomes.not_handled))}
        ),
        other_handling=blank_other,
        total=blank,
    )
    blank_apps = type(apps)(
        new_received=blank, carried_over=blank, outcomes=blank_outcomes, carried_forward=blank
    )
    assert blank_apps.check() == ()
    assert check(attrs.evolve(report, applications=blank_apps)) == ()


def test_all_numbers_but_unequal_lists_no_unknown(
    report_2019: Report2019, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report_2019, t3("outcomes.total", "other"), 0)

    findings = check(broken)

    assert findings
    assert all(f.unknown == () and f.at_least is None for f in findings)


@pytest.mark.parametrize("mark", [BLANK, NotApplicable("/")])
def test_known_numbers_equal_to_the_other_side_leave_room_for_zero(
    report_2021: Report2021,
    mark: object,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    # F1 with carried_forward unknown and outcomes.total equal to items 1 + 2; I1 with a part
    # unknown and the known parts equal to the total: the unknown cell may be 0.
    column = "natural_persons"
    left = cell(report_2021, t3("new_received", column)) + cell(
        report_2021, t3("carried_over", column)
    )
    broken = with_cell(report_2021, t3("carried_forward", column), mark)
    broken = with_cell(broken, t3("outcomes.total", column), left)
    assert only(broken, ".T3.F1") == []

    row = "outcomes.granted"
    total = cell(report_2021, t3(row, "total"))
    broken = with_cell(report_2021, t3(row, "other"), mark)
    broken = with_cell(broken, t3(row, "natural_persons"), 0)
    broken = with_cell(broken, t3(row, "commercial_enterprises"), total)
    for part in (
        "research_institutions",
        "public_interest_organizations",
        "legal_service_providers",
    ):
        broken = with_cell(broken, t3(row, part), 0)
    assert only(broken, ".T3.I1") == []
