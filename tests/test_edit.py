"""A blank report to fill in, and one cell set by the address a finding names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hypothesis import given

from disclosure_report import (
    BLANK,
    Amount,
    CellAddress,
    FormatVersion,
    InvalidReportError,
    Metadata,
    NotApplicable,
    Report,
    Report2019,
    Report2021,
    Unit,
    UnknownFormatVersionError,
    blank_report,
    cell_values,
    check,
    format_versions,
    replace_cell,
    version_of,
)
from disclosure_report.testing import reports


META = Metadata(agency="某局", year=2023)


@pytest.mark.parametrize("version", format_versions(), ids=lambda v: v.id)
def test_a_blank_report_has_every_cell_blank_and_empty_sections(version: FormatVersion) -> None:
    report = blank_report(version.id, META)

    assert type(report) is version.report_class
    assert report.metadata == META
    assert all(value is BLANK for _, value in cell_values(report))
    assert (report.overview, report.problems_and_improvements) == ("", "")
    assert report.other_matters.text == ""
    assert report.other_matters.processing_fees is None


def test_blank_takes_an_id_a_version_or_a_class_and_the_classmethods_agree() -> None:
    for report_class in (Report2019, Report2021):
        version = version_of(report_class)
        expected = report_class.blank(META)
        assert type(expected) is report_class
        assert blank_report(version, META) == expected
        assert blank_report(version.id, META) == expected
        assert blank_report(report_class, META) == expected


def test_blank_refuses_an_unknown_version_and_bad_metadata() -> None:
    with pytest.raises(UnknownFormatVersionError):
        blank_report("1999", META)
    with pytest.raises(InvalidReportError):
        blank_report(Metadata, META)
    with pytest.raises(InvalidReportError, match="metadata"):
        Report2021.blank({"agency": "某局", "year": 2023})  # type: ignore[arg-type]


def test_a_finding_is_fixed_by_one_call_at_the_address_it_names() -> None:
    report = Report2021.blank(META).replace("3/new_received/natural_persons", 3)
    report = report.replace("3/new_received/total", 4)  # 3 + blanks != 4 is not provable
    report = report.replace("3/new_received/other", 0)
    for column in (
        "commercial_enterprises",
        "research_institutions",
        "public_interest_organizations",
        "legal_service_providers",
    ):
        report = report.replace(CellAddress(3, "new_received", column), 0)
    [finding] = [f for f in check(report) if f.rule == "2021.T3.I1"]

    fixed = report.replace(finding.cells[0], finding.expected)

    assert [f for f in check(fixed) if f.rule == "2021.T3.I1"] == []
    assert report.applications.new_received.total == 4  # the old report is unchanged


@given(reports())
def test_replacing_a_cell_by_any_of_its_addresses_changes_that_cell_only(report: Report) -> None:
    specs_values = list(cell_values(report))
    spec, _ = specs_values[len(specs_values) // 2]
    address = spec.address
    value: object = NotApplicable("/")

    for form in (address, str(address), address.path):
        changed = replace_cell(report, form, value)
        assert [v for _, v in cell_values(changed)] == [
            value if s.address == address else v for s, v in specs_values
        ]
        assert changed.metadata == report.metadata


def test_an_amount_cell_takes_an_amount() -> None:
    report = Report2021.blank(META).replace(
        "2/article_20_8.administrative_fees/amount", Amount(Decimal("1.5"), Unit.WAN_YUAN)
    )

    fees = report.active_disclosure.article_20_8.administrative_fees
    assert fees.amount == Amount(Decimal("1.5"), Unit.WAN_YUAN)


@pytest.mark.parametrize(
    "address",
    [
        "3/outcomes.total/nowhere",
        "3/outcomes/total",  # a group of rows, not a row
        "2/article_20_9.centralized_procurement/projects",  # a 2019 cell in a 2021 report
        "5/a/b",
        "three/new_received/total",
        "3/new_received",
        "$.metadata.year",
        "$.applications",
        "",
    ],
)
def test_a_bad_address_is_the_librarys_error(address: str) -> None:
    with pytest.raises(InvalidReportError) as raised:
        Report2021.blank(META).replace(address, 1)

    (problem,) = raised.value.problems
    assert problem.path == "$"
    assert "table cell of the 2021 format" in problem.expected
    assert repr(address) in problem.got


def test_an_address_of_the_wrong_type_is_the_librarys_error() -> None:
    with pytest.raises(InvalidReportError, match="tuple"):
        replace_cell(Report2021.blank(META), (3, "new_received", "total"), 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "got"),
    [(-1, "-1"), ("3", "str"), (1.5, "float"), (True, "bool"), (None, "None")],
)
def test_a_bad_value_is_the_librarys_error_at_the_cells_path(value: object, got: str) -> None:
    with pytest.raises(InvalidReportError) as raised:
        Report2021.blank(META).replace("3/outcomes.withheld.state_secret/natural_persons", value)

    (problem,) = raised.value.problems
    assert problem.path == "$.applications.outcomes.withheld.state_secret.natural_persons"
    assert got in problem.got


def test_a_signed_cell_takes_a_negative_count_and_a_count_cell_does_not() -> None:
    report = Report2019.blank(Metadata(agency="某局", year=2020))

    changed = report.replace("2/article_20_5.licensing/change", -3)

    assert changed.active_disclosure.article_20_5.licensing.change == -3
    with pytest.raises(InvalidReportError):
        report.replace("2/article_20_5.licensing/decisions", -3)


def test_it_works_for_a_registered_third_version(third_version: FormatVersion) -> None:
    report = blank_report(third_version.id, META)
    address = next(spec.address for spec, _ in cell_values(report) if spec.address.table == 3)

    changed = replace_cell(report, address, 7)

    assert type(changed) is third_version.report_class
    assert [v for s, v in cell_values(changed) if s.address == address] == [7]
