"""The generated test that table 4 holds agrees with summing each group's row (I4).

``check`` returns no I4 finding at once when the generated code says every group is numbers
and its total is its sum; here that answer is compared with :func:`row_totals_hold` on the
rows, on generated tables with small counts, blank and not-applicable cells, and changed cells.
"""

from __future__ import annotations

from typing import Any

import attrs
import hypothesis.strategies as st

from hypothesis import Phase, find, given, settings

from disclosure_report import testing
from disclosure_report.checks._balance import row_totals_hold
from disclosure_report.checks._litigation import table4_plan
from disclosure_report.checks._rules import rule_by_id
from disclosure_report.model import CaseOutcomes, ReconsiderationAndLitigation, format_version


_PLAN = table4_plan(format_version("2021"), rule_by_id("2021.T4.I4"))
_HOLDS, _READ_ROWS = _PLAN.holds, _PLAN.read_rows
_SMALL = st.integers(min_value=0, max_value=2)
_TABLES = st.one_of(
    *(
        testing.reconsideration_and_litigation(
            case_outcomes=testing.case_outcomes(counts=counts, marks=marks), marks=marks
        )
        for counts in (_SMALL, st.integers(min_value=0, max_value=50))
        for marks in (False, True)
    )
)


@st.composite
def _changed_tables(draw: st.DrawFn) -> ReconsiderationAndLitigation:
    """A generated table with up to two cells set to another small count."""
    table: ReconsiderationAndLitigation = draw(_TABLES)
    columns = [field.name for field in attrs.fields(CaseOutcomes)]
    for _ in range(draw(st.integers(0, 2))):
        row = draw(st.sampled_from(list(_PLAN.paths)))
        changed = attrs.evolve(
            getattr(table, row), **{draw(st.sampled_from(columns)): draw(_SMALL)}
        )
        table = attrs.evolve(table, **{row: changed})
    return table


@given(_changed_tables())
def test_the_generated_test_agrees_with_summing_the_rows(table: Any) -> None:
    assert _HOLDS(table) is row_totals_hold(_READ_ROWS(table))


def test_tables_of_numbers_that_hold_and_that_do_not_are_both_generated() -> None:
    """The comparison above is not vacuous (searched for with ``find``, as for table 3)."""

    def numbers(table: Any) -> bool:
        return all(type(value) is int for row in _READ_ROWS(table) for value in row)

    def holding(table: Any) -> bool:
        return numbers(table) and row_totals_hold(_READ_ROWS(table))

    def not_holding(table: Any) -> bool:
        return numbers(table) and not row_totals_hold(_READ_ROWS(table))

    quick = settings(database=None, phases=[Phase.generate])
    find(_changed_tables(), holding, settings=quick)
    find(_changed_tables(), not_holding, settings=quick)
