"""Properties of the whole library on generated reports (issue 2, point 6).

- a generated report has no error finding, with or without blank and not-applicable cells;
- changing any one count of table 三 or 四 breaks a rule, and the finding names that cell;
- dict and JSON round trips are lossless;
- ``from_dict`` on any JSON-like input returns a report or raises ``InvalidReportError``.
"""

from __future__ import annotations

import copy
import json

from typing import Any

import attrs
import hypothesis.strategies as st

from hypothesis import given

from disclosure_report import (
    TABLE_SECTIONS,
    CellSpec,
    InvalidReportError,
    Report2019,
    Report2021,
    cell_values,
    table_layout,
    testing,
)
from disclosure_report.checks import Finding, Severity, check
from disclosure_report.serialize import from_dict, from_json, to_dict, to_json


Report = Report2019 | Report2021

EXPECTED_RULES = {3: ("F1", "I1", "I2"), 4: ("I4",)}
"""The rules that a changed count of table 三 or 四 can break."""

ANY_REPORT = testing.reports() | testing.reports(marks=True)

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=10)
    | st.decimals(allow_nan=False, allow_infinity=False).map(str)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def errors(report: Report) -> list[Finding]:
    return [f for f in check(report) if f.severity == Severity.ERROR]


def replace_cell(report: Report, spec: CellSpec, value: object) -> Report:
    """*report* with the cell at *spec* set to *value* (validated like any other report)."""
    names = (TABLE_SECTIONS[spec.address.table], *spec.names)
    changed: Report = replace_at(report, names, value)
    return changed


def replace_at(obj: Any, names: tuple[str, ...], value: object) -> Any:
    head, *rest = names
    new = replace_at(getattr(obj, head), tuple(rest), value) if rest else value
    return attrs.evolve(obj, **{head: new})


def json_path(keys: tuple[str, ...]) -> str:
    return "$" + "".join(f".{key}" for key in keys)


