"""The interchange format: its shape, exact round trips, and strict reading with JSON paths."""

from __future__ import annotations

import collections
import copy
import datetime as dt
import json
import math

from decimal import Decimal
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_report import testing
from disclosure_report.exceptions import InvalidReportError, Problem, UnknownFormatVersionError
from disclosure_report.model import (
    BLANK,
    MAX_COUNT,
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    AdministrativeLevel,
    Amount,
    ApplicantCounts,
    Applications,
    CaseOutcomes,
    Decisions2021,
    DocumentCounts2019,
    DocumentCounts2021,
    Documents2019,
    Documents2021,
    FeeAmount2021,
    FeeItems2019,
    Fees2019,
    Fees2021,
    ItemCounts2019,
    Licensing2019,
    Licensing2021,
    Metadata,
    NotApplicable,
    NotHandled,
    OtherHandling,
    OtherMatters,
    Outcomes,
    ProcessingFees,
    Procurement2019,
    ProcurementTotals2019,
    ReconsiderationAndLitigation,
    Report,
    Report2019,
    Report2021,
    Sanctions2019,
    Sanctions2021,
    UnableToProvide,
    Unit,
    Withheld,
    format_versions,
    is_count,
    table_layout,
)
from disclosure_report.serialize import (
    _fast,
    _structure_detailed,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from disclosure_report.serialize._converter import converter
from disclosure_report.serialize._leaves import (
    AMOUNT_EXPECTED,
    COUNT_EXPECTED,
    DATE_EXPECTED,
    DECIMAL_EXPECTED,
    MARK_CELLS,
    SIGNED_COUNT_EXPECTED,
)
from disclosure_report.serialize._steps import can_bypass_init


# --- reports built by hand -------------------------------------------------------------------


def _row(natural_persons: int, enterprises: int = 0) -> ApplicantCounts:
    return ApplicantCounts.from_parts(
        natural_persons=natural_persons, commercial_enterprises=enterprises
    )


def _litigation() -> ReconsiderationAndLitigation:
    return ReconsiderationAndLitigation(
        reconsideration=CaseOutcomes.from_parts(upheld=2, corrected=1, pending=1),
        litigation_direct=CaseOutcomes.blank(),
        litigation_after_reconsideration=CaseOutcomes(
            upheld=0, corrected=NotApplicable("—"), other=0, pending=0, total=0
        ),
    )


def report_2021() -> Report2021:
    """A 2021 report with every kind of cell: numbers, blanks, marks and money in 万元."""
    outcomes = Outcomes.from_parts(
        granted=_row(40, 3),
        partially_granted=_row(5),
        withheld=Withheld.from_parts(state_secret=_row(1), third_party_rights=_row(2)),
        unable_to_provide=UnableToProvide.from_parts(not_held=_row(7, 1)),
        not_handled=NotHandled.from_parts(repeated=_row(3)),
        other_handling=OtherHandling.from_parts(no_correction=_row(2), other=_row(0, 1)),
    )
    return Report2021(
        metadata=Metadata(
            agency="自治区机关事务管理局",
            year=2023,
            published=dt.date(2024, 1, 19),
            source_url="https://example.org/report",
            level=AdministrativeLevel.PROVINCIAL,
            region="宁夏回族自治区",
        ),
        overview="一、总体情况",
        active_disclosure=ActiveDisclosure2021(
            article_20_1=Documents2021(
                rules=DocumentCounts2021(issued=0, repealed=BLANK, in_force=3),
                normative_documents=DocumentCounts2021(
                    issued=2, repealed=NotApplicable("—"), in_force=17
                ),
            ),
            article_20_5=Licensing2021(licensing=Decisions2021(decisions=120)),
            article_20_6=Sanctions2021(
                penalties=Decisions2021(decisions=4),
                compulsory_measures=Decisions2021(decisions=NotApplicable("/")),
            ),
            article_20_8=Fees2021(
                administrative_fees=FeeAmount2021(
                    amount=Amount(value=Decimal("5949.088667"), unit=Unit.WAN_YUAN)
                )
            ),
        ),
        applications=Applications.from_parts(
            new_received=_row(60, 4), carried_over=_row(2, 1), outcomes=outcomes
        ),
        reconsideration_and_litigation=_litigation(),
        problems_and_improvements="五、存在的主要问题及改进情况",
        other_matters=OtherMatters(
            text="六、其他需要报告的事项",
            processing_fees=ProcessingFees(
                amount=Amount(value=Decimal(0), unit=Unit.YUAN), applications=0
            ),
        ),
    )


def report_2019() -> Report2019:
    """A 2019 report: signed changes, the procurement amount without a unit, no metadata extras."""
    items = ItemCounts2019(previous_items=10, change=-3, decisions=BLANK)
    outcomes = Outcomes.from_parts(
        granted=_row(9), withheld=Withheld.from_parts(), other_handling=_row(1)
    )
    return Report2019(
        metadata=Metadata(agency="某县人民政府", year=2020),
        overview="概述",
        active_disclosure=ActiveDisclosure2019(
            article_20_1=Documents2019(
                rules=DocumentCounts2019(newly_produced=1, newly_disclosed=1, total_disclosed=8),
                normative_documents=DocumentCounts2019(
                    newly_produced=NotApplicable("—"), newly_disclosed=0, total_disclosed=0
                ),
            ),
            article_20_5=Licensing2019(licensing=items, other_services=items),
            article_20_6=Sanctions2019(
                penalties=ItemCounts2019(previous_items=0, change=4, decisions=4),
                compulsory_measures=ItemCounts2019(
                    previous_items=BLANK, change=NotApplicable("-"), decisions=0
                ),
            ),
            article_20_8=Fees2019(administrative_fees=FeeItems2019(previous_items=2, change=0)),
            article_20_9=Procurement2019(
                centralized_procurement=ProcurementTotals2019(
                    projects=3, amount=Amount(value=Decimal("1234.50"), unit=None)
                )
            ),
        ),
        applications=Applications.from_parts(
            new_received=_row(10), carried_over=_row(0), outcomes=outcomes
        ),
        reconsideration_and_litigation=_litigation(),
        problems_and_improvements="问题",
        other_matters=OtherMatters(text="无"),
    )


HAND_BUILT = [report_2021(), report_2019()]


def _problems(data: object) -> tuple[Problem, ...]:
    with pytest.raises(InvalidReportError) as info:
        from_dict(data)
    return info.value.problems


def _only_problem(data: object) -> Problem:
    problems = _problems(data)
    assert len(problems) == 1, problems
    return problems[0]


def _valid() -> dict[str, Any]:
    return to_dict(report_2021())


# --- shape -----------------------------------------------------------------------------------


def test_dict_shape_of_a_2021_report() -> None:
    data = to_dict(report_2021())

    assert next(iter(data)) == "format_version"
    assert data["format_version"] == "2021"
    assert data["metadata"] == {
        "agency": "自治区机关事务管理局",
        "year": 2023,
        "published": "2024-01-19",
        "source_url": "https://example.org/report",
        "level": "provincial",
        "region": "宁夏回族自治区",
    }
    table = data["active_disclosure"]
    assert table["article_20_1"]["rules"] == {"issued": 0, "repealed": None, "in_force": 3}
    assert table["article_20_1"]["normative_documents"]["repealed"] == "—"
    assert table["article_20_6"]["compulsory_measures"] == {"decisions": "/"}
    assert table["article_20_8"]["administrative_fees"]["amount"] == {
        "value": "5949.088667",
        "unit": "万元",
    }
    assert data["applications"]["outcomes"]["withheld"]["state_secret"] == {
        "natural_persons": 1,
        "commercial_enterprises": 0,
        "research_institutions": 0,
        "public_interest_organizations": 0,
        "legal_service_providers": 0,
        "other": 0,
        "total": 1,
    }
    assert data["other_matters"]["processing_fees"] == {
        "amount": {"value": "0", "unit": "元"},
        "applications": 0,
    }


def test_dict_shape_of_a_2019_report() -> None:
    data = to_dict(report_2019())

    assert next(iter(data)) == "format_version"
    assert data["format_version"] == "2019"
    assert data["metadata"] == {
        "agency": "某县人民政府",
        "year": 2020,
        "published": None,
        "source_url": None,
        "level": None,
        "region": None,
    }
    assert data["active_disclosure"]["article_20_5"]["licensing"] == {
        "previous_items": 10,
        "change": -3,
        "decisions": None,
    }
    assert data["active_disclosure"]["article_20_9"]["centralized_procurement"]["amount"] == {
        "value": "1234.50",
        "unit": None,
    }
    assert data["applications"]["outcomes"]["other_handling"]["total"] == 1
    assert data["other_matters"] == {"text": "无", "processing_fees": None}


@pytest.mark.parametrize("report", HAND_BUILT, ids=["2021", "2019"])
def test_every_table_cell_is_at_its_address_path(report: Report) -> None:
    """Field names are the JSON keys and the codes of cell addresses: no mapping in between."""
    data = to_dict(report)
    specs = table_layout(type(report))

    for spec in specs:
        node: Any = data
        for key in spec.address.path.removeprefix("$.").split("."):
            node = node[key]
        assert node is None or isinstance(node, int | str | dict)
    assert len(specs) == (200 if report.format_version == "2021" else 198)


@pytest.mark.parametrize("report", HAND_BUILT, ids=["2021", "2019"])
def test_generated_code_writes_what_the_converter_writes(report: Report) -> None:
    assert to_dict(report) == converter().unstructure(report)


def test_to_dict_refuses_what_is_not_a_report() -> None:
    with pytest.raises(UnknownFormatVersionError, match="Report2019 or Report2021"):
        to_dict(Metadata(agency="x", year=2020))  # type: ignore[arg-type]


def test_amounts_are_written_exactly_in_plain_notation() -> None:
    def amount_of(value: str) -> Any:
        fees = FeeAmount2021(amount=Amount(value=Decimal(value), unit=Unit.WAN_YUAN))
        report = attrs.evolve(
            report_2021(),
            active_disclosure=attrs.evolve(
                report_2021().active_disclosure,
                article_20_8=Fees2021(administrative_fees=fees),
            ),
        )
        data = to_dict(report)
        assert from_dict(data) == report
        return data["active_disclosure"]["article_20_8"]["administrative_fees"]["amount"]["value"]

    assert amount_of("1E+3") == "1000"
    assert amount_of("1.5E-7") == "0.00000015"
    assert amount_of("0.10") == "0.10"
    assert amount_of("-0") == "0"
    assert amount_of("123456789012345678901234567890.000001") == (
        "123456789012345678901234567890.000001"
    )


def test_json_keeps_chinese_and_indents_on_request() -> None:
    text = to_json(report_2021())
    assert "自治区机关事务管理局" in text
    assert "\n" not in text
    indented = to_json(report_2021(), indent=2)
    assert indented.startswith('{\n  "format_version": "2021",\n  "metadata": {\n')
    assert json.loads(indented) == json.loads(text) == to_dict(report_2021())


# --- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize("report", HAND_BUILT, ids=["2021", "2019"])
def test_round_trips_of_hand_built_reports(report: Report) -> None:
    data = to_dict(report)

    assert from_dict(data) == report
    assert type(from_dict(data)) is type(report)
    assert hash(from_dict(data)) == hash(report)
    assert to_dict(from_dict(data)) == data
    assert from_json(to_json(report)) == report
    assert from_json(to_json(report, indent=4).encode()) == report
    assert from_json(to_json(report).encode("utf-16")) == report


@pytest.mark.parametrize("report", HAND_BUILT, ids=["2021", "2019"])
def test_fast_and_detailed_paths_build_the_same_report(report: Report) -> None:
    data = to_dict(report)
    assert _fast.structure(data) == _structure_detailed(data) == report


def test_optional_keys_may_be_omitted() -> None:
    data = _valid()
    for key in ("published", "source_url", "level", "region"):
        del data["metadata"][key]
    del data["other_matters"]["processing_fees"]

    report = from_dict(data)

    assert report.metadata == Metadata(agency="自治区机关事务管理局", year=2023)
    assert report.other_matters.processing_fees is None
    written = to_dict(report)
    assert written["metadata"]["published"] is None
    assert written["other_matters"]["processing_fees"] is None


def test_processing_fees_count_may_be_omitted() -> None:
    data = _valid()
    del data["other_matters"]["processing_fees"]["applications"]
    fees = from_dict(data).other_matters.processing_fees
    assert fees == ProcessingFees(amount=Amount(value=Decimal(0), unit=Unit.YUAN))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(testing.reports(marks=True))
def test_round_trips_of_generated_reports(report: Report) -> None:
    data = to_dict(report)

    assert from_dict(data) == report
    assert to_dict(from_dict(data)) == data
    assert from_json(to_json(report)) == report
    assert data == converter().unstructure(report)


# --- rejections, one at a time ----------------------------------------------------------------

CELL = "$.applications.outcomes.withheld.state_secret.natural_persons"


def _ident(value: object) -> str | None:
    """A test id for huge ints (which str() refuses); pytest's own for anything else."""
    if type(value) is int and value.bit_length() > 64:
        return f"int of {value.bit_length()} bits"
    return None


def _with_cell(value: object) -> dict[str, Any]:
    data = _valid()
    data["applications"]["outcomes"]["withheld"]["state_secret"]["natural_persons"] = value
    return data


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (True, "true (a boolean)"),
        (False, "false (a boolean)"),
        (1.0, "the number 1.0"),
        (2.5, "the number 2.5"),
        (-1, "the integer -1"),
        (MAX_COUNT + 1, "the integer 9007199254740992"),
        (10**5000, "the integer <an integer with too many digits to show>"),
        ("5", 'the string "5"'),
        ("x", 'the string "x"'),
        ({}, "an object with 0 keys"),
        ([1], "an array of 1 item"),
        (math.nan, "nan (not a finite number)"),
        (math.inf, "inf (not a finite number)"),
        (Decimal(5), "a Python Decimal object"),
    ],
    ids=_ident,
)
def test_a_count_must_be_a_non_negative_int_null_or_a_mark(value: object, got: str) -> None:
    assert _only_problem(_with_cell(value)) == Problem(CELL, COUNT_EXPECTED, got)


