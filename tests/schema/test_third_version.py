"""The JSON Schema of a format version registered after import (issue 12).

The version ``"2099"`` is defined in ``tests/conftest.py`` (fixture ``third_version``).
``to_dict`` does not know it yet (serialize is moving onto the registry separately), so its
reports are turned into interchange dicts here, by a walk that gives what ``to_dict`` gives for
the built-in versions (checked below).
"""

from __future__ import annotations

import datetime as dt
import enum

from typing import Any

import attrs
import jsonschema
import pytest

from hypothesis import given, settings

from disclosure_report import (
    BLANK,
    Amount,
    NotApplicable,
    UnknownFormatVersionError,
    testing,
    to_dict,
)
from disclosure_report.cli import main
from disclosure_report.model import (
    FormatVersion,
    register_format_version,
    unregister_format_version,
)
from disclosure_report.schema import json_schema


def interchange(value: Any) -> Any:  # noqa: PLR0911 (one return per kind of value)
    """The interchange form of a report or a part of one, as ``to_dict`` writes it."""
    if value is BLANK or value is None:
        return None
    if type(value) is NotApplicable:
        return value.symbol
    if type(value) is Amount:
        unit = None if value.unit is None else value.unit.value
        return {"value": format(value.value, "f"), "unit": unit}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if attrs.has(type(value)):
        return {f.name: interchange(getattr(value, f.name)) for f in attrs.fields(type(value))}
    return value


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@settings(max_examples=20)
@given(testing.reports() | testing.reports(marks=True))
def test_the_walk_writes_what_to_dict_writes(report: Any) -> None:
    assert interchange(report) == to_dict(report)


def test_a_generated_report_of_the_third_version_validates(third_version: FormatVersion) -> None:
    one = validator(json_schema("2099"))
    every = validator(json_schema())

    @settings(max_examples=20, database=None)
    @given(testing.reports("2099", marks=True))
    def check(report: Any) -> None:
        data = interchange(report)
        assert list(one.iter_errors(data)) == []
        assert list(every.iter_errors(data)) == []
        del data["applications"]["outcomes"]["referred"]
        assert not one.is_valid(data)
        assert not every.is_valid(data)

    check()


def test_the_schema_of_the_third_version_is_its_own(third_version: FormatVersion) -> None:
    schema = json_schema("2099")
    defs = schema["$defs"]
    assert schema["title"] == "Annual report on open government information, 2099 format"
    assert defs["Report2099"]["title"] == third_version.name.english
    outcomes = defs["Outcomes2099"]["properties"]
    assert outcomes["referred"]["title"] == "(6a) Referred to the competent organ"
    assert outcomes["granted"]["title"] == "(1) Granted in full"
    # A 2021 report is not one of this version.
    assert defs["Report2099"]["properties"]["format_version"] == {
        "title": "Format version",
        "const": "2099",
    }


def test_without_a_version_the_schema_joins_every_registered_one(
    third_version: FormatVersion,
) -> None:
    schema = json_schema()
    assert schema["properties"]["format_version"]["enum"] == ["2019", "2021", "2099"]
    assert {"Report2019", "Report2021", "Report2099"} <= set(schema["$defs"])
    # The built-in versions' definitions are as they were: the relabelling is 2099's only.
    granted = schema["$defs"]["Outcomes_OtherHandling"]["properties"]["granted"]["title"]
    assert granted == "(1) Disclosed"


def test_the_third_version_leaves_no_trace_once_unregistered(
    third_version: FormatVersion,
) -> None:
    with_it = json_schema()
    unregister_format_version(third_version.id)
    try:
        without = json_schema()
    finally:
        register_format_version(third_version)
    assert "Report2099" in with_it["$defs"]
    assert "Report2099" not in without["$defs"]
    assert without["properties"]["format_version"]["enum"] == ["2019", "2021"]


def test_an_unknown_version_names_the_registered_ones(third_version: FormatVersion) -> None:
    with pytest.raises(UnknownFormatVersionError, match="'2019', '2021', '2099'"):
        json_schema("2098")


def test_the_command_offers_the_third_version(
    third_version: FormatVersion, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "--format-version", "2099", "--indent", "0"]) == 0
    assert '"const": "2099"' in capsys.readouterr().out
