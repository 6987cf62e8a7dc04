"""The fast paths of the table checks agree with the rule-by-rule evaluation of :func:`balance`.

``check`` reads each table with generated code, recognises a table that balances with a few
``map`` calls, and otherwise sums each row and column in one pass, calling ``balance`` only for
the operands it finds proven broken. Here every rule of tables 3 and 4 is evaluated the slow
way instead, operand by operand from the model's layout, on generated reports with blank and
not-applicable cells in which some cells are then changed to any value a cell may hold.
"""

from __future__ import annotations

from operator import attrgetter

import attrs
import hypothesis.strategies as st

from hypothesis import given

from disclosure_report import testing
from disclosure_report.checks import Finding, check
from disclosure_report.checks._balance import Operand, balance, proven
from disclosure_report.checks._rows import row_reader, table_rows
from disclosure_report.checks._rules import rule_by_id
from disclosure_report.model import (
    BLANK,
    NOT_APPLICABLE_SYMBOLS,
    ApplicantCounts,
    CellAddress,
    NotApplicable,
    Report2019,
    Report2021,
    cell_values,
)


Report = Report2019 | Report2021

_RULES = {
    version: tuple(rule_by_id(f"{version}.{name}") for name in ("T3.F1", "T3.I1", "T3.I2", "T4.I4"))
    for version in ("2019", "2021")
}

cell_value = st.one_of(
    st.integers(min_value=0, max_value=60),
    st.just(BLANK),
    st.sampled_from(sorted(NOT_APPLICABLE_SYMBOLS)).map(lambda s: NotApplicable(symbol=s)),
)


# Small counts, so that a changed cell often makes a sum off by exactly one.
_SMALL = st.integers(min_value=0, max_value=3)
_SMALL_TABLE_4 = testing.reconsideration_and_litigation(
    case_outcomes=testing.case_outcomes(counts=_SMALL, marks=True), marks=True
)
small_reports = st.one_of(
    testing.reports(
        "2019",
        applications=testing.applications("2019", counts=_SMALL, marks=True),
        reconsideration_and_litigation=_SMALL_TABLE_4,
        marks=True,
    ),
    testing.reports(
        "2021",
        applications=testing.applications("2021", counts=_SMALL, marks=True),
        reconsideration_and_litigation=_SMALL_TABLE_4,
        marks=True,
    ),
)


def _with_cells(report: Report, changes: dict[CellAddress, object]) -> Report:
    sections = {2: "active_disclosure", 3: "applications", 4: "reconsideration_and_litigation"}

    def replace(obj: object, names: list[str], value: object) -> object:
        name, *rest = names
        new = value if not rest else replace(getattr(obj, name), rest, value)
        return attrs.evolve(obj, **{name: new})  # type: ignore[misc]

    for address, value in changes.items():
        names = [sections[address.table], *address.row.split("."), address.column]
        report = replace(report, names, value)  # type: ignore[assignment]
    return report


def _changed(old: object, new: object) -> object:
    """*new*, or *old* moved by the delta of a ``("shift", delta)`` (never below 0)."""
    if type(new) is not tuple:
        return new
    return max(0, old + new[1]) if type(old) is int else old


def _slow_findings(report: Report) -> list[Finding]:
    """F1, I1, I2 and I4, each rule evaluated by ``balance`` on every row or column."""
    values = {spec.address: value for spec, value in cell_values(report)}
    f1, i1, i2, i4 = _RULES[report.format_version]

    def operands(cells: list[CellAddress]) -> tuple[Operand, ...]:
        return tuple((cell, values[cell]) for cell in cells)

    rows3 = dict(table_rows(type(report), 3))
    columns = [cell.column for cell in rows3["new_received"]]
    leaves = [row for row in rows3 if row.startswith("outcomes.") and row != "outcomes.total"]

    def t3(row: str, column: str) -> CellAddress:
        return CellAddress(3, row, column)

    found = [
        *(
            balance(
                f1,
                operands([t3("new_received", column), t3("carried_over", column)]),
                operands([t3("outcomes.total", column), t3("carried_forward", column)]),
                actual_first=False,
            )
            for column in columns
        ),
        *(
            balance(i1, operands(list(cells[:-1])), operands([cells[-1]]), actual_first=True)
            for cells in rows3.values()
        ),
        *(
            balance(
                i2,
                operands([t3(row, column) for row in leaves]),
                operands([t3("outcomes.total", column)]),
                actual_first=True,
            )
            for column in columns
        ),
        *(
            balance(i4, operands(list(cells[:-1])), operands([cells[-1]]), actual_first=True)
            for _, cells in table_rows(type(report), 4)
        ),
    ]
    return [finding for finding in found if finding is not None]


@given(st.one_of(testing.reports(marks=True), small_reports), st.data())
def test_table_checks_agree_with_balance_rule_by_rule(report: Report, data: st.DataObject) -> None:
    values = {
        spec.address: value for spec, value in cell_values(report) if spec.address.table in {3, 4}
    }
    # A new value, or the old count moved by a little, so that a sum is off by exactly one.
    shift = st.integers(min_value=-2, max_value=2).map(lambda delta: ("shift", delta))
    drawn = data.draw(
        st.dictionaries(st.sampled_from(sorted(values)), st.one_of(cell_value, shift), max_size=6),
        label="changes",
    )
    changes = {address: _changed(values[address], new) for address, new in drawn.items()}
    changed = _with_cells(report, changes)

    tables = [f for f in check(changed) if ".T3." in f.rule or ".T4." in f.rule]

    assert tables == _slow_findings(changed)


# Mostly zeros, so that the known numbers of a long column often just reach its total.
small_cell = st.one_of(
    st.just(0), st.just(0), st.just(0), _SMALL, st.just(BLANK), st.just(NotApplicable(symbol="/"))
)


@given(testing.reports(), st.data())
def test_table_checks_agree_with_balance_on_tables_of_any_cells(
    report: Report, data: st.DataObject
) -> None:
    """Every cell of tables 3 and 4 drawn on its own: most rules break, some only provably."""
    cells = [spec.address for spec, _ in cell_values(report) if spec.address.table in {3, 4}]
    drawn = data.draw(st.lists(small_cell, min_size=len(cells), max_size=len(cells)))
    changed = _with_cells(report, dict(zip(cells, drawn, strict=True)))

    tables = [f for f in check(changed) if ".T3." in f.rule or ".T4." in f.rule]

    assert tables == _slow_findings(changed)


@given(
    st.lists(st.one_of(cell_value, st.integers(min_value=0, max_value=10**30)), max_size=8),
    st.lists(st.one_of(cell_value, st.integers(min_value=0, max_value=10**30)), max_size=8),
)
def test_proven_is_whether_balance_finds_the_rule_broken(
    expected: list[object], actual: list[object]
) -> None:
    cell = CellAddress(3, "new_received", "total")
    found = balance(
        rule_by_id("2021.T3.F1"),
        [(cell, value) for value in expected],
        [(cell, value) for value in actual],
        actual_first=False,
    )

    assert proven(expected, actual) is (found is not None)


@given(testing.applications("2021", marks=True))
def test_row_reader_reads_what_attrgetter_reads(applications: object) -> None:
    paths = [path for path, _ in table_rows(Report2021, 3)]
    columns = tuple(field.name for field in attrs.fields(ApplicantCounts))
    rows = attrgetter(*paths)(applications)

    read = row_reader([(path, columns) for path in paths])(applications)

    assert read == [attrgetter(*columns)(row) for row in rows]