@pytest.mark.parametrize("value", [0, 7, MAX_COUNT, None, "/", "—", "-", "无"])
def test_a_count_cell_accepts_numbers_null_and_marks(value: object) -> None:
    report = from_dict(_with_cell(value))
    cell = report.applications.outcomes.withheld.state_secret.natural_persons
    expected = {None: BLANK}.get(value, value)  # type: ignore[call-overload]
    assert cell == (NotApplicable(value) if isinstance(value, str) else expected)


class _Str(str):
    """A str subclass: not what JSON gives, and not a mark."""

    __slots__ = ()


@pytest.mark.parametrize(
    "value",
    [
        0, 7, -1, None, "/", "—", "无", "?", "", _Str("/"), True, 1.0, [], {}, Decimal(1),
        MAX_COUNT, MAX_COUNT + 1, -MAX_COUNT, -MAX_COUNT - 1, 2**64, -(2**64), 10**5000,
        # Around the largest int of one internal digit, where the generated code's quick
        # comparison hands over to its exact check (2**30 on 64-bit CPython, 2**15 elsewhere).
        2**30 - 1, 2**30, 1 - 2**30, -(2**30), 2**15 - 1, 2**15, -(2**15), False,
    ],
    ids=_ident,
)  # fmt: skip
def test_every_fast_reader_reads_a_cell_as_the_converter_does(value: object) -> None:
    """Numbers, null and marks are read inline; what the converter rejects, they do too."""
    for data, cls in ((_with_cell(value), Report2021), (_with_signed_cell(value), Report2019)):
        try:
            detailed: Report | None = _structure_detailed(data)
        except InvalidReportError:
            detailed = None
        try:
            fast: Report | None = _fast.fast_reader(cls)(data)
        except Exception:  # noqa: BLE001 (any failure of the fast reader)
            fast = None
        assert fast == detailed
        if fast is not None and detailed is not None:
            assert to_dict(fast) == to_dict(detailed)


