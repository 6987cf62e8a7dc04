"""The JSON Schema of the interchange format (issue 4, point 3).

The schema must accept every dict that ``from_dict`` accepts (so a dict that the schema rejects is
rejected by the library too), reject the usual mistakes, and be derived from the model: every
table cell of every version sits in it at its address, with its kind and label.
"""

from __future__ import annotations

import copy
import json

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import jsonschema
import pytest

from hypothesis import given, settings

from disclosure_report import (
    FORMAT_VERSIONS,
    TABLE_SECTIONS,
    CellKind,
    InvalidReportError,
    Report2019,
    Report2021,
    table_layout,
    testing,
)
from disclosure_report.cli import main
from disclosure_report.model import FIRST_YEAR
from disclosure_report.schema import DIALECT, json_schema
from disclosure_report.serialize import from_dict, to_dict


Report = Report2019 | Report2021

EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"
VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)

ANY_REPORT = testing.reports() | testing.reports(marks=True)


def full_reports(version: str) -> st.SearchStrategy[Report]:
    """Reports with a processing-fee record, so that every class of the version is in the dict."""
    fees = testing.processing_fees(applications=st.none() | testing.counts())
    strategy: st.SearchStrategy[Report] = testing.reports(
        version,
        other_matters=testing.other_matters(version, processing_fees=fees),
        marks=True,
    )
    return strategy


def accepted_by_library(data: object) -> bool:
    try:
        from_dict(data)
    except InvalidReportError:
        return False
    return True


