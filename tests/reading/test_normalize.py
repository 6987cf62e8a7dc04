"""Label normalisation and matching: the variants of real reports."""

from __future__ import annotations

import pytest

from disclosure_report import format_versions, translate
from disclosure_report.model import (
    APPLICANTS_HEADER,
    INFORMATION_HEADER,
    SECTION_TITLES,
    Label,
)
from disclosure_report.reading._normalize import fold, split_label
from disclosure_report.reading._values import classify
from disclosure_report.reading._vocabulary import Matcher, vocabulary


WORDS = vocabulary()
TABLE2 = {version: WORDS.labels[version].table2 for version in ("2019", "2021")}
TABLE3 = {version: WORDS.labels[version].table3 for version in ("2019", "2021")}
article_heading = WORDS.article_heading


@pytest.mark.parametrize(
    ("printed", "number", "core"),
    [
        ("1. 属于国家秘密", 1, "属于国家秘密"),
        ("1、属于国家秘密", 1, "属于国家秘密"),
        ("1．属于国家秘密", 1, "属于国家秘密"),
        ("（三）不予公开", 3, "不予公开"),
        ("(三) 不予公开", 3, "不予公开"),
        ("三、本 年 度 办 理 结 果", 3, "本年度办理结果"),
        ("商业 企业", None, "商业企业"),
        ("规章(设区的市、自治州人民政府应提供相关数据)", None, "规章"),
        ("3.补证后申请内容仍不明确", 3, "补正后申请内容仍不明确"),
        ("本年制作件数", None, "本年制发件数"),
        ("規範性檔案", None, "规范性文件"),
        ("3.危及“三安全一稳定”", 3, "危及三安全一稳定"),
        # Item numbers of ten and beyond, in every written form.
        ("十、其他", 10, "其他"),
        ("（十一）其他", 11, "其他"),
        ("（二十）其他", 20, "其他"),
        ("（二十三）其他", 23, "其他"),
        # Annotations nested deeper than the passes of balanced ones, or left open.
        ("规章（一（二（三（四（五）））））", None, "规章"),
        ("规章（设区的市", None, "规章"),
    ],
)
def test_split_label(printed: str, number: int | None, core: str) -> None:
    split = split_label(printed)
    assert (split.number, split.core) == (number, core)


def test_rows_match_whatever_their_numbering() -> None:
    matcher = Matcher(TABLE3["2021"])
    for printed, key in [
        (
            "1.申请人无正当理由逾期不补证，行政机关不再处理其",
            "outcomes.other_handling.no_correction",
        ),
        (
            "部分公开 (区分处理的, 只计这一情形, 不计其他情形)",
            "outcomes.partially_granted",
        ),
        ("3. 其他", "outcomes.other_handling.other"),
        ("（七）合计", "outcomes.total"),
        ("四、结转下年度继续办理", "carried_forward"),
    ]:
        spec = matcher.row(printed)
        assert spec is not None, printed
        assert spec.key == key


def test_column_headers_are_not_rows() -> None:
    matcher = Matcher(TABLE3["2021"])
    assert matcher.row("其他") is None
    assert matcher.row("总计") is None
    assert matcher.row("(六) 其他") is None


def test_table2_versions_differ_in_their_labels() -> None:
    assert Matcher(TABLE2["2019"]).row("规范性文件") is not None
    # A 2021 report printing the 2019 wording: read as the 2021 row that ends so (issue 10).
    variant = Matcher(TABLE2["2021"]).row("规范性文件")
    assert variant is not None
    assert variant.key.endswith("normative_documents")
    assert Matcher(TABLE2["2021"]).row("行政规范性文件") is not None
    assert Matcher(TABLE2["2019"]).row("行政规范性文件") is None
    assert article_heading("第二十条第（九）项") == 9
    assert article_heading("第二十条  第(一)项 |") == 1


@pytest.mark.parametrize(
    ("printed", "kind", "number", "unit"),
    [
        ("0", "number", "0", None),
        (" 5", "number", "5", None),
        ("+19", "number", "19", None),
        ("-185", "number", "-185", None),
        ("减4", "number", "-4", None),
        ("減4", "number", "-4", None),  # traditional 减
        ("12.5萬元", "number", "12.5", "万元"),  # traditional 万元
        ("75394432.52元", "number", "75394432.52", "元"),
        ("4068.208", "number", "4068.208", None),
        ("\uff13", "number", "3", None),  # a full-width digit
        ("/", "mark", None, None),
        ("—", "mark", None, None),
        ("", "blank", None, None),
        ("\u00a0", "blank", None, None),
        ("1 234", "text", None, None),
        ("约3", "text", None, None),
    ],
)
def test_classify(printed: str, kind: str, number: str | None, unit: str | None) -> None:
    value = classify(printed)
    assert value.kind == kind
    assert (str(value.number) if value.number is not None else None) == number
    assert value.unit == unit


def _printed_labels() -> dict[tuple[str, str], Label]:
    """Every label the renderer prints for a registered version: rows, columns, groups and
    section headings."""
    labels: dict[tuple[str, str], Label] = {}
    for version in format_versions():
        for spec in version.table_layout():
            for label in (
                spec.row_label,
                spec.column_label,
                *spec.row_groups,
                *([spec.column_group] if spec.column_group else []),
            ):
                labels[label.context, label.english] = label
    for label in (*SECTION_TITLES.values(), INFORMATION_HEADER, APPLICANTS_HEADER):
        labels[label.context, label.english] = label
    return labels


@pytest.mark.parametrize("label", list(_printed_labels().values()), ids=lambda label: label.context)
def test_traditional_labels_fold_to_the_official_wording(label: Label) -> None:
    assert fold(translate(label, "zh_Hant")) == fold(translate(label, "zh_Hans"))