def _with_signed_cell(value: object) -> dict[str, Any]:
    data = to_dict(report_2019())
    data["active_disclosure"]["article_20_5"]["licensing"]["change"] = value
    return data


def test_a_mark_read_by_the_generated_code_is_the_shared_instance() -> None:
    report = _fast.structure(_with_cell("/"))
    assert report.applications.outcomes.withheld.state_secret.natural_persons is MARK_CELLS["/"]


def test_a_signed_count_may_be_negative_but_not_a_float() -> None:
    data = to_dict(report_2019())
    data["active_disclosure"]["article_20_6"]["penalties"]["change"] = -12
    assert (
        from_dict(data, version=Report2019).active_disclosure.article_20_6.penalties.change == -12
    )

    data["active_disclosure"]["article_20_6"]["penalties"]["change"] = -MAX_COUNT
    assert (
        from_dict(data, version=Report2019).active_disclosure.article_20_6.penalties.change
        == -MAX_COUNT
    )

    for value, got in (
        (-1.5, "the number -1.5"),
        (-MAX_COUNT - 1, "the integer -9007199254740992"),
    ):
        data["active_disclosure"]["article_20_6"]["penalties"]["change"] = value
        assert _only_problem(data) == Problem(
            "$.active_disclosure.article_20_6.penalties.change", SIGNED_COUNT_EXPECTED, got
        )