def dict_nodes(data: dict[str, Any], keys: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The key paths of every dict in *data*, itself included."""
    paths = [keys]
    for key, value in data.items():
        if isinstance(value, dict):
            paths.extend(dict_nodes(value, (*keys, key)))
    return paths


def value_paths(data: dict[str, Any], keys: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The key paths of every value in *data* (dicts and leaves)."""
    paths = []
    for key, value in data.items():
        paths.append((*keys, key))
        if isinstance(value, dict):
            paths.extend(value_paths(value, (*keys, key)))
    return paths


def node(data: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        data = data[key]
    return data


def canonical(data: object) -> str:
    """JSON text that tells 1 from 1.0 and from True, for exact comparisons."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


# No error finding ------------------------------------------------------------------------


@given(ANY_REPORT)
def test_generated_reports_have_no_error_finding(report: Report) -> None:
    """Both versions (drawn alike), with and without blank and not-applicable cells."""
    assert errors(report) == []


@given(testing.reports())
def test_generated_reports_without_marks_have_no_warning_either(report: Report) -> None:
    """The strategies also meet the format's guidance (X4, the overview's length, 信息处理费)."""
    assert check(report) == ()


# Changing one count ----------------------------------------------------------------------


@given(testing.reports(), st.data())
def test_changing_one_count_of_table_3_or_4_breaks_a_rule_there(
    report: Report, data: st.DataObject
) -> None:
    specs = [s for s in table_layout(type(report)) if s.address.table in EXPECTED_RULES]
    spec = data.draw(st.sampled_from(specs), label="cell")
    value = {s.address: v for s, v in cell_values(report)}[spec.address]
    assert type(value) is int
    magnitude = data.draw(st.integers(min_value=1, max_value=1000), label="magnitude")
    lower = magnitude <= value and data.draw(st.booleans(), label="lower")
    changed = replace_cell(report, spec, value - magnitude if lower else value + magnitude)

    found = errors(changed)

    table = spec.address.table
    rules = {f"{report.format_version}.T{table}.{rule}" for rule in EXPECTED_RULES[table]}
    assert found, f"changing {spec.address} by {magnitude} broke no rule"
    for finding in found:
        # Only one cell changed: every rule now broken involves it.
        assert finding.rule in rules, finding
        assert spec.address in finding.cells, finding
    assert check(changed) == tuple(found)  # and no warning comes with them


# Round trips -----------------------------------------------------------------------------


@given(ANY_REPORT)
def test_dict_round_trip_is_lossless(report: Report) -> None:
    data = to_dict(report)
    assert from_dict(data) == report
    assert canonical(to_dict(from_dict(copy.deepcopy(data)))) == canonical(data)


@given(ANY_REPORT)
def test_json_round_trip_is_lossless(report: Report) -> None:
    text = to_json(report)
    assert from_json(text) == report
    assert from_json(text.encode()) == report
    assert json.loads(text) == to_dict(report)


# from_dict on arbitrary input ------------------------------------------------------------


def from_dict_or_error(data: object) -> Report | InvalidReportError:
    """``from_dict(data)``, or the InvalidReportError it raised; any other exception fails."""
    try:
        return from_dict(data)
    except InvalidReportError as error:
        failure = error
    assert failure.problems
    return failure


@given(JSON_VALUES)
def test_from_dict_on_any_json_value_returns_a_report_or_raises(data: object) -> None:
    result = from_dict_or_error(data)
    assert isinstance(result, InvalidReportError)


@given(
    st.fixed_dictionaries(
        {"format_version": st.sampled_from(["2019", "2021"]) | JSON_SCALARS},
        optional={
            name: JSON_VALUES for name in attrs.fields_dict(Report2021) if name != "format_version"
        },
    )
)
def test_from_dict_on_report_shaped_junk_raises(data: dict[str, Any]) -> None:
    result = from_dict_or_error(data)
    assert isinstance(result, InvalidReportError)


@given(ANY_REPORT, st.data())
def test_from_dict_rejects_an_unknown_key_anywhere(report: Report, data: st.DataObject) -> None:
    mutated = to_dict(report)
    keys = data.draw(st.sampled_from(dict_nodes(mutated)), label="where")
    name = "unknown_" + data.draw(st.text("abcdefghijklmnopqrstuvwxyz_", max_size=8))
    node(mutated, keys)[name] = data.draw(JSON_VALUES, label="value")

    result = from_dict_or_error(mutated)

    assert isinstance(result, InvalidReportError)
    assert json_path((*keys, name)) in {p.path for p in result.problems}


@given(ANY_REPORT, st.data())
def test_from_dict_without_a_key_needs_its_default(report: Report, data: st.DataObject) -> None:
    """A dropped key is an error unless its field has a default, which the report then has."""
    mutated = to_dict(report)
    keys = data.draw(st.sampled_from(value_paths(mutated)), label="dropped")
    *parent_keys, name = keys
    del node(mutated, tuple(parent_keys))[name]
    parent = report
    for key in parent_keys:
        parent = getattr(parent, key)
    default = attrs.fields_dict(type(parent))[name].default

    result = from_dict_or_error(mutated)

    if default is attrs.NOTHING or keys == ("format_version",):
        assert isinstance(result, InvalidReportError)
        assert json_path(keys) in {p.path for p in result.problems}
    else:
        assert result == replace_at(report, keys, default)


@given(ANY_REPORT, st.data())
def test_from_dict_with_any_value_replaced_returns_a_report_or_raises(
    report: Report, data: st.DataObject
) -> None:
    mutated = to_dict(report)
    keys = data.draw(st.sampled_from(value_paths(mutated)), label="replaced")
    *parent_keys, name = keys
    node(mutated, tuple(parent_keys))[name] = data.draw(JSON_VALUES, label="value")

    result = from_dict_or_error(copy.deepcopy(mutated))

    if not isinstance(result, InvalidReportError):
        # What was accepted is exactly what is written back: nothing was coerced.
        assert canonical(to_dict(result)) == canonical(mutated)
