"""HTML output: every data cell once with its value, the template's merged cells, labels, escaping."""

from __future__ import annotations

import re

from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import (
    APPLICANTS_HEADER,
    BLANK,
    SECTION_TITLES,
    Amount,
    NotApplicable,
    Report,
    Report2021,
    Unit,
    cell_values,
    from_json,
    table_layout,
    translate,
)
from disclosure_report.exceptions import (
    InvalidReportError,
    UnsupportedLocaleError,
)
from disclosure_report.i18n import report_title
from disclosure_report.rendering import render
from disclosure_report.testing import reports


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"
LOCALES = ("zh_Hans", "zh_Hant", "en")
CJK = re.compile(r"[\u3400-\u9fff]")


class _Document(HTMLParser):
    """The parts of a rendered document that the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict[str, Any]] = []
        self.texts: dict[str, list[str]] = {"title": [], "h1": [], "h2": [], "p": []}
        self.raw_tags: list[str] = []
        self._cell: dict[str, Any] | None = None
        self._text: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.raw_tags.append(tag)
        attributes = {k: v or "" for k, v in attrs}
        if tag == "table":
            self.tables.append({"table": int(attributes["data-table"]), "sections": []})
        elif tag in ("thead", "tbody"):
            self.tables[-1]["sections"].append({"tag": tag, "rows": []})
        elif tag == "tr":
            self.tables[-1]["sections"][-1]["rows"].append([])
        elif tag in ("th", "td"):
            self._cell = {"tag": tag, "attrs": attributes, "text": ""}
            self.tables[-1]["sections"][-1]["rows"][-1].append(self._cell)
        elif tag in self.texts:
            self._text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td"):
            self._cell = None
        elif tag in self.texts and self._text is not None:
            self.texts[tag].append(self._text)
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data
        elif self._text is not None:
            self._text += data


def _reports(version: str, *, marks: bool = False) -> st.SearchStrategy[Report]:
    return reports("2019", marks=marks) if version == "2019" else reports("2021", marks=marks)


def parse(document: str) -> _Document:
    parser = _Document()
    parser.feed(document)
    parser.close()
    return parser


def placed(table: dict[str, Any]) -> list[dict[str, Any]]:
    """Every cell with its grid row and column, as HTML's table model places it."""
    taken: set[tuple[int, int]] = set()
    cells = []
    row_index = 0
    for section in table["sections"]:
        for row in section["rows"]:
            column = 0
            for cell in row:
                while (row_index, column) in taken:
                    column += 1
                rowspan = int(cell["attrs"].get("rowspan", 1))
                colspan = int(cell["attrs"].get("colspan", 1))
                for i in range(rowspan):
                    for j in range(colspan):
                        assert (row_index + i, column + j) not in taken
                        taken.add((row_index + i, column + j))
                cells.append(
                    {
                        **cell,
                        "row": row_index,
                        "column": column,
                        "rowspan": rowspan,
                        "colspan": colspan,
                        "section": section["tag"],
                    }
                )
                column += colspan
            row_index += 1
    rows = {r for r, _ in taken}
    widths = {sum(1 for r2, _ in taken if r2 == r) for r in rows}
    assert len(widths) == 1, f"ragged rows in table {table['table']}: {widths}"
    return cells


def expected_text(report: Report, address: Any, value: object) -> str:
    """What a cell shows, as the published reports print it."""
    if value is BLANK:
        return ""
    if isinstance(value, NotApplicable):
        return value.symbol
    if isinstance(value, Amount):
        number = format(value.value, "f")
        stated = Unit.WAN_YUAN if isinstance(report, Report2021) else None
        return number if value.unit in (None, stated) else number + value.unit.value
    return str(value)


def _example() -> Report:
    return from_json(EXAMPLE.read_bytes())


@given(reports(marks=True))
def test_every_data_cell_appears_once_with_its_value(report: Report) -> None:
    document = parse(render(report, to="html"))
    found = Counter(
        cell["attrs"]["data-cell"]
        for table in document.tables
        for section in table["sections"]
        for row in section["rows"]
        for cell in row
        if cell["tag"] == "td"
    )
    texts = {
        cell["attrs"]["data-cell"]: cell["text"]
        for table in document.tables
        for section in table["sections"]
        for row in section["rows"]
        for cell in row
        if cell["tag"] == "td"
    }
    expected = {
        str(spec.address): expected_text(report, spec.address, v) for spec, v in cell_values(report)
    }
    assert found == Counter(expected.keys())
    assert texts == expected