@pytest.mark.parametrize(
    ("field", "value"),
    [("total", MAX_COUNT + 1), ("total", -1), ("total", 10**5000), ("other", 2**64)],
    ids=_ident,
)
def test_the_model_refuses_counts_beyond_max_count(field: str, value: int) -> None:
    row = dict.fromkeys(attrs.fields_dict(ApplicantCounts), 0)
    row[field] = value

    with pytest.raises(InvalidReportError) as info:
        ApplicantCounts(**row)

    (problem,) = info.value.problems
    assert (problem.path, problem.expected) == (
        field,
        "a count: an integer from 0 to 9007199254740991, BLANK or NotApplicable",
    )


def test_the_largest_count_goes_to_json_and_back() -> None:
    data = _with_cell(MAX_COUNT)
    report = from_dict(data)

    assert from_json(to_json(report)) == report
    assert json.loads(to_json(report)) == data


AMOUNT = "$.active_disclosure.article_20_8.administrative_fees.amount"


def _with_amount(value: object) -> dict[str, Any]:
    data = _valid()
    data["active_disclosure"]["article_20_8"]["administrative_fees"]["amount"] = value
    return data


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (1.5, "the number 1.5"),
        (5949, "the integer 5949"),
        ("1E+3", 'the string "1E+3"'),
        ("1e3", 'the string "1e3"'),
        ("007", 'the string "007"'),
        ("-1", 'the string "-1"'),
        ("+1", 'the string "+1"'),
        (" 1", 'the string " 1"'),
        ("1.", 'the string "1."'),
        (".5", 'the string ".5"'),
        ("1,000", 'the string "1,000"'),
        ("\uff11\uff12", 'the string "\uff11\uff12"'),  # full-width digits
        ("NaN", 'the string "NaN"'),
        ("Infinity", 'the string "Infinity"'),
        ("", 'the string ""'),
    ],
)
def test_money_must_be_a_plain_decimal_string(value: object, got: str) -> None:
    data = _with_amount({"value": value, "unit": "万元"})
    assert _only_problem(data) == Problem(f"{AMOUNT}.value", DECIMAL_EXPECTED, got)


def test_money_keeps_every_digit() -> None:
    data = _with_amount({"value": "0.1000000000000000000000000001", "unit": "元"})
    amount = from_dict(
        data, version=Report2021
    ).active_disclosure.article_20_8.administrative_fees.amount
    assert amount == Amount(value=Decimal("0.1000000000000000000000000001"), unit=Unit.YUAN)


def test_money_cell_shapes() -> None:
    assert _only_problem(_with_amount(5)) == Problem(AMOUNT, AMOUNT_EXPECTED, "the integer 5")
    assert _only_problem(_with_amount({"value": "1", "unit": "yuan"})) == Problem(
        f"{AMOUNT}.unit", 'one of "元", "万元"', 'the string "yuan"'
    )
    missing = _only_problem(_with_amount({"value": "1"}))
    assert missing.path == f"{AMOUNT}.unit"
    assert missing.got == "nothing: the key is missing"
    report = from_dict(_with_amount("—"), version=Report2021)
    assert report.active_disclosure.article_20_8.administrative_fees.amount == NotApplicable("—")


