"""The strategies of disclosure_report.testing keep the promises they make.

The sums are recomputed here from the cells in printed order (``cell_values``), not with the
model's builders that the strategies use, so a builder that computed a wrong total would fail
these tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest

from hypothesis import Phase, find, given, settings
from hypothesis.errors import InvalidArgument

from disclosure_report import (
    BLANK,
    MAX_COUNT,
    Amount,
    ApplicantCounts,
    CaseOutcomes,
    CellAddress,
    NotApplicable,
    Report2019,
    Report2021,
    Unit,
    UnknownFormatVersionError,
    cell_values,
    testing,
)
from disclosure_report._hypothesis_hook import setup as hypothesis_setup
from disclosure_report.model import FormatVersion


Cells = Mapping[CellAddress, object]

APPLICANT_PARTS = (
    "natural_persons",
    "commercial_enterprises",
    "research_institutions",
    "public_interest_organizations",
    "legal_service_providers",
    "other",
)
APPLICANT_COLUMNS = (*APPLICANT_PARTS, "total")
CASE_PARTS = ("upheld", "corrected", "other", "pending")


def cells_of(report: Report2019 | Report2021) -> dict[CellAddress, object]:
    return {spec.address: value for spec, value in cell_values(report)}


def may_balance(left: Iterable[object], right: Iterable[object]) -> bool:
    """Whether ``sum(left) == sum(right)`` can hold with non-negative counts for the marks.

    With every value a number the sums must be equal; otherwise the known numbers of one
    side may not exceed a side that is fully known.
    """
    left, right = list(left), list(right)
    for value in (*left, *right):
        assert type(value) is int or value is BLANK or type(value) is NotApplicable, value
    left_known = sum(v for v in left if type(v) is int)
    right_known = sum(v for v in right if type(v) is int)
    left_full = all(type(v) is int for v in left)
    right_full = all(type(v) is int for v in right)
    if left_full and right_full:
        return left_known == right_known
    if left_full:
        return right_known <= left_known
    if right_full:
        return left_known <= right_known
    return True


def table3_rows(cells: Cells) -> list[str]:
    return list(dict.fromkeys(a.row for a in cells if a.table == 3))


def assert_table3_balances(cells: Cells) -> None:
    rows = table3_rows(cells)
    outcome_rows = [r for r in rows if r.startswith("outcomes.") and r != "outcomes.total"]
    assert len(rows) in {23, 25}
    for row in rows:  # I1
        parts = [cells[CellAddress(3, row, c)] for c in APPLICANT_PARTS]
        assert may_balance(parts, [cells[CellAddress(3, row, "total")]]), row
    for column in APPLICANT_COLUMNS:

        def cell(row: str, column: str = column) -> object:
            return cells[CellAddress(3, row, column)]

        assert may_balance(  # I2
            [cell(r) for r in outcome_rows], [cell("outcomes.total")]
        ), column
        assert may_balance(  # F1
            [cell("new_received"), cell("carried_over")],
            [cell("outcomes.total"), cell("carried_forward")],
        ), column


def assert_table4_balances(cells: Cells) -> None:
    rows = list(dict.fromkeys(a.row for a in cells if a.table == 4))
    assert len(rows) == 3
    for row in rows:  # I4
        parts = [cells[CellAddress(4, row, c)] for c in CASE_PARTS]
        assert may_balance(parts, [cells[CellAddress(4, row, "total")]]), row


def assert_table2_2019_holds(cells: Cells) -> None:
    rows = list(dict.fromkeys(a.row for a in cells if a.table == 2))
    for row in rows:
        values = {a.column: v for a, v in cells.items() if a.table == 2 and a.row == row}
        if "change" in values:  # I5
            previous, change = values["previous_items"], values["change"]
            if type(previous) is int and type(change) is int:
                assert previous + change >= 0, row
        if "newly_disclosed" in values:  # X4
            disclosed = values["newly_disclosed"]
            for bound in ("newly_produced", "total_disclosed"):
                limit = values[bound]
                if type(disclosed) is int and type(limit) is int:
                    assert disclosed <= limit, (row, bound)


def is_mark(value: object) -> bool:
    return value is BLANK or type(value) is NotApplicable


@given(testing.reports() | testing.reports(marks=True))
def test_reports_balance_cell_by_cell(report: Report2019 | Report2021) -> None:
    """Rules I1, I2, F1, I4 (and 2019's I5, X4) hold, or can hold whatever the marks hide."""
    cells = cells_of(report)
    assert_table3_balances(cells)
    assert_table4_balances(cells)
    if report.format_version == "2019":
        assert_table2_2019_holds(cells)


@given(testing.reports(version="2021"))
def test_2021_reports_meet_the_guidance(report: Report2021) -> None:
    assert len("".join(report.overview.split())) <= 1000
    other = report.other_matters
    assert other.processing_fees is not None or "信息处理费" in other.text
    fees = report.active_disclosure.article_20_8.administrative_fees.amount
    assert isinstance(fees, Amount)
    assert fees.unit is Unit.WAN_YUAN


@given(testing.reports())
def test_without_marks_every_cell_is_a_number(report: Report2019 | Report2021) -> None:
    assert not any(is_mark(v) for v in cells_of(report).values())
    assert int(report.format_version) <= report.metadata.year <= 2030


def test_both_versions_and_both_kinds_of_mark_are_drawn() -> None:
    # The first example found is enough: no shrinking, which would take minutes.
    quick = settings(database=None, max_examples=500, phases=[Phase.generate])
    find(testing.reports(), lambda r: isinstance(r, Report2019), settings=quick)
    find(testing.reports(), lambda r: isinstance(r, Report2021), settings=quick)
    find(
        testing.reports(marks=True),
        lambda r: (
            any(v is BLANK for v in cells_of(r).values())
            and any(type(v) is NotApplicable for v in cells_of(r).values())
        ),
        settings=quick,
    )


@given(testing.applicant_counts())
def test_applicant_counts_add_up(row: ApplicantCounts) -> None:
    assert row.total == sum(getattr(row, c) for c in APPLICANT_PARTS)


@given(testing.case_outcomes())
def test_case_outcomes_add_up(group: CaseOutcomes) -> None:
    assert group.total == sum(getattr(group, c) for c in CASE_PARTS)


@given(testing.applications("2021", counts=st.just(0)))
def test_counts_override_every_count_of_table_3(applications: object) -> None:
    values = attrs.asdict(applications)  # type: ignore[arg-type]

    def leaves(obj: object) -> list[object]:
        if isinstance(obj, dict):
            return [leaf for value in obj.values() for leaf in leaves(value)]
        return [obj]

    assert set(leaves(values)) == {0}


@given(testing.amounts(units=st.just(Unit.YUAN), max_value=Decimal(10)))
def test_amounts_are_exact_and_bounded(amount: Amount) -> None:
    assert amount.unit is Unit.YUAN
    assert Decimal(0) <= amount.value <= 10
    assert amount.value.as_tuple().exponent >= -6  # type: ignore[operator]


@given(testing.marks())
def test_marks_are_blank_or_not_applicable(mark: object) -> None:
    assert is_mark(mark)


def test_version_specific_overrides_need_a_version() -> None:
    with pytest.raises(TypeError):
        testing.reports(applications=testing.applications("2019"))  # type: ignore[call-overload]


@pytest.mark.parametrize("version", ["2020", 2021, "", None])
def test_unknown_versions_are_refused(version: object) -> None:
    with pytest.raises(ValueError, match="2019"):
        testing.applications(version)  # type: ignore[call-overload]


@pytest.mark.parametrize("cls", [Report2019, Report2021])
@settings(max_examples=5)
@given(data=st.data())
def test_the_hypothesis_hook_registers_the_report_classes(
    data: st.DataObject, cls: type[Report2019 | Report2021]
) -> None:
    hypothesis_setup()
    assert type(data.draw(st.from_type(cls))) is cls


@pytest.mark.parametrize(("low", "high"), [(0, MAX_COUNT + 1), (-MAX_COUNT - 1, 0), (0, 10**30)])
def test_counts_refuse_a_range_beyond_max_count(low: int, high: int) -> None:
    with pytest.raises(InvalidArgument, match="MAX_COUNT"):
        testing.counts(min_value=low, max_value=high)


@given(testing.counts(min_value=MAX_COUNT - 3, max_value=MAX_COUNT))
def test_counts_reach_max_count(count: int) -> None:
    assert MAX_COUNT - 3 <= count <= MAX_COUNT


# A format version registered after import (issue 12) -------------------------------------------


def test_reports_of_a_third_version_are_valid_and_balance(third_version: FormatVersion) -> None:
    """``"2099"`` (tests/conftest.py) has a row (6a) in table 三 that the strategies know nothing of."""

    @settings(max_examples=30, database=None)
    @given(testing.reports(version="2099", marks=False))
    def check(report: Any) -> None:
        assert type(report) is third_version.report_class
        assert report.metadata.year >= third_version.first_year
        table = report.applications
        outcomes = table.outcomes
        rows = [
            row
            for field in attrs.fields(type(outcomes))
            if field.name != "total"
            for row in _leaves(getattr(outcomes, field.name))
        ]
        assert any(row is outcomes.referred for row in rows)
        for column in ("natural_persons", "other", "total"):
            assert getattr(outcomes.total, column) == sum(getattr(r, column) for r in rows)
            received = getattr(table.new_received, column) + getattr(table.carried_over, column)
            handled = getattr(outcomes.total, column) + getattr(table.carried_forward, column)
            assert received == handled
        fees = report.other_matters
        assert fees.processing_fees is not None or "信息处理费" in fees.text  # its rule S6.FEES

    check()


def test_any_version_includes_a_registered_one(third_version: FormatVersion) -> None:
    find(
        testing.reports(marks=True),
        lambda r: type(r) is third_version.report_class,
        settings=settings(database=None, phases=[Phase.generate]),
    )


def test_an_unknown_version_names_the_registered_ones(third_version: FormatVersion) -> None:
    with pytest.raises(UnknownFormatVersionError, match="'2019', '2021', '2099'"):
        testing.applications("2098")


def _leaves(part: Any) -> list[Any]:
    if type(part) is ApplicantCounts:
        return [part]
    return [row for f in attrs.fields(type(part)) for row in _leaves(getattr(part, f.name))]
