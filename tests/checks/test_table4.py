"""Rule I4 on table 4: each group's total is the sum of its four outcomes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from disclosure_report.checks import Severity, check, check_part
from disclosure_report.exceptions import InvalidReportError, UnknownFormatVersionError
from disclosure_report.model import (
    BLANK,
    CaseOutcomes,
    CellAddress,
    NotApplicable,
    ReconsiderationAndLitigation,
    Report,
)


GROUPS = tuple(f.name for f in attrs.fields(ReconsiderationAndLitigation))
OUTCOMES = ("upheld", "corrected", "other", "pending")


@pytest.mark.parametrize("group", GROUPS)
def test_i4_fires_per_group(
    report: Report,
    group: str,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    total = CellAddress(4, group, "total")
    broken = with_cell(report, total, cell(report, total) + 2)

    findings = check(broken)

    assert len(findings) == 1
    finding = findings[0]
    assert finding.rule == f"{report.format_version}.T4.I4"
    assert finding.severity is Severity.ERROR
    assert finding.cells == (total, *(CellAddress(4, group, c) for c in OUTCOMES))
    assert finding.expected == cell(report, total)
    assert finding.actual == cell(report, total) + 2
    assert finding.unknown == ()


def test_i4_lists_each_broken_group_in_printed_order(
    report: Report, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = report
    for group in reversed(GROUPS):
        broken = with_cell(broken, CellAddress(4, group, "pending"), 50)

    assert [f.cells[0].row for f in check(broken)] == list(GROUPS)


@pytest.mark.parametrize("mark", [BLANK, NotApplicable("/")])
def test_i4_blank_outcome_that_could_balance(
    report: Report, mark: object, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report, CellAddress(4, "reconsideration", "upheld"), mark)

    assert check(broken) == ()


def test_i4_known_outcomes_exceed_the_total_despite_a_blank(
    report: Report,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    group = "litigation_direct"
    broken = with_cell(report, CellAddress(4, group, "other"), BLANK)
    broken = with_cell(broken, CellAddress(4, group, "pending"), 100)

    [finding] = check(broken)

    assert finding.unknown == (CellAddress(4, group, "other"),)
    assert finding.at_least == "expected"
    assert finding.actual == cell(report, CellAddress(4, group, "total"))
    assert finding.expected == 100 + sum(
        cell(report, CellAddress(4, group, c)) for c in ("upheld", "corrected")
    )


def test_i4_blank_total_is_never_proven(
    report: Report, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report, CellAddress(4, "reconsideration", "total"), BLANK)
    broken = with_cell(broken, CellAddress(4, "reconsideration", "upheld"), 10**6)

    assert check(broken) == ()


def test_table_method_names_the_version() -> None:
    table = ReconsiderationAndLitigation(
        reconsideration=CaseOutcomes.from_parts(upheld=1),
        litigation_direct=CaseOutcomes(upheld=1, corrected=0, other=0, pending=0, total=2),
        litigation_after_reconsideration=CaseOutcomes.from_parts(),
    )

    assert [f.rule for f in table.check("2021")] == ["2021.T4.I4"]
    assert [f.rule for f in table.check("2019")] == ["2019.T4.I4"]


def test_table_method_without_a_version_says_which_versions_fit(report: Report) -> None:
    """Table 4 is the same in 2019 and 2021: the rule id cannot be chosen for the caller."""
    with pytest.raises(UnknownFormatVersionError) as info:
        check_part("reconsideration_and_litigation", report.reconsideration_and_litigation)

    assert info.value.problems[0].path == "version"
    assert "'2019', '2021'" in info.value.problems[0].expected


def test_table_method_rejects_an_unknown_version(report: Report) -> None:
    with pytest.raises(InvalidReportError) as info:
        report.reconsideration_and_litigation.check("2020")

    assert info.value.problems[0].path == "version"
    assert "'2019', '2021'" in info.value.problems[0].expected