def test_unknown_keys_are_rejected_at_their_path() -> None:
    data = _valid()
    data["applications"]["new_received"]["companies"] = 1
    data["extra"] = True

    problems = _problems(data)

    # In document order: an object's fields first, then its unknown keys.
    assert [p.path for p in problems] == ["$.applications.new_received.companies", "$.extra"]
    assert problems[0].got == "an unknown key"
    assert problems[0].expected.startswith("no such key (allowed here: natural_persons, ")


def test_an_unknown_key_that_is_not_a_string() -> None:
    data = _valid()
    data["metadata"][3] = 4
    assert _only_problem(data).path == "$.metadata[3]"


def test_missing_keys_are_rejected_at_their_path() -> None:
    data = _valid()
    del data["applications"]["outcomes"]["total"]["total"]
    del data["overview"]

    problems = _problems(data)

    assert {p.path for p in problems} == {
        "$.overview",
        "$.applications.outcomes.total.total",
    }
    assert {p.got for p in problems} == {"nothing: the key is missing"}


def test_a_row_that_is_not_an_object() -> None:
    data = _valid()
    data["reconsideration_and_litigation"]["reconsideration"] = [1, 2, 3, 4, 5]
    assert _only_problem(data) == Problem(
        "$.reconsideration_and_litigation.reconsideration",
        "an object with the keys of CaseOutcomes (upheld, corrected, other, pending, total)",
        "an array of 5 items",
    )


@pytest.mark.parametrize(
    ("version", "got"),
    [
        ("2020", 'the string "2020"'),
        (2021, "the integer 2021"),
        (None, "null"),
        (["2021"], "an array of 1 item"),
    ],
)
def test_unknown_format_versions(version: object, got: str) -> None:
    data = _valid()
    data["format_version"] = version
    assert _only_problem(data) == Problem(
        "$.format_version", 'a format version: "2019" or "2021"', got
    )


def test_a_missing_format_version() -> None:
    data = _valid()
    del data["format_version"]
    assert _only_problem(data).got == "nothing: the key is missing"


def test_the_version_decides_the_shape() -> None:
    """A 2019 table 3 (one row of 其他处理) is not a 2021 one."""
    data = to_dict(report_2019())
    data["format_version"] = "2021"
    paths = {p.path for p in _problems(data)}
    assert "$.applications.outcomes.other_handling.natural_persons" in paths
    assert "$.applications.outcomes.other_handling.no_correction" in paths
    assert "$.active_disclosure.article_20_9" in paths


@pytest.mark.parametrize("data", [[], None, "{}", 3, ("format_version", "2021")])
def test_the_top_level_must_be_a_dict(data: object) -> None:
    problem = _only_problem(data)
    assert problem.path == "$"
    assert problem.expected == "an object (a dict) with the keys of a report"


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("2024-1-19", 'the string "2024-1-19"'),
        ("20240119", 'the string "20240119"'),
        ("2024-02-30", 'the string "2024-02-30"'),
        ("2024-W03-5", 'the string "2024-W03-5"'),
        (20240119, "the integer 20240119"),
    ],
)
def test_dates_are_iso_calendar_dates(value: object, got: str) -> None:
    data = _valid()
    data["metadata"]["published"] = value
    assert _only_problem(data) == Problem("$.metadata.published", DATE_EXPECTED, got)


def test_model_validators_report_at_the_json_path() -> None:
    """The model's own checks (run by attrs while structuring) get the path of the value."""
    data = _valid()
    data["metadata"]["year"] = 1999
    data["other_matters"]["processing_fees"]["applications"] = -2

    assert set(_problems(data)) == {
        Problem("$.metadata.year", "a year from 2008 to 2100", "1999"),
        Problem(
            "$.other_matters.processing_fees.applications",
            "an integer from 0 to 9007199254740991 or None",
            "int -2",
        ),
    }


def test_strings_and_enums_are_not_coerced() -> None:
    data = _valid()
    data["metadata"]["agency"] = 5
    data["metadata"]["level"] = "Provincial"
    data["metadata"]["year"] = "2023"
    data["overview"] = None

    assert set(_problems(data)) == {
        Problem("$.metadata.agency", "a string", "the integer 5"),
        Problem(
            "$.metadata.level",
            'one of "national", "provincial", "prefectural", "county", "township"',
            'the string "Provincial"',
        ),
        Problem("$.metadata.year", "an integer", 'the string "2023"'),
        Problem("$.overview", "a string", "null"),
    }


