"""The public API's types, pinned: mypy checks these ``assert_type`` calls in CI (``mypy``).

They also run under pytest, where ``assert_type`` does nothing, so each test needs only to run.
A change to a signature that would break a user's type-checked code fails here first.
"""

from __future__ import annotations

from pathlib import Path
from typing import assert_type

import attrs

from disclosure_report import (
    ApplicantCounts,
    Applications,
    Finding,
    OtherHandling,
    ReadResult,
    Report,
    Report2019,
    Report2021,
    __version__,
    check,
    from_dict,
    from_json,
    read,
    render,
    to_dict,
    to_json,
)


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"


def test_from_json_gives_a_report_of_either_version() -> None:
    report = from_json(EXAMPLE.read_bytes())

    assert_type(report, Report)
    assert_type(report, Report2019 | Report2021)


def test_from_json_with_a_version_narrows_the_type() -> None:
    report = from_json(EXAMPLE.read_bytes(), version=Report2021)

    assert_type(report, Report2021)
    assert_type(report.applications, Applications[OtherHandling])
    # With the class known, evolve type-checks without an isinstance:
    changed = attrs.evolve(report, applications=report.applications)
    assert_type(changed, Report2021)


def test_from_dict_with_a_version_narrows_the_type() -> None:
    data = to_dict(from_json(EXAMPLE.read_bytes()))

    assert_type(from_dict(data), Report)
    assert_type(from_dict(data, version=Report2021), Report2021)


def test_a_2019_report_has_plain_rows_for_other_handling() -> None:
    def narrowed(text: str) -> None:
        report = from_json(text, version=Report2019)
        assert_type(report.applications, Applications[ApplicantCounts])

    assert callable(narrowed)


def test_check_gives_a_tuple_of_findings() -> None:
    report = from_json(EXAMPLE.read_bytes(), version=Report2021)

    assert_type(check(report), tuple[Finding, ...])
    assert_type(report.check(), tuple[Finding, ...])


def test_read_gives_a_result_holding_a_report() -> None:
    result = read("一、总体情况\n")

    assert_type(result, ReadResult)
    assert_type(result.report, Report)


def test_writers_give_text_and_dicts() -> None:
    report = from_json(EXAMPLE.read_bytes())

    assert_type(to_json(report), str)
    assert_type(render(report, to="md"), str)
    assert_type(__version__, str)
