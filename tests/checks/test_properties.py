"""Properties over generated reports (``disclosure_report.testing``).

A generated report balances by construction, so it has no error finding, also when some cells are
blank or not applicable. Changing any one count of table 3 or 4 breaks a rule, and the finding
names the changed cell.
"""

from __future__ import annotations

import attrs
import hypothesis.strategies as st

from hypothesis import given

from disclosure_report import testing
from disclosure_report.checks import Severity, check
from disclosure_report.model import (
    TABLE_SECTIONS,
    CellAddress,
    Report2019,
    Report2021,
    cell_values,
)


Report = Report2019 | Report2021


def with_cell(report: Report, address: CellAddress, value: int) -> Report:
    names = [TABLE_SECTIONS[address.table], *address.row.split("."), address.column]

    def replace(obj: object, names: list[str]) -> object:
        name, *rest = names
        new = value if not rest else replace(getattr(obj, name), rest)
        return attrs.evolve(obj, **{name: new})  # type: ignore[misc]

    return replace(report, names)  # type: ignore[return-value]


@given(testing.reports(marks=True))
def test_a_generated_report_has_no_error_finding(report: Report) -> None:
    assert [f for f in check(report) if f.severity is Severity.ERROR] == []


@given(testing.reports())
def test_a_generated_report_without_marks_has_no_finding(report: Report) -> None:
    assert check(report) == ()


@given(testing.reports(), st.data())
def test_changing_any_count_of_table_3_or_4_is_found(report: Report, data: st.DataObject) -> None:
    counts = [
        (spec.address, value)
        for spec, value in cell_values(report)
        if spec.address.table in {3, 4} and type(value) is int
    ]
    address, value = data.draw(st.sampled_from(counts), label="cell")
    new = data.draw(
        st.integers(min_value=0, max_value=value + 1000).filter(lambda n: n != value),
        label="new value",
    )

    findings = check(with_cell(report, address, new))

    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert errors, f"changing {address} from {value} to {new} was not found"
    # The report balanced before, so every error involves the changed cell.
    assert all(address in f.cells for f in errors)
