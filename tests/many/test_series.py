"""Checks across the years: X1 (error), X2 and X3 (warnings), gaps and version changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from disclosure_report import (
    BLANK,
    CellAddress,
    InvalidReportError,
    Metadata,
    NotApplicable,
    Report,
    Report2019,
    Report2021,
    Severity,
)
from disclosure_report.i18n import SUPPORTED_LOCALES
from disclosure_report.many import (
    COMPARABLE_CELLS,
    SERIES_RULES,
    check_series,
    is_comparable,
    series_of,
)
from disclosure_report.testing import reports


OVER = CellAddress(3, "carried_over", "total")
R = TypeVar("R", bound=Report)
_REPORTS = {"2019": reports(version="2019"), "2021": reports(version="2021")}
FORWARD = CellAddress(3, "carried_forward", "total")


def _in_year(report: R, year: int, agency: str = "某局") -> R:
    return attrs.evolve(report, metadata=Metadata(agency=agency, year=year))


def _chained(
    previous: Report,
    report: R,
    with_cells: Callable[..., Any],
    value: Callable[[Report, CellAddress], Any],
) -> R:
    """*report* whose item 2 is *previous*'s item 4, column by column."""
    columns = [a for a in COMPARABLE_CELLS if a.row == "carried_forward"]
    chained: R = with_cells(
        report,
        {CellAddress(3, "carried_over", a.column): value(previous, a) for a in columns},
    )
    return chained


def test_x1_names_both_cells_and_their_years(
    example: Report, with_cells: Callable[..., Any]
) -> None:
    last = with_cells(_in_year(example, 2022), {FORWARD: 7})
    this = with_cells(_in_year(example, 2023), {OVER: 5})

    [finding] = [f for f in check_series([this, last]) if f.cells[0] == OVER]

    assert finding.rule == "2021.T3.X1"
    assert finding.severity is Severity.ERROR
    assert finding.cells == (OVER, FORWARD)
    assert finding.years == (2023, 2022)
    assert (finding.expected, finding.actual) == (7, 5)
    assert finding.message("en") == (
        'Column "Total": item 2 of 2023 (5) does not equal item 4 of 2022 (7).'
    )
    assert finding.message("zh_Hans") == "“总计”列：2023年第二项（5）不等于2022年第四项（7）。"


@given(old=reports(version="2019"), new=reports(version="2021"))
def test_x1_across_the_change_of_format_uses_its_own_rule(
    old: Report2019,
    new: Report2021,
    with_cells: Callable[..., Any],
    value: Callable[[Report, CellAddress], Any],
) -> None:
    old = _in_year(old, 2020)
    new = _chained(old, _in_year(new, 2021), with_cells, value)
    broken = with_cells(new, {OVER: value(old, FORWARD) + 1})

    assert check_series([old, new]) == ()
    [finding] = check_series([old, broken])
    assert finding.rule == "2021.T3.X1.FROM2019"
    assert finding.years == (2021, 2020)
    back = _chained(new, _in_year(old, 2022), with_cells, value)
    [finding] = check_series([new, with_cells(back, {OVER: value(new, FORWARD) + 1})])
    assert finding.rule == "2019.T3.X1.FROM2021"


def test_no_rule_spans_a_gap_in_the_years(example: Report, with_cells: Callable[..., Any]) -> None:
    last = with_cells(_in_year(example, 2021), {FORWARD: 7})
    this = with_cells(_in_year(example, 2023), {OVER: 5})

    assert check_series([last, this]) == ()


@pytest.mark.parametrize("mark", [BLANK, NotApplicable("/")])
def test_x1_skips_unknown_cells(
    example: Report, with_cells: Callable[..., Any], mark: object
) -> None:
    last = with_cells(_in_year(example, 2022), {FORWARD: mark})
    this = with_cells(_in_year(example, 2023), {OVER: 5})

    assert [f for f in check_series([last, this]) if f.cells[0] == OVER] == []


@given(base=reports(version="2019"))
def test_x2_is_a_warning_on_the_2019_item_counts(
    base: Report2019, with_cells: Callable[..., Any]
) -> None:
    licensing = "article_20_5.licensing"
    items, change = (CellAddress(2, licensing, c) for c in ("previous_items", "change"))
    last = with_cells(_in_year(base, 2019), {items: 10, change: -3})
    this = with_cells(_in_year(base, 2020), {items: 8})
    this = attrs.evolve(this, applications=last.applications)  # keep X1 quiet

    findings = [f for f in check_series([last, this]) if f.rule == "2019.T2.X2"]

    assert [(f.cells, f.years, f.expected, f.actual) for f in findings if f.cells[0] == items] == [
        ((items, items, change), (2020, 2019, 2019), 7, 8)
    ]
    assert {f.severity for f in findings} == {Severity.WARNING}