def test_every_problem_is_listed() -> None:
    data = _valid()
    withheld = data["applications"]["outcomes"]["withheld"]
    withheld["state_secret"]["natural_persons"] = -1
    withheld["state_secret"]["other"] = True
    withheld["inquiry_matters"]["total"] = 1.5
    data["reconsideration_and_litigation"]["litigation_direct"]["pending"] = "?"
    data["active_disclosure"]["article_20_8"]["administrative_fees"]["amount"]["value"] = 1.5
    data["metadata"]["published"] = "yesterday"

    paths = [p.path for p in _problems(data)]

    assert sorted(paths) == sorted(
        [
            "$.metadata.published",
            f"{AMOUNT}.value",
            "$.applications.outcomes.withheld.state_secret.natural_persons",
            "$.applications.outcomes.withheld.state_secret.other",
            "$.applications.outcomes.withheld.inquiry_matters.total",
            "$.reconsideration_and_litigation.litigation_direct.pending",
        ]
    )


def test_a_dict_subclass_is_read_like_a_dict() -> None:
    class Ordered(dict[str, Any]):
        pass

    data = _valid()
    assert from_dict(Ordered(data)) == report_2021()


def test_the_message_lists_the_problems() -> None:
    with pytest.raises(InvalidReportError) as info:
        from_dict(_with_cell(-1))
    assert str(info.value) == (
        f"invalid report data (1 problem):\n  {CELL}: expected {COUNT_EXPECTED}, got the integer -1"
    )


# --- JSON text --------------------------------------------------------------------------------


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_constants_are_reported_where_they_stand(constant: str) -> None:
    text = to_json(report_2021()).replace(
        '"state_secret": {"natural_persons": 1', f'"state_secret": {{"natural_persons": {constant}'
    )
    with pytest.raises(InvalidReportError) as info:
        from_json(text)
    assert info.value.problems == (
        Problem(CELL, COUNT_EXPECTED, f"{constant} (not a JSON number)"),
    )


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ("", "invalid JSON: Expecting value: line 1 column 1 (char 0)"),
        (
            "{",
            "invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        ("[" * 100_000, "arrays or objects nested too deeply"),
    ],
)
def test_text_that_is_not_json(text: str | bytes, got: str) -> None:
    with pytest.raises(InvalidReportError) as info:
        from_json(text)
    (problem,) = info.value.problems
    assert problem.path == "$"
    assert problem.expected == "JSON text"
    assert problem.got.startswith(got)


def test_duplicate_keys_are_rejected() -> None:
    text = '{"format_version": "2021", "format_version": "2019"}'
    with pytest.raises(InvalidReportError) as info:
        from_json(text)
    assert info.value.problems == (
        Problem("$", "JSON text without duplicate keys", 'the key "format_version" twice'),
    )


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"metadata": {"agency": "a", "year": 2020, "agency": "b"}}', "$.metadata"),
        (
            '{"applications": {"new_received": {"total": 1, "total": 2}}}',
            "$.applications.new_received",
        ),
        ('{"a": [{}, {"x": 1, "x": 1}]}', "$.a[1]"),
        ('{"a b": {"k": 1, "k": 2}}', '$["a b"]'),
    ],
)
def test_a_duplicate_key_is_reported_where_it_stands(text: str, path: str) -> None:
    with pytest.raises(InvalidReportError) as info:
        from_json(text)

    assert [p.path for p in info.value.problems] == [path]


def test_json_that_is_not_an_object() -> None:
    with pytest.raises(InvalidReportError) as info:
        from_json("[]")
    assert info.value.problems[0].path == "$"
    with pytest.raises(InvalidReportError) as info:
        from_json(None)  # type: ignore[call-overload]
    assert info.value.problems == (Problem("$", "JSON text (str or bytes)", "null"),)


# --- fuzzing ----------------------------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=6)
    | st.sampled_from(["2019", "2021", "/", "—", "万元", "元", "1.5", "2024-01-19", "county"])
)
_JSON_VALUES = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=25,
)


def _problems_or_none(data: object) -> tuple[Problem, ...] | None:
    """The problems that from_dict reports, or None when it reads *data*; nothing else."""
    try:
        from_dict(data)
    except InvalidReportError as error:
        return error.problems
    return None


def _assert_only_invalid_report_error(data: object) -> None:
    problems = _problems_or_none(data)
    if problems is not None:
        assert problems
        assert all(p.path.startswith("$") for p in problems)


@given(_JSON_VALUES)
def test_from_dict_on_arbitrary_json_values(data: object) -> None:
    _assert_only_invalid_report_error(data)
    if isinstance(data, dict):
        _assert_only_invalid_report_error({**data, "format_version": "2021"})


@given(st.text() | st.binary())
def test_from_json_on_arbitrary_text(text: str | bytes) -> None:
    try:
        from_json(text)
    except InvalidReportError as error:
        problems = error.problems
    else:
        problems = ()
    assert problems or _is_report_json(text)


def _is_report_json(text: str | bytes) -> bool:
    return b"format_version" in (
        text if isinstance(text, bytes) else text.encode("utf-8", "replace")
    )


