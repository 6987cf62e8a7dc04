"""Section 六's fee lines and the metadata a page's head states, read back into the model."""

from __future__ import annotations

import datetime as dt

from decimal import Decimal

import pytest

from disclosure_report import AdministrativeLevel, Amount, ProcessingFees, Unit
from disclosure_report.reading import NoteCode, read
from disclosure_report.reading._fees import split_fees


TABLE = "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t7\n"


def _report_with_section_6(*lines: str) -> str:
    return (
        "某局2023年政府信息公开工作年度报告\n"
        + TABLE
        + "六、其他需要报告的事项\n"
        + "\n".join(lines)
    )


@pytest.mark.parametrize(
    ("lines", "amount", "applications"),
    [
        (["收取信息处理费金额：0元"], Amount(Decimal(0), Unit.YUAN), None),
        (
            ["收取信息处理费金额：1.250000万元", "收取信息处理费的申请件数：3"],
            Amount(Decimal("1.250000"), Unit.WAN_YUAN),
            3,
        ),
        (["- 收取信息處理費金額：12萬元"], Amount(Decimal(12), Unit.WAN_YUAN), None),
        (
            ["Information-processing fees collected: 0.50 (yuan)", "Applications charged a fee: 2"],
            Amount(Decimal("0.50"), Unit.YUAN),
            2,
        ),
        (["收取信息处理费金额：7"], Amount(Decimal(7), None), None),
    ],
)
def test_fee_lines_that_end_section_6_become_the_fees(
    lines: list[str], amount: Amount, applications: int | None
) -> None:
    other = read(_report_with_section_6("本年度未发生其他事项。", *lines)).report.other_matters

    assert other.text == "本年度未发生其他事项。"
    assert other.processing_fees == ProcessingFees(amount=amount, applications=applications)
    # The printed digits are the value: the scale is kept.
    assert str(other.processing_fees.amount.value) == str(amount.value)


@pytest.mark.parametrize(
    "text",
    [
        "本年度未收取信息处理费。",
        "收取信息处理费金额：0元\n其后还有一段话。",  # not at the end
        "收取信息处理费金额：若干元",  # no number
        "收取信息处理费的申请件数：3",  # no amount
        "收取信息处理费金额：0元\n收取信息处理费的申请件数：-3",  # a count cannot be negative
        "收取信息处理费金额：5件",  # not money
    ],
)
def test_anything_else_stays_text_as_printed(text: str) -> None:
    assert split_fees(text) == (text, None)


def _page(head: str) -> str:
    return (
        f"<html><head><title>某局2023年政府信息公开工作年度报告</title>{head}</head><body>"
        "<h2>二、主动公开政府信息情况</h2><table><tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
        "<tr><td>行政许可</td><td>5</td></tr></table></body></html>"
    )


def test_the_head_states_the_rest_of_the_metadata() -> None:
    head = (
        '<meta name="PubDate" content="2024-01-15">'
        '<link rel="canonical" href="http://www.example.gov.cn/zfxxgk/2024/report.html">'
        '<meta property="og:url" content="http://elsewhere.example/">'
        '<meta name="disclosure-report.level" content="county">'
        '<meta name="disclosure-report.region" content="江苏省淮安市">'
    )
    metadata = read(_page(head)).report.metadata

    assert metadata.published == dt.date(2024, 1, 15)
    assert metadata.source_url == "http://www.example.gov.cn/zfxxgk/2024/report.html"
    assert metadata.level is AdministrativeLevel.COUNTY
    assert metadata.region == "江苏省淮安市"


def test_og_url_is_the_source_without_a_canonical_link() -> None:
    head = '<meta property="og:url" content="http://www.example.gov.cn/a.html">'
    assert read(_page(head)).report.metadata.source_url == "http://www.example.gov.cn/a.html"


def test_a_level_that_is_none_of_the_models_is_noted_never_guessed() -> None:
    result = read(_page('<meta name="disclosure-report.level" content="区县级">'))

    assert result.report.metadata.level is None
    (note,) = [n for n in result.notes if n.code is NoteCode.METADATA_UNREADABLE]
    assert note.text == "区县级"
    assert "county" in note.why


def test_a_long_region_and_address_are_kept_whole() -> None:
    region = "某省" * 300
    address = "http://www.example.gov.cn/" + "a" * 1500
    head = (
        f'<link rel="canonical" href="{address}">'
        f'<meta name="disclosure-report.region" content="{region}">'
    )
    metadata = read(_page(head)).report.metadata

    assert metadata.region == region
    assert metadata.source_url == address