def test_x3_is_a_warning_on_the_2021_documents(
    example: Report, with_cells: Callable[..., Any]
) -> None:
    row = "article_20_1.rules"
    issued, repealed, in_force = (
        CellAddress(2, row, c) for c in ("issued", "repealed", "in_force")
    )
    last = with_cells(_in_year(example, 2022), {in_force: 10})
    this = with_cells(_in_year(example, 2023), {issued: 3, repealed: 1, in_force: 12})
    off = with_cells(this, {in_force: 13})

    assert [
        f for f in check_series([last, this]) if f.rule == "2021.T2.X3" and f.cells[0] == in_force
    ] == []
    [finding] = [
        f for f in check_series([last, off]) if f.rule == "2021.T2.X3" and f.cells[0] == in_force
    ]
    assert finding.severity is Severity.WARNING
    assert finding.cells == (in_force, in_force, issued, repealed)
    assert finding.years == (2023, 2022, 2023, 2023)
    assert (finding.expected, finding.actual) == (12, 13)


@given(old=reports(version="2019"), new=reports(version="2021"))
def test_x2_and_x3_are_not_checked_across_versions(old: Report2019, new: Report2021) -> None:
    rules = {f.rule for f in check_series([_in_year(old, 2020), _in_year(new, 2021)])}
    assert rules <= {"2021.T3.X1.FROM2019"}


def test_comparable_cells_are_table_3_without_row_6_and_table_4() -> None:
    assert {a.table for a in COMPARABLE_CELLS} == {3, 4}
    assert not any(a.row.startswith("outcomes.other_handling") for a in COMPARABLE_CELLS)
    assert is_comparable(CellAddress(3, "outcomes.total", "total"))
    assert is_comparable(CellAddress(4, "reconsideration", "pending"))
    assert not is_comparable(CellAddress(2, "article_20_5.licensing", "decisions"))
    assert len([a for a in COMPARABLE_CELLS if a.table == 3]) == 7 * 23 - 7
    assert len([a for a in COMPARABLE_CELLS if a.table == 4]) == 15


def test_one_report_per_body_and_year(example: Report) -> None:
    with pytest.raises(InvalidReportError) as raised:
        check_series([example, example])
    assert "for 2023" in str(raised.value)


def test_a_series_is_of_one_body(example: Report) -> None:
    with pytest.raises(InvalidReportError):
        check_series([example, _in_year(example, 2022, agency="另一局")])


def test_series_of_groups_by_body_and_sorts_by_year(example: Report) -> None:
    a22, a21, b = (
        _in_year(example, 2022),
        _in_year(example, 2021),
        _in_year(example, 2021, agency="乙"),
    )
    assert series_of([a22, b, a21]) == {"某局": (a21, a22), "乙": (b,)}


def test_every_series_rule_renders_in_every_locale(
    example: Report, with_cells: Callable[..., Any]
) -> None:
    rows = "article_20_1.rules", "article_20_1.normative_documents"
    findings = check_series(
        [
            with_cells(_in_year(example, 2022), {FORWARD: 1}),
            with_cells(
                _in_year(example, 2023),
                {OVER: 2, **{CellAddress(2, row, "in_force"): 10**6 for row in rows}},
            ),
        ]
    )
    assert {f.rule for f in findings} == {"2021.T3.X1", "2021.T2.X3"}
    for finding in findings:
        for locale in SUPPORTED_LOCALES:
            text = finding.message(locale)
            assert str(max(finding.years)) in text
            assert str(min(finding.years)) in text
            assert "%(" not in text


def test_series_rules_have_ids_of_the_registry_s_scheme() -> None:
    assert [rule.id for rule in SERIES_RULES] == [
        "2019.T3.X1",
        "2021.T3.X1",
        "2021.T3.X1.FROM2019",
        "2019.T3.X1.FROM2021",
        "2019.T2.X2",
        "2021.T2.X3",
    ]
    for rule in SERIES_RULES:
        assert rule.severity is (Severity.ERROR if ".X1" in rule.id else Severity.WARNING)


@given(
    chain=st.lists(st.sampled_from(["2019", "2021"]), min_size=2, max_size=4).flatmap(
        lambda versions: st.tuples(*(_REPORTS[v] for v in versions))
    )
)
def test_a_chained_series_has_no_x1_finding(
    chain: tuple[Report, ...],
    with_cells: Callable[..., Any],
    value: Callable[[Report, CellAddress], Any],
) -> None:
    series = [_in_year(chain[0], 2018)]
    for year, report in enumerate(chain[1:], start=2019):
        series.append(_chained(series[-1], _in_year(report, year), with_cells, value))

    assert [f for f in check_series(series) if ".X1" in f.rule] == []
    shuffled = series[1:] + series[:1]
    assert check_series(shuffled) == check_series(series)
