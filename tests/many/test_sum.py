"""Sums of reports: the documented rule for blanks, exact money, and the properties."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from random import Random
from typing import Any

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import (
    BLANK,
    Amount,
    CellAddress,
    InvalidReportError,
    NotApplicable,
    Report,
    Report2019,
    Report2021,
    Severity,
    Unit,
    check,
)
from disclosure_report.many import sum_reports
from disclosure_report.many._sum import _replaced
from disclosure_report.testing import reports


VERSIONS = st.sampled_from(["2019", "2021"])
TOTAL = CellAddress(4, "reconsideration", "total")
UPHELD = CellAddress(4, "reconsideration", "upheld")
CORRECTED = CellAddress(4, "reconsideration", "corrected")
FEE_2021 = CellAddress(2, "article_20_8.administrative_fees", "amount")
PROCUREMENT = CellAddress(2, "article_20_9.centralized_procurement", "amount")


def _tables(report: Report) -> tuple[object, ...]:
    return (
        report.active_disclosure,
        report.applications,
        report.reconsideration_and_litigation,
    )


def _with_unit(report: Report) -> Report:
    """*report* with a unit on the 2019 procurement amount when it printed none.

    Amounts with and without a unit are not added up (that raises), so the properties are
    stated for reports whose money cells can be added."""
    cell = getattr(report.active_disclosure, "article_20_9", None)
    amount = None if cell is None else cell.centralized_procurement.amount
    if type(amount) is not Amount or amount.unit is not None:
        return report
    path = ("active_disclosure", *PROCUREMENT.row.split("."), PROCUREMENT.column)
    replaced: Report = _replaced(report, {path: Amount(amount.value, Unit.YUAN)})
    return replaced


def _reports(version: str) -> st.SearchStrategy[Report]:
    strategy = (
        reports(version="2019", marks=True)
        if version == "2019"
        else reports(version="2021", marks=True)
    )
    return strategy.map(_with_unit)


def _sum(reports_: Iterable[Report]) -> Report:
    return sum_reports(reports_, agency="某县", year=2030)


@settings(max_examples=30)
@given(many=VERSIONS.flatmap(lambda v: st.lists(_reports(v), min_size=1, max_size=4)))
def test_the_sum_of_balanced_reports_is_balanced(many: list[Report]) -> None:
    assert [f for f in check(_sum(many)) if f.severity is Severity.ERROR] == []


@settings(max_examples=30)
@given(
    many=VERSIONS.flatmap(lambda v: st.lists(_reports(v), min_size=2, max_size=4)),
    random=st.randoms(use_true_random=False),
)
def test_summing_is_order_independent(many: list[Report], random: Random) -> None:
    shuffled = list(many)
    random.shuffle(shuffled)
    assert _sum(shuffled) == _sum(many)


@settings(max_examples=30)
@given(pair=VERSIONS.flatmap(lambda v: st.tuples(_reports(v), _reports(v))))
def test_summing_with_an_empty_report_changes_nothing(
    pair: tuple[Report, Report], emptied: Callable[[Report], Report]
) -> None:
    report, other = pair
    alone = _sum([report])

    assert _tables(alone) == _tables(report)
    assert _sum([report, emptied(other)]) == alone
    assert _sum([emptied(other), report, emptied(report)]) == alone


@settings(max_examples=20)
@given(old=reports(version="2019"), new=reports(version="2021"))
def test_mixed_versions_are_refused(old: Report2019, new: Report2021) -> None:
    with pytest.raises(InvalidReportError) as raised:
        _sum([new, old])
    assert raised.value.problems[0].path == "[1].format_version"


def test_nothing_to_add_and_not_a_report_are_refused(example: Report) -> None:
    with pytest.raises(InvalidReportError):
        _sum([])
    with pytest.raises(InvalidReportError):
        _sum([object()])  # type: ignore[list-item]
    with pytest.raises(InvalidReportError):
        _sum([example, object()])  # type: ignore[list-item]


def test_numbers_add_and_unknowns_stay_unknown(
    example: Report, with_cells: Callable[..., Any], value: Callable[[Report, CellAddress], Any]
) -> None:
    a = with_cells(example, {TOTAL: 10, UPHELD: 4, CORRECTED: NotApplicable("/")})
    b = with_cells(example, {TOTAL: 7, UPHELD: BLANK, CORRECTED: NotApplicable("/")})
    c = with_cells(example, {TOTAL: 1, UPHELD: 1, CORRECTED: NotApplicable("—")})

    ab = _sum([a, b])
    assert value(ab, TOTAL) == 17
    assert value(ab, UPHELD) is BLANK
    assert value(ab, CORRECTED) == NotApplicable("/")
    abc = _sum([a, b, c])
    assert value(abc, CORRECTED) == NotApplicable("/")
    assert value(_sum([c, c]), CORRECTED) == NotApplicable("—")
    assert value(_sum([a, with_cells(c, {CORRECTED: 0})]), CORRECTED) is BLANK


def test_a_blank_is_not_added_as_nothing(example: Report, with_cells: Callable[..., Any]) -> None:
    """The case in the docs: a blank total must not become a number smaller than its parts."""
    blank_total = with_cells(example, {TOTAL: BLANK, UPHELD: 3, CORRECTED: 4})
    assert check(blank_total) == check(example)
    total = _sum([blank_total, with_cells(example, {TOTAL: 10, UPHELD: 5, CORRECTED: 5})])
    assert [f for f in check(total) if f.severity is Severity.ERROR] == []


def test_metadata_and_narrative_of_the_sum(example: Report) -> None:
    total = sum_reports([example], agency="某县", year=2023, region="640000")
    assert (total.metadata.agency, total.metadata.year, total.metadata.region) == (
        "某县",
        2023,
        "640000",
    )
    assert (total.overview, total.problems_and_improvements, total.other_matters.text) == (
        "",
        "",
        "",
    )
    assert total.other_matters.processing_fees is None


def test_money_adds_exactly_and_converts_yuan(
    example: Report, with_cells: Callable[..., Any], value: Callable[[Report, CellAddress], Any]
) -> None:
    def fee(amount: str, unit: Unit | None) -> Report:
        report: Report = with_cells(example, {FEE_2021: Amount(Decimal(amount), unit)})
        return report

    wan = Unit.WAN_YUAN
    assert value(_sum([fee("0.1", wan), fee("0.2", wan)]), FEE_2021) == Amount(Decimal("0.3"), wan)
    assert value(_sum([fee("1.5", Unit.YUAN), fee("2", Unit.YUAN)]), FEE_2021) == Amount(
        Decimal("3.5"), Unit.YUAN
    )
    mixed = value(_sum([fee("12345.67", Unit.YUAN), fee("2.000001", wan)]), FEE_2021)
    assert mixed == Amount(Decimal("3.234568"), wan)
    big = "1" + "0" * 40 + ".000000000000000000001"
    twice = "2" + "0" * 40 + ".000000000000000000002"
    assert value(_sum([fee(big, wan), fee(big, wan)]), FEE_2021).value == Decimal(twice)
    assert value(_sum([fee("1", wan), with_cells(example, {FEE_2021: BLANK})]), FEE_2021) is BLANK


@given(report=reports(version="2019"))
def test_an_amount_without_a_unit_is_not_added_to_one_with_a_unit(
    report: Report, with_cells: Callable[..., Any]
) -> None:
    a = with_cells(report, {PROCUREMENT: Amount(Decimal(1), None)})
    b = with_cells(report, {PROCUREMENT: Amount(Decimal(2), Unit.YUAN)})

    with pytest.raises(InvalidReportError) as raised:
        _sum([a, b])
    assert raised.value.problems[0].path == f"$.{PROCUREMENT.path.removeprefix('$.')}"
    total = _sum([a, a])
    assert isinstance(total, Report2019)
    assert total.active_disclosure.article_20_9.centralized_procurement.amount == Amount(
        Decimal(2), None
    )


def test_the_reports_are_read_once_and_not_changed(example: Report) -> None:
    before = attrs.evolve(example)
    _sum(iter([example, example]))
    assert example == before