def at(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def object_paths(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every JSON object inside *data*, *data* included."""
    if isinstance(data, dict):
        yield path
        for key, value in data.items():
            yield from object_paths(value, (*path, key))


def leaf_paths(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every value inside *data* that is not an object."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaf_paths(value, (*path, key))
    else:
        yield path


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


# --- the schema itself ---------------------------------------------------------------------------


def test_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)
    for version in FORMAT_VERSIONS:
        jsonschema.Draft202012Validator.check_schema(json_schema(version))


def test_is_json_and_a_new_dict_each_time() -> None:
    schema = json_schema()
    assert json.loads(json.dumps(schema)) == schema
    schema["$defs"].clear()
    assert json_schema()["$defs"]


def test_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError, match="2020"):
        json_schema("2020")


@pytest.mark.parametrize("report_class", [Report2019, Report2021])
def test_every_table_cell_is_in_the_schema_with_its_kind_and_label(
    report_class: type[Report],
) -> None:
    schema = json_schema()
    report = resolve(schema, {"$ref": f"#/$defs/{report_class.__name__}"})
    expected_def = {
        CellKind.COUNT: "#/$defs/Count",
        CellKind.SIGNED_COUNT: "#/$defs/SignedCount",
        CellKind.AMOUNT: "#/$defs/AmountCell",
    }
    layout = table_layout(report_class)
    for spec in layout:
        node = report["properties"][TABLE_SECTIONS[spec.address.table]]
        for name in spec.names:
            node = resolve(schema, node)["properties"][name]
        assert node["$ref"] == expected_def[spec.kind], spec.address
        assert node["title"] == spec.column_label.english
    # And nothing else: the table objects hold exactly the cells of the layout.
    cells = {(spec.address.table, *spec.names) for spec in layout}

    def walk(node: dict[str, Any], path: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
        node = resolve(schema, node)
        if node.get("type") != "object":
            yield path
            return
        for name, child in node["properties"].items():
            yield from walk(child, (*path, name))

    found = {
        leaf
        for table, section in TABLE_SECTIONS.items()
        for leaf in walk(report["properties"][section], (table,))
    }
    assert found == cells


def test_format_version_decides_between_the_versions() -> None:
    schema = json_schema()
    assert "format_version" in schema["required"]
    assert schema["properties"]["format_version"]["enum"] == list(FORMAT_VERSIONS)
    for branch in schema["allOf"]:
        version = branch["if"]["properties"]["format_version"]["const"]
        report = resolve(schema, branch["then"])
        assert report["properties"]["format_version"] == {
            "title": "Format version",
            "const": version,
        }
        assert "format_version" in report["required"]
    assert len(schema["allOf"]) == len(FORMAT_VERSIONS)


def test_errors_are_reported_where_they_are() -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["applications"]["new_received"]["natural_persons"] = -1
    data["metadata"]["lang"] = "zh"
    paths = sorted(error.json_path for error in VALIDATOR.iter_errors(data))
    assert paths == ["$.applications.new_received.natural_persons", "$.metadata"]


# --- valid reports validate ------------------------------------------------------------------------


def test_the_example_report_validates() -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    VALIDATOR.validate(data)
    version = data["format_version"]
    other = next(v for v in FORMAT_VERSIONS if v != version)
    assert jsonschema.Draft202012Validator(json_schema(version)).is_valid(data)
    assert not jsonschema.Draft202012Validator(json_schema(other)).is_valid(data)


@given(ANY_REPORT)
def test_generated_reports_validate(report: Report) -> None:
    data = to_dict(report)
    VALIDATOR.validate(data)
    own = jsonschema.Draft202012Validator(json_schema(report.format_version))
    assert own.is_valid(data)


# --- mistakes are rejected, by the schema and by the library -----------------------------------------

CELL_3 = ("applications", "outcomes", "withheld", "state_secret", "natural_persons")
CELL_4 = ("reconsideration_and_litigation", "reconsideration", "total")
MONEY = ("active_disclosure", "article_20_8", "administrative_fees", "amount")


def _set(path: tuple[str, ...], value: object) -> Any:
    def mutate(data: dict[str, Any]) -> None:
        at(data, path[:-1])[path[-1]] = value

    return mutate


def _delete(path: tuple[str, ...]) -> Any:
    def mutate(data: dict[str, Any]) -> None:
        del at(data, path[:-1])[path[-1]]

    return mutate


MUTATIONS = {
    "count as a string": _set(CELL_3, "5"),
    "count as a boolean": _set(CELL_4, True),
    "count as a fraction": _set(CELL_4, 1.5),
    "negative count": _set(CELL_3, -1),
    "unknown mark": _set(CELL_3, "x"),
    "unknown key at the top": _set(("lang",), "zh"),
    "unknown key in a row": _set((*CELL_3[:-1], "foreigners"), 0),
    "missing key": _delete(CELL_4),
    "missing section": _delete(("applications",)),
    "missing format version": _delete(("format_version",)),
    "bad format version": _set(("format_version",), "2020"),
    "format version as a number": _set(("format_version",), 2021),
    "float money": _set((*MONEY, "value"), 5949.09),
    "money in exponent notation": _set((*MONEY, "value"), "1E+3"),
    "negative money": _set((*MONEY, "value"), "-1"),
    "money as a bare number": _set(MONEY, 12),
    "unknown unit": _set((*MONEY, "unit"), "yuan"),
    "money without unit key": _delete((*MONEY, "unit")),
    "year too early": _set(("metadata", "year"), FIRST_YEAR - 1),
    "year as a string": _set(("metadata", "year"), "2023"),
    "date in another notation": _set(("metadata", "published"), "2024/01/19"),
    "impossible date": _set(("metadata", "published"), "2024-02-30"),
    "unknown level": _set(("metadata", "level"), "city"),
    "text as a number": _set(("overview",), 1),
    "section as a list": _set(("other_matters",), []),
    "top level not an object": lambda data: data.clear(),
}


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_mistakes_are_rejected_by_the_schema_and_the_library(mutation: Any) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert VALIDATOR.is_valid(data)
    assert data["format_version"] == "2021"
    mutation(data)
    assert not VALIDATOR.is_valid(data)
    assert not accepted_by_library(data)


@pytest.mark.parametrize("year", [FIRST_YEAR, 2100])
def test_the_years_at_the_bounds_are_accepted_by_both(year: int) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["metadata"]["year"] = year
    assert VALIDATOR.is_valid(data)
    assert accepted_by_library(data)
    data["metadata"]["year"] = year + (1 if year == 2100 else -1)
    assert not VALIDATOR.is_valid(data)
    assert not accepted_by_library(data)


@settings(max_examples=5)
@given(st.sampled_from(FORMAT_VERSIONS).flatmap(full_reports))
def test_required_keys_are_exactly_those_the_library_requires(report: Report) -> None:
    data = to_dict(report)
    for path in object_paths(data):
        for key in at(data, path):
            broken = copy.deepcopy(data)
            del at(broken, path)[key]
            assert VALIDATOR.is_valid(broken) == accepted_by_library(broken), (*path, key)


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-3, max_value=3000)
    | st.floats()
    | st.text(max_size=6)
    | st.sampled_from(["/", "—", "万元", "元", "0", "1.50", "2024-01-19", "national", "2019"])
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)


@given(ANY_REPORT, st.data())
def test_what_the_schema_rejects_the_library_rejects(report: Report, data: st.DataObject) -> None:
    document = to_dict(report)
    paths = sorted(leaf_paths(document)) + sorted(object_paths(document))
    path = data.draw(st.sampled_from(paths))
    if data.draw(st.booleans()) or not path:
        key = data.draw(st.text(max_size=6))
        target = at(document, path if isinstance(at(document, path), dict) else path[:-1])
        target[key] = data.draw(JSON_VALUES)
    else:
        at(document, path[:-1])[path[-1]] = data.draw(JSON_VALUES)
    if not VALIDATOR.is_valid(document):
        assert not accepted_by_library(document)
    else:
        # The converse holds too, but for what JSON Schema cannot tell apart (docs/schema.md).
        integral_floats = any(
            type(leaf) is float and leaf.is_integer()
            for leaf in (at(document, p) for p in leaf_paths(document))
        )
        if not integral_floats:
            assert accepted_by_library(document)


# --- command line ------------------------------------------------------------------------------------


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["schema", *argv]) == 0
    return capsys.readouterr().out


def test_cli_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys=capsys)
    assert json.loads(out) == json_schema()
    assert out.splitlines()[1].startswith('  "$schema"')


def test_cli_indent_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    out = run("--indent", "0", "--format-version", "2019", capsys=capsys)
    assert out.count("\n") == 1
    assert json.loads(out) == json_schema("2019")


def test_cli_takes_no_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["schema", str(EXAMPLE)])
    assert "unrecognized arguments" in capsys.readouterr().err