def test_amounts_keep_the_exact_decimal_and_their_printed_unit() -> None:
    example = _example()
    assert isinstance(example, Report2021)
    fees = Amount(Decimal("24252.311082"), Unit.WAN_YUAN)
    report = attrs.evolve(
        example,
        active_disclosure=attrs.evolve(
            example.active_disclosure,
            article_20_8=attrs.evolve(
                example.active_disclosure.article_20_8,
                administrative_fees=attrs.evolve(
                    example.active_disclosure.article_20_8.administrative_fees, amount=fees
                ),
            ),
        ),
    )
    document = render(report, to="html")
    assert 'data-cell="2/article_20_8.administrative_fees/amount">24252.311082</td>' in document


def _grid_of(report: Report, table: int) -> list[dict[str, Any]]:
    document = parse(render(report, to="html"))
    (found,) = (t for t in document.tables if t["table"] == table)
    return placed(found)


def _heads(cells: list[dict[str, Any]], section: str) -> list[tuple[str, int, int, int, int]]:
    return [
        (c["text"], c["row"], c["column"], c["rowspan"], c["colspan"])
        for c in cells
        if c["tag"] == "th" and c["section"] == section
    ]


NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = [
    (NOTE, 0, 0, 3, 3),
    ("申请人情况", 0, 3, 1, 7),
    ("自然人", 1, 3, 2, 1),
    ("法人或其他组织", 1, 4, 1, 5),
    ("总计", 1, 9, 2, 1),
    ("商业企业", 2, 4, 1, 1),
    ("科研机构", 2, 5, 1, 1),
    ("社会公益组织", 2, 6, 1, 1),
    ("法律服务机构", 2, 7, 1, 1),
    ("其他", 2, 8, 1, 1),
]
"""The header block of table 三 in the national template (national-format.md §2.3)."""

OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
LITIGATION = [
    ("行政复议", 0, 0, 1, 5),
    ("行政诉讼", 0, 5, 1, 10),
    *((name, 1, i, 2, 1) for i, name in enumerate(OUTCOMES)),
    ("未经复议直接起诉", 1, 5, 1, 5),
    ("复议后起诉", 1, 10, 1, 5),
    *((name, 2, 5 + i, 1, 1) for i, name in enumerate(OUTCOMES)),
    *((name, 2, 10 + i, 1, 1) for i, name in enumerate(OUTCOMES)),
]
"""The header of table 四 in the national template (national-format.md §2.4)."""


@pytest.mark.parametrize("version", ["2019", "2021"])
@given(data=st.data())
@settings(max_examples=5)
def test_table_3_header_block_is_the_templates(version: str, data: st.DataObject) -> None:
    report = data.draw(_reports(version, marks=True))
    assert _heads(_grid_of(report, 3), "thead") == APPLICANTS


@pytest.mark.parametrize("version", ["2019", "2021"])
@given(data=st.data())
@settings(max_examples=5)
def test_table_4_header_is_the_templates(version: str, data: st.DataObject) -> None:
    cells = _grid_of(data.draw(_reports(version, marks=True)), 4)
    assert _heads(cells, "thead") == LITIGATION
    rows = [(c["row"], c["column"]) for c in cells if c["tag"] == "td"]
    assert rows == [(3, column) for column in range(15)]


# Label columns of table 三: (label, row, column, rowspan, colspan); rows count from the header's 3.
LABELS_2021 = [
    ("一、本年新收政府信息公开申请数量", 3, 0, 1, 3),
    ("二、上年结转政府信息公开申请数量", 4, 0, 1, 3),
    ("三、本年度办理结果", 5, 0, 22, 1),
    ("（一）予以公开", 5, 1, 1, 2),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 6, 1, 1, 2),
    ("（三）不予公开", 7, 1, 8, 1),
    ("（四）无法提供", 15, 1, 3, 1),
    ("（五）不予处理", 18, 1, 5, 1),
    ("（六）其他处理", 23, 1, 3, 1),
    ("（七）总计", 26, 1, 1, 2),
    ("四、结转下年度继续办理", 27, 0, 1, 3),
]
LABELS_2019 = [
    *LABELS_2021[:2],
    ("三、本年度办理结果", 5, 0, 20, 1),
    *LABELS_2021[3:8],
    ("（六）其他处理", 23, 1, 1, 2),
    ("（七）总计", 24, 1, 1, 2),
    ("四、结转下年度继续办理", 25, 0, 1, 3),
]


