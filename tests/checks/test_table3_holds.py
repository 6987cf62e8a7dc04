"""The generated test that table 3 balances agrees with the rules evaluated one by one.

``check`` returns no finding for table 3 at once when :func:`_holds_function`'s code says every
cell is a number and F1, I1 and I2 all hold; only otherwise are the rows read and summed. Here
that answer is compared with the three rules written out as plain loops over the rows, on
generated tables with small counts (so that many balance) and blank or not-applicable cells.
"""

from __future__ import annotations

from typing import Any, cast

import attrs
import hypothesis.strategies as st

from hypothesis import Phase, find, given, settings

from disclosure_report import testing
from disclosure_report.checks._applications import table3_plan
from disclosure_report.checks._report import _version_for
from disclosure_report.checks._rows import table_rows
from disclosure_report.model import (
    ApplicantCounts,
    Applications,
)


_SMALL = st.integers(min_value=0, max_value=2)
_TABLES = st.one_of(
    *(
        testing.applications(version, counts=counts, marks=marks)
        for version in ("2019", "2021")
        for counts in (_SMALL, st.integers(min_value=0, max_value=50))
        for marks in (False, True)
    )
)


def _plan(applications: Applications[Any]) -> Any:
    return table3_plan(_version_for("applications", applications), (None, None, None))


def _balances(applications: Applications[Any]) -> bool:
    """F1, I1 and I2, each column and row in turn; ``False`` at a cell that is not a number."""
    table = _plan(applications)
    values = table.read_rows(applications)
    if any(type(value) is not int for row in values for value in row):
        return False
    rows = cast("list[tuple[int, ...]]", values)
    new, carried = rows[table.new], rows[table.carried_over]
    total, forward = rows[table.total], rows[table.forward]
    for column in range(len(total)):
        if new[column] + carried[column] != total[column] + forward[column]:
            return False  # F1
        if sum(row[column] for row in rows[table.leaves]) != total[column]:
            return False  # I2
    return all(sum(row[:-1]) == row[-1] for row in rows)  # I1


def _with_cell(obj: Any, names: list[str], value: int) -> Any:
    name, *rest = names
    new = value if not rest else _with_cell(getattr(obj, name), rest, value)
    return attrs.evolve(obj, **{name: new})


@st.composite
def _changed_tables(draw: st.DrawFn) -> Applications[Any]:
    """A generated table with up to two cells set to another small count."""
    applications: Applications[Any] = draw(_TABLES)
    report_class = _version_for("applications", applications).report_class
    rows = [path for path, _ in table_rows(report_class, 3)]
    columns = [field.name for field in attrs.fields(ApplicantCounts)]
    for _ in range(draw(st.integers(0, 2))):
        path = draw(st.sampled_from(rows)).split(".")
        column = draw(st.sampled_from(columns))
        applications = _with_cell(applications, [*path, column], draw(_SMALL))
    return applications


@given(_changed_tables())
def test_the_generated_test_agrees_with_the_rules(applications: Applications[Any]) -> None:
    table = _plan(applications)
    assert table.holds(applications) is _balances(applications)


def test_tables_that_balance_and_tables_that_do_not_are_both_generated() -> None:
    """The comparison above is not vacuous: tables of numbers that balance and that do not.

    Searched for with ``find`` (up to its own budget of examples) rather than counted over one
    run of ``@given``, whose few examples may by chance hold only one of the two.
    """

    def numbers(applications: Applications[Any]) -> bool:
        rows = _plan(applications).read_rows(applications)
        return all(type(value) is int for row in rows for value in row)

    def balancing(table: Applications[Any]) -> bool:
        return numbers(table) and _balances(table)

    def not_balancing(table: Applications[Any]) -> bool:
        return numbers(table) and not _balances(table)

    quick = settings(database=None, phases=[Phase.generate])
    find(_changed_tables(), balancing, settings=quick)
    find(_changed_tables(), not_balancing, settings=quick)
