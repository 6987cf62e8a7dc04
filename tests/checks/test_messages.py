"""Finding messages in every locale: the numbers, and the labels of the row and column."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from disclosure_report import (
    SECTION_TITLES,
    CellSpec,
    OtherMatters,
    Report2019,
    Report2021,
    table_layout,
)
from disclosure_report.checks import RULES, Finding, check
from disclosure_report.checks._rules import AT_LEAST, ROW_IN_GROUP
from disclosure_report.exceptions import UnsupportedLocaleError
from disclosure_report.i18n import SUPPORTED_LOCALES, translate
from disclosure_report.model import BLANK, CellAddress, Report


def spec_of(report: Report, address: CellAddress) -> CellSpec:
    return next(s for s in table_layout(type(report)) if s.address == address)


def row_name(report: Report, address: CellAddress, locale: str) -> str:
    spec = spec_of(report, address)
    row = translate(spec.row_label, locale)
    if not spec.row_groups:
        return row
    return translate(ROW_IN_GROUP, locale) % {
        "group": translate(spec.row_groups[-1], locale),
        "row": row,
    }


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_f1_message_names_the_column_and_both_sums(
    report: Report,
    locale: str,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    address = CellAddress(3, "carried_forward", "commercial_enterprises")
    broken = with_cell(report, address, cell(report, address) + 1000)
    [finding] = [f for f in check(broken) if f.rule.endswith("F1")]

    text = finding.message(locale)

    column = translate(spec_of(report, address).column_label, locale)
    assert f"{column}" in text
    assert str(finding.expected) in text
    assert str(finding.actual) in text
    assert text == translate(next(r for r in RULES if r.id == finding.rule).message, locale) % {
        "column": column,
        "expected": finding.expected,
        "actual": finding.actual,
    }


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_i1_message_names_the_row_within_its_group(
    report: Report, locale: str, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    address = CellAddress(3, "outcomes.withheld.state_secret", "total")
    broken = with_cell(report, address, 777)
    [finding] = [f for f in check(broken) if f.rule.endswith("I1")]

    text = finding.message(locale)

    assert row_name(report, address, locale) in text
    assert "777" in text
    assert str(finding.expected) in text


def test_localized_labels_differ_by_locale(
    report: Report, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report, CellAddress(3, "outcomes.withheld.state_secret", "total"), 777)
    [finding] = [f for f in check(broken) if f.rule.endswith("I1")]

    hans, hant, en = (finding.message(loc) for loc in ("zh_Hans", "zh_Hant", "en"))

    assert "（三）不予公开 / 1.属于国家秘密" in hans
    assert "（三）不予公開 / 1.屬於國家秘密" in hant
    assert "(3) Withheld / 1. State secret" in en
    assert "总计" in hans
    assert "總計" in hant


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_a_lower_bound_is_shown_as_such(
    report: Report, locale: str, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    row = "outcomes.granted"
    broken = with_cell(report, CellAddress(3, row, "other"), BLANK)
    broken = with_cell(broken, CellAddress(3, row, "natural_persons"), 5000)
    [finding] = [f for f in check(broken) if f.rule.endswith("I1")]
    assert finding.at_least == "expected"

    text = finding.message(locale)

    assert translate(AT_LEAST, locale) % {"value": finding.expected} in text


def test_a_lower_bound_reads_naturally(
    report: Report, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    row = "outcomes.granted"
    broken = with_cell(report, CellAddress(3, row, "other"), BLANK)
    broken = with_cell(broken, CellAddress(3, row, "natural_persons"), 5000)
    [finding] = [f for f in check(broken) if f.rule.endswith("I1")]

    assert f"(at least {finding.expected})" in finding.message("en")
    assert f"（至少{finding.expected}）" in finding.message("zh_Hans")


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_guidance_messages_name_the_section(report_2021: Report2021, locale: str) -> None:
    report = attrs.evolve(report_2021, overview="政" * 1234, other_matters=OtherMatters(text=""))

    length, fees = check(report)

    assert translate(SECTION_TITLES["overview"], locale) in length.message(locale)
    assert "1234" in length.message(locale)
    assert "1000" in length.message(locale)
    assert translate(SECTION_TITLES["other_matters"], locale) in fees.message(locale)


def test_every_rule_renders_in_every_locale(
    report_2019: Report2019,
    report_2021: Report2021,
    with_cell: Callable[[Report, CellAddress, object], Report],
    cell: Callable[[Report, CellAddress], Any],
) -> None:
    """One finding of each rule, rendered: no missing placeholder, no English left in zh."""
    findings: list[Finding] = []
    for report in (report_2019, report_2021):
        for address, delta in [
            (CellAddress(3, "carried_forward", "other"), 1),
            (CellAddress(3, "outcomes.granted", "natural_persons"), 1),
            (CellAddress(4, "reconsideration", "total"), 1),
        ]:
            findings.extend(check(with_cell(report, address, cell(report, address) + delta)))
    broken = with_cell(report_2019, CellAddress(2, "article_20_5.licensing", "change"), -(10**6))
    broken = with_cell(broken, CellAddress(2, "article_20_1.rules", "newly_disclosed"), 10**6)
    findings.extend(check(broken))
    findings.extend(
        check(attrs.evolve(report_2021, overview="政" * 2000, other_matters=OtherMatters(text="")))
    )
    for report in (report_2019, report_2021):
        received = cell(report, CellAddress(3, "new_received", "total")) + 1
        overview = f"全年共收到政府信息公开申请{received}件。"
        findings.extend(check(attrs.evolve(report, overview=overview)))
    assert {f.rule for f in findings} == {r.id for r in RULES}

    for finding in findings:
        for locale in SUPPORTED_LOCALES:
            text = finding.message(locale)
            assert "%(" not in text
            if locale != "en":
                assert not any(word in text for word in ("does not", "column", "Row", "total"))
            if finding.actual is not None:
                assert str(finding.actual) in text


def test_message_defaults_to_english_and_rejects_unknown_locales(
    report: Report, with_cell: Callable[[Report, CellAddress, object], Report]
) -> None:
    broken = with_cell(report, CellAddress(4, "reconsideration", "total"), 999)
    [finding] = check(broken)

    assert finding.message() == finding.message("en")
    assert finding.message("zh_CN") == finding.message("zh_Hans")
    with pytest.raises(UnsupportedLocaleError):
        finding.message("fr")
