"""A format version defined only in the tests works end to end, with no change to ``src/`` (issue 12).

The version ``"2099"`` of ``tests/conftest.py`` (fixture ``third_version``) is the 2021 format
with one more row in table 三, (6a) ``outcomes.referred``, and the shared row ``granted``
labelled differently. Registered, it is checked (rule ids ``2099.*``, I2 adding up the new row),
serialized, rendered and read back, flattened into tidy records and checked across years; the
layout, the strategies and the JSON Schema have tests of their own (tests/render, tests/schema,
tests/test_strategies.py, tests/reading/test_registry.py).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from disclosure_report import (
    ApplicantCounts,
    CellAddress,
    UnknownFormatVersionError,
    check,
    from_dict,
    from_json,
    read,
    render,
    testing,
    to_dict,
    to_json,
)
from disclosure_report.checks import rule_by_id, rules_of
from disclosure_report.many import check_series, records, sum_reports
from disclosure_report.model import FormatVersion, Metadata, cell_values, register_format_version
from disclosure_report.model import unregister_format_version as unregister


QUICK = settings(
    max_examples=15, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
REFERRED = "outcomes.referred"


def _reports(*, marks: bool) -> st.SearchStrategy[Any]:
    """Reports of 2099, drawn while the fixture has it registered (resolved on first draw)."""
    return st.deferred(lambda: testing.reports(version="2099", marks=marks))


def _with_cell(report: Any, address: CellAddress, value: object) -> Any:
    section = {2: "active_disclosure", 3: "applications", 4: "reconsideration_and_litigation"}
    names = [section[address.table], *address.row.split("."), address.column]

    def evolve(obj: Any, names: list[str]) -> Any:
        name, *rest = names
        return attrs.evolve(obj, **{name: value if not rest else evolve(getattr(obj, name), rest)})

    return evolve(report, names)


def test_its_rules_come_from_its_entry(third_version: FormatVersion) -> None:
    rules = rules_of(third_version)

    assert [rule.id for rule in rules] == [f"2099.{name}" for name in third_version.rules]
    assert all(rule.version == "2099" for rule in rules)
    assert rule_by_id("2099.T3.I2").formula == rule_by_id("2021.T3.I2").formula


@QUICK
@given(report=_reports(marks=True))
def test_balanced_reports_have_no_findings(third_version: FormatVersion, report: Any) -> None:
    # marks=True: blank and not-applicable cells too, which the rules treat as unknown
    assert [f for f in check(report) if ".T" in f.rule] == []


@QUICK
@given(report=_reports(marks=False))
def test_a_changed_cell_of_the_new_row_breaks_i1_and_i2_with_that_cell(
    third_version: FormatVersion, report: Any
) -> None:
    cell = CellAddress(3, REFERRED, "natural_persons")
    broken = _with_cell(report, cell, report.applications.outcomes.referred.natural_persons + 1)

    findings = check(broken)
    rules = {f.rule: f for f in findings}

    assert {"2099.T3.I1", "2099.T3.I2"} <= set(rules)
    assert cell in rules["2099.T3.I1"].cells
    assert cell in rules["2099.T3.I2"].cells
    assert rules["2099.T3.I2"].cells[0] == CellAddress(3, "outcomes.total", "natural_persons")
    assert all(f.rule.startswith("2099.") for f in findings)
    assert rules["2099.T3.I2"].message("zh_Hans")  # labels of its own version


@QUICK
@given(report=_reports(marks=True))
def test_dict_and_json_round_trips_are_exact(third_version: FormatVersion, report: Any) -> None:
    data = to_dict(report)

    assert data["format_version"] == "2099"
    assert REFERRED.split(".")[1] in data["applications"]["outcomes"]
    assert from_dict(data) == report
    assert from_json(to_json(report)) == report


@QUICK
@given(report=_reports(marks=False))
def test_its_rendering_reads_back(third_version: FormatVersion, report: Any) -> None:
    for to in ("md", "html"):
        result = read(render(report, to=to), kind="html" if to == "html" else "text")

        assert type(result.report) is third_version.report_class
        assert list(cell_values(result.report)) == list(cell_values(report))


@QUICK
@given(report=_reports(marks=True))
def test_tidy_records_hold_its_cells(third_version: FormatVersion, report: Any) -> None:
    flat = list(records([report], locale="en"))

    assert len(flat) == len(third_version.table_layout())
    referred = [r for r in flat if r["row"] == REFERRED]
    assert len(referred) == len(attrs.fields(ApplicantCounts))  # one per applicant column
    assert {r["format_version"] for r in flat} == {"2099"}
    assert referred[0]["row_label"] == "(6a) Referred to the competent organ"


@QUICK
@given(report=_reports(marks=False), previous=testing.reports(version="2021", marks=False))
def test_x1_holds_from_2021_to_it(third_version: FormatVersion, report: Any, previous: Any) -> None:
    """X1 across versions: a generic formula, since 2099 words none for the pair."""
    report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, agency="某市"))
    previous = attrs.evolve(
        previous,
        metadata=attrs.evolve(report.metadata, year=report.metadata.year - 1),
        applications=attrs.evolve(
            previous.applications, carried_forward=report.applications.carried_over
        ),
    )
    assert check_series([previous, report]) == ()

    forward = previous.applications.carried_forward
    changed = attrs.evolve(forward, other=forward.other + 1, total=forward.total + 1)
    broken = attrs.evolve(
        previous, applications=attrs.evolve(previous.applications, carried_forward=changed)
    )
    rules = {f.rule for f in check_series([broken, report])}

    assert rules == {"2099.T3.X1.FROM2021"}
    assert "different format versions" in rule_by_id("2099.T3.X1.FROM2021").formula.english


@QUICK
@given(reports=st.lists(_reports(marks=False), min_size=1, max_size=3))
def test_reports_add_up_into_a_report_that_balances(
    third_version: FormatVersion, reports: list[Any]
) -> None:
    total = sum_reports(reports, agency="某某市", year=2099)

    assert type(total) is third_version.report_class
    assert [f for f in check(total) if ".T" in f.rule] == []
    assert total.applications.outcomes.referred.total == sum(
        r.applications.outcomes.referred.total for r in reports
    )


def test_once_unregistered_it_is_an_error_that_names_the_known_ones(
    third_version: FormatVersion,
) -> None:
    report = find(_reports(marks=True), lambda _: True, settings=settings(phases=[Phase.generate]))
    data = to_dict(report)
    unregister("2099")
    try:
        for call in (lambda: check(report), lambda: to_dict(report), lambda: from_dict(data)):
            with pytest.raises(UnknownFormatVersionError) as info:
                call()
            assert "2019" in str(info.value)
            assert "2021" in str(info.value)
    finally:
        register_format_version(third_version)


def test_its_report_class_takes_the_shared_methods(third_version: FormatVersion) -> None:
    """A registered class that derives from ``ReportMethods`` checks and edits itself."""
    report = third_version.report_class.blank(Metadata(agency="某市", year=2099))
    cell = CellAddress(3, REFERRED, "total")

    filled = report.replace(cell, 3).replace(CellAddress(3, REFERRED, "natural_persons"), 5)

    assert report.check() == check(report)
    assert filled.applications.outcomes.referred.total == 3
    # 5 natural persons already exceed the total of 3, whatever the blank columns hold.
    assert "2099.T3.I1" in {f.rule for f in filled.check()}
