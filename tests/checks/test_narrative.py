"""The 2021 format's guidance: the overview's length and the processing fees in section 六."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from disclosure_report.checks import Severity, check
from disclosure_report.model import (
    Amount,
    OtherMatters,
    ProcessingFees,
    Report2019,
    Report2021,
    Unit,
)


def rules(report: Report2019 | Report2021) -> list[str]:
    return [f.rule for f in check(report)]


# --- 2021.S1.LENGTH -------------------------------------------------------------------------


def test_an_overview_of_exactly_1000_characters_passes(report_2021: Report2021) -> None:
    assert check(attrs.evolve(report_2021, overview="政" * 1000)) == ()


def test_an_overview_of_1001_characters_is_a_warning(report_2021: Report2021) -> None:
    [finding] = check(attrs.evolve(report_2021, overview="政" * 1001))

    assert finding.rule == "2021.S1.LENGTH"
    assert finding.severity is Severity.WARNING
    assert (finding.expected, finding.actual) == (1000, 1001)
    assert finding.cells == ()
    assert finding.unknown == ()


@pytest.mark.parametrize("space", [" ", "\n", "\u3000", "\t", "\r\n"])
def test_whitespace_is_not_counted(report_2021: Report2021, space: str) -> None:
    text = space.join(["政务公开。"] * 200)  # 1000 visible characters, 199 separators

    assert check(attrs.evolve(report_2021, overview=text)) == ()
    assert rules(attrs.evolve(report_2021, overview=text + "。")) == ["2021.S1.LENGTH"]


def test_punctuation_digits_and_latin_letters_count(report_2021: Report2021) -> None:
    text = "，" * 400 + "1" * 400 + "a" * 201

    [finding] = check(attrs.evolve(report_2021, overview=text))

    assert finding.actual == 1001


def test_the_2019_format_sets_no_length(report_2019: Report2019) -> None:
    assert check(attrs.evolve(report_2019, overview="政" * 5000)) == ()


# --- 2021.S6.FEES ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "无。", "本年度无其他需要报告的事项。", "收费情况：无。"],
)
def test_silence_on_the_fees_is_a_warning(report_2021: Report2021, text: str) -> None:
    [finding] = check(attrs.evolve(report_2021, other_matters=OtherMatters(text=text)))

    assert finding.rule == "2021.S6.FEES"
    assert finding.severity is Severity.WARNING
    assert (finding.cells, finding.expected, finding.actual) == ((), None, None)


@pytest.mark.parametrize(
    "text",
    [
        "2023年，无收取信息处理费情况。",
        "本机关未收取处理费。",
        "本年度收取信息處理費0元。",
    ],
)
def test_text_that_mentions_the_fees_passes(report_2021: Report2021, text: str) -> None:
    assert check(attrs.evolve(report_2021, other_matters=OtherMatters(text=text))) == ()


def test_a_fee_record_passes_without_text(report_2021: Report2021) -> None:
    fees = ProcessingFees(amount=Amount(value=Decimal(0), unit=Unit.YUAN))
    other = OtherMatters(text="", processing_fees=fees)

    assert check(attrs.evolve(report_2021, other_matters=other)) == ()


def test_the_2019_format_asks_for_no_fees(report_2019: Report2019) -> None:
    assert check(attrs.evolve(report_2019, other_matters=OtherMatters(text=""))) == ()


def test_guidance_findings_frame_the_tables_in_printed_order(report_2021: Report2021) -> None:
    report = attrs.evolve(
        report_2021,
        overview="政" * 2000,
        other_matters=OtherMatters(text=""),
        reconsideration_and_litigation=attrs.evolve(
            report_2021.reconsideration_and_litigation,
            reconsideration=attrs.evolve(
                report_2021.reconsideration_and_litigation.reconsideration, total=0
            ),
        ),
    )

    assert rules(report) == ["2021.S1.LENGTH", "2021.T4.I4", "2021.S6.FEES"]