@pytest.mark.parametrize(("version", "expected"), [("2019", LABELS_2019), ("2021", LABELS_2021)])
@given(data=st.data())
@settings(max_examples=5)
def test_table_3_groups_span_their_rows(
    version: str, expected: list[Any], data: st.DataObject
) -> None:
    heads = _heads(_grid_of(data.draw(_reports(version, marks=True)), 3), "tbody")
    spanning = [h for h in heads if h[3] > 1 or h[4] > 1]
    assert spanning == expected
    numbered = [h for h in heads if h[3] == 1 and h[4] == 1]
    assert numbered[0] == ("1.属于国家秘密", 7, 2, 1, 1)
    assert all(h[2] == 2 for h in numbered)


@pytest.mark.parametrize(("version", "rows"), [("2019", 18), ("2021", 14)])
@given(data=st.data())
@settings(max_examples=5)
def test_table_2_has_a_heading_and_header_row_per_sub_table(
    version: str, rows: int, data: st.DataObject
) -> None:
    cells = _grid_of(data.draw(_reports(version, marks=True)), 2)
    assert max(c["row"] + c["rowspan"] for c in cells) == rows
    headings = [c for c in cells if c["attrs"].get("class") == "heading"]
    assert [h["text"] for h in headings][:2] == ["第二十条第（一）项", "第二十条第（五）项"]
    assert all(h["colspan"] == 4 for h in headings)
    corners = [c for c in cells if c["text"] == "信息内容"]
    assert len(corners) == len(headings)
    assert all(c["row"] == h["row"] + 1 for c, h in zip(corners, headings, strict=True))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("version", ["2019", "2021"])
@given(data=st.data())
@settings(max_examples=3)
def test_labels_are_translated(version: str, locale: str, data: st.DataObject) -> None:
    report = data.draw(_reports(version))
    document = parse(render(report, to="html", locale=locale))
    headers = {
        cell["text"]
        for table in document.tables
        for section in table["sections"]
        for row in section["rows"]
        for cell in row
        if cell["tag"] == "th"
    }
    wanted = {translate(APPLICANTS_HEADER, locale)}
    for spec in table_layout(type(report)):
        wanted |= {translate(spec.row_label, locale), translate(spec.column_label, locale)}
        wanted |= {translate(group, locale) for group in spec.row_groups}
        if spec.column_group is not None:
            wanted.add(translate(spec.column_group, locale))
    assert wanted <= headers
    assert document.texts["h2"] == [translate(t, locale) for t in SECTION_TITLES.values()]
    meta = report.metadata
    # A blank agency's name leaves no gap in the title (report_title).
    title = report_title(meta.agency, meta.year, locale)
    assert document.texts["h1"] == document.texts["title"] == [title]
    if locale == "en":
        assert not any(CJK.search(text) for text in headers)


def test_zh_hant_differs_from_zh_hans() -> None:
    hans = render(_example(), to="html", locale="zh_Hans")
    hant = render(_example(), to="html", locale="zh_Hant")
    assert "申请人情况" in hans
    assert "申請人情況" in hant
    assert "申请人情况" not in hant


def test_text_is_escaped() -> None:
    report = attrs.evolve(
        _example(),
        metadata=attrs.evolve(_example().metadata, agency='<script>alert("x")</script>&'),
        overview="<b>bold</b>\n\nsecond & last",
    )
    document = render(report, to="html")
    assert "<script>" not in document
    assert "<b>" not in document
    parsed = parse(document)
    assert "script" not in parsed.raw_tags
    assert parsed.texts["h1"][0].startswith('<script>alert("x")</script>&')
    assert parsed.texts["p"][:2] == ["<b>bold</b>", "second & last"]


def test_document_is_standalone() -> None:
    document = render(_example(), to="html", locale="en")
    assert document.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in document
    assert "<style>" in document
    head = document.split("<body>")[0]
    # Nothing is loaded from elsewhere; the one address is the report's own, as its canonical
    # address (metadata.source_url), which a browser does not fetch.
    assert "src=" not in head
    assert "stylesheet" not in head
    addresses = [part.split('"')[0] for part in head.split('href="')[1:]]
    assert addresses == [_example().metadata.source_url]
    assert head.count("http") == 1
    assert document.rstrip().endswith("</html>")


def test_section_6_shows_recorded_fees() -> None:
    document = parse(render(_example(), to="html"))
    assert "收取信息处理费金额：0元" in document.texts["p"]


def test_bad_arguments_raise() -> None:
    with pytest.raises(ValueError, match="unknown output"):
        render(_example(), to="pdf")  # type: ignore[call-overload]
    with pytest.raises(UnsupportedLocaleError):
        render(_example(), to="html", locale="fr")
    with pytest.raises(InvalidReportError):
        render({"format_version": "2021"}, to="html")  # type: ignore[call-overload]