def _paths(node: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    return found


@st.composite
def _mutated_reports(draw: st.DrawFn) -> dict[str, Any]:
    """The dict of a valid report with one to three keys replaced, removed or added."""
    data = copy.deepcopy(to_dict(draw(testing.reports(marks=True))))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)[1:]))
        parent: Any = data
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(_JSON_VALUES)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][draw(st.text(max_size=8))] = draw(_SCALARS)
    return data


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_reports())
def test_mutated_reports_are_read_or_rejected_alike_by_both_paths(data: dict[str, Any]) -> None:
    """Each fast reader accepts exactly what the detailed converter accepts, alike."""
    fast: list[Report | None] = []
    for version, cls in ((v.id, v.report_class) for v in format_versions()):
        try:
            reader = _fast.fast_reader(cls)
            fast.append(reader(data) if data.get("format_version") == version else None)
        except Exception:  # noqa: BLE001 (any failure of the fast reader)
            fast.append(None)
    try:
        detailed: Report | None = _structure_detailed(data)
    except InvalidReportError as error:
        problems = error.problems
        detailed = None
    else:
        problems = ()
    assert fast == [
        detailed if detailed is not None and type(detailed) is cls else None
        for cls in (v.report_class for v in format_versions())
    ]
    assert (detailed is None) == bool(problems)
    if detailed is not None:
        assert to_dict(detailed) == to_dict(from_dict(data))


# --- the generated code --------------------------------------------------------------------


def _model_classes(cls: type, found: set[type]) -> set[type]:
    found.add(cls)
    for field in attrs.fields(cls):
        for tp in (field.type, *getattr(field.type, "__args__", ())):
            origin = getattr(tp, "__origin__", tp)
            if isinstance(origin, type) and attrs.has(origin) and origin not in found:
                _model_classes(origin, found)
    return found


def test_every_model_class_is_built_without_its_init() -> None:
    """The fast path sets slots directly; if a class stops qualifying, reading gets slow."""
    classes = _model_classes(Report2021, set()) | _model_classes(Report2019, set())
    assert {ApplicantCounts, Withheld, Metadata, Amount, ProcessingFees} <= classes
    assert all(can_bypass_init(cls) for cls in classes)
    assert all(_fast.builder_class(cls) is not None for cls in classes)


def test_an_object_built_through_its_builder_class_is_exactly_of_its_class() -> None:
    """The builder class only lends its plain assignments; the object is an ApplicantCounts."""
    report = _fast.structure(_valid())
    row = report.applications.new_received
    assert type(row) is ApplicantCounts
    assert row == ApplicantCounts(**attrs.asdict(row))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        row.total = 0  # type: ignore[misc]


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=30)
@given(testing.reports(marks=True))
def test_without_builder_classes_the_slot_setters_build_the_same_report(report: Report) -> None:
    """Where ``__class__`` cannot be assigned, the reader falls back to each slot's setter."""
    data = to_dict(report)
    original = _fast.builder_class
    _fast.builder_class = lambda cls: None  # type: ignore[assignment]
    try:
        reader = _fast._structure_function(type(report))
    finally:
        _fast.builder_class = original
    builders = [
        v for v in reader.__globals__.values() if getattr(v, "__name__", "")[:6] == "_Build"
    ]
    assert builders == []
    rebuilt = reader(data)
    assert type(rebuilt) is type(report)
    assert rebuilt == report


@pytest.mark.parametrize("other", [None, "/", 1, MAX_COUNT])
def test_an_all_zero_row_is_the_shared_zero_row(other: object) -> None:
    """Rows of zeros are one object, like marks; a row with anything else is its own."""
    data = _valid()
    zero = dict.fromkeys(data["applications"]["carried_over"], 0)
    data["applications"]["carried_over"] = zero
    data["applications"]["carried_forward"] = {**zero, "other": other}
    report = _fast.structure(data)
    shared = _fast.zero_row(ApplicantCounts)
    assert shared == ApplicantCounts(**zero)
    assert report.applications.carried_over is shared
    assert report.applications.carried_forward is not shared
    assert report == _structure_detailed(data)
    assert _fast.zero_row(Metadata) is None  # not a row of counts


def test_a_row_of_counts_with_a_default_is_read_with_its_default() -> None:
    @attrs.frozen(kw_only=True)
    class Row:
        a: int = attrs.field(validator=is_count)
        b: int = attrs.field(default=0, validator=is_count)

    read = _fast._structure_function(Row)
    assert read({"a": 0}) is _fast.zero_row(Row) == Row(a=0)
    assert read({"a": 3}) == Row(a=3) == converter().structure({"a": 3}, Row)
    assert read({"a": 0, "b": 2}) == Row(a=0, b=2)
    with pytest.raises(Exception):  # noqa: B017, PT011 (the fast reader raises anything)
        read({"a": 0, "c": 2})


def test_a_class_with_init_hooks_is_built_through_its_init() -> None:
    @attrs.frozen
    class Hooked:
        x: int

        def __attrs_post_init__(self) -> None:
            pass

    @attrs.define(slots=False)
    class WithDict:
        x: int

    assert not can_bypass_init(Hooked)
    assert not can_bypass_init(WithDict)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(testing.reports(marks=True))
def test_the_generated_writer_writes_what_the_converter_writes(report: Report) -> None:
    """The same dicts, key order included (JSON text differs when only the order does)."""
    written = _fast._unstructure_function(type(report), {})(report)

    assert json.dumps(written, ensure_ascii=False) == json.dumps(
        converter().unstructure(report), ensure_ascii=False
    )


class _MutatingKey:
    """A key equal in hash to a key of the report, whose ``__eq__`` changes the dict it is in.

    Reading such a dict crashed the interpreter (use after free) in the compiled reader that the
    library once had; in Python it must give the library's error or a correct report.
    """

    def __init__(self, twin: str, target: dict[Any, Any], action: str) -> None:
        self.twin, self.target, self.action = twin, target, action

    def __hash__(self) -> int:
        return hash(self.twin)

    def __eq__(self, other: object) -> bool:
        if self.action == "clear":
            self.target.clear()
        elif self.action == "pop":
            self.target.pop(self.twin, None)
        elif self.action == "grow":
            for n in range(64):
                self.target[f"extra{n}"] = n
        return other == self.twin


@pytest.mark.parametrize("action", ["clear", "pop", "grow"])
@pytest.mark.parametrize(
    ("where", "twin"),
    [((), "overview"), (("metadata",), "agency"), (("applications", "new_received"), "total")],
    ids=["top", "metadata", "row"],
)
def test_a_key_whose_eq_changes_the_dict_being_read(
    where: tuple[str, ...], twin: str, action: str
) -> None:
    data = _valid()
    target: Any = data
    for key in where:
        target = target[key]
    target[_MutatingKey(twin, target, action)] = 1

    report: Report | None = None
    try:
        report = from_dict(data)
    except InvalidReportError as error:
        problems = error.problems
    else:  # Whatever was left of the dict was a valid report: then it is that report.
        problems = ()
        assert report == from_dict(copy.deepcopy(data))
    assert (report is None) == bool(problems)


# --- from_json(..., version=...) ---------------------------------------------------------------


def test_a_version_class_accepts_its_own_reports() -> None:
    report = report_2019()

    assert from_json(to_json(report), version=Report2019) == report
    assert from_dict(to_dict(report), version=Report2019) == report


def test_a_report_of_another_version_is_invalid() -> None:
    with pytest.raises(InvalidReportError) as raised:
        from_json(to_json(report_2019()), version=Report2021)

    (problem,) = raised.value.problems
    assert (problem.path, problem.expected, problem.got) == (
        "$.format_version",
        '"2021" (a Report2021)',
        'the string "2019"',
    )


def test_a_version_must_be_a_registered_report_class() -> None:
    with pytest.raises(UnknownFormatVersionError, match="Report2019 or Report2021"):
        from_dict(to_dict(report_2019()), version=dict)  # type: ignore[type-var]


# --- mappings that answer keys they do not hold (issue 14) -------------------------------------


@pytest.mark.parametrize("missing", [("overview",), ("applications", "new_received", "total")])
def test_a_missing_key_is_a_problem_whatever_the_dict_class(missing: tuple[str, ...]) -> None:
    data: Any = _valid()
    *parents, key = missing
    target = data
    for name in parents:
        target = target[name]
    del target[key]

    def answering(value: Any) -> Any:
        if isinstance(value, dict):
            return collections.defaultdict(int, {k: answering(v) for k, v in value.items()})
        return value

    with pytest.raises(InvalidReportError) as info:
        from_dict(answering(data))

    assert info.value.problems[0].path == "$." + ".".join(missing)


def test_a_dict_subclass_holding_a_valid_report_is_read() -> None:
    class Ordered(dict[str, Any]):
        pass

    data = _valid()
    assert from_dict(Ordered(data)) == from_dict(data)


def test_dicts_nested_too_deeply_are_a_problem() -> None:
    data: Any = _valid()
    deep: dict[str, Any] = {}
    for _ in range(100_000):
        deep = {"x": deep}
    data["unexpected"] = collections.defaultdict(int, deep)

    with pytest.raises(InvalidReportError):
        from_dict(data)


@pytest.mark.parametrize(
    ("data", "encoding", "offset"),
    [
        (b'{"overview": "\xed\xa0\x80"}', "UTF-8", 14),  # U+D800, a lone surrogate, in UTF-8
        (b'{"a": "\xff"}', "UTF-8", 7),
        (b'{"a": "\xe4\xb8"}', "UTF-8", 7),  # cut in the middle of a character
        (b"\xff\xfe\xfd", "UTF-16", 2),  # a byte-order mark, then half a character
    ],
)
def test_undecodable_bytes_are_refused_with_their_offset(
    data: bytes, encoding: str, offset: int
) -> None:
    with pytest.raises(InvalidReportError) as info:
        from_json(data)

    [problem] = info.value.problems
    assert problem.expected == f"JSON text in {encoding}"
    assert f"at byte {offset}" in problem.got


def test_an_integer_too_long_to_show_is_a_problem_not_a_crash() -> None:
    # repr() of an int of more than 4300 digits raises ValueError (sys.get_int_max_str_digits).
    huge = 10**4300
    with pytest.raises(UnknownFormatVersionError) as raised:
        from_dict({"format_version": huge})
    assert [p.path for p in raised.value.problems] == ["$.format_version"]
    with pytest.raises(InvalidReportError) as invalid:
        Metadata(agency="某局", year=huge)
    assert [p.path for p in invalid.value.problems] == ["year"]
    assert "too many digits" in invalid.value.problems[0].got
