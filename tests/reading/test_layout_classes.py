"""Layout classes of published reports, each with small hand-written texts (issue 10)."""

from __future__ import annotations

from decimal import Decimal

from disclosure_report.reading import NoteCode, extract
from disclosure_report.reading._text import text_rows


def _cells(text: str) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in text_rows(text)]


def _lines(*cells: str) -> str:
    return "\n".join(cells) + "\n"


# One cell per line, with a lone '|' line between cells.


def test_pipe_lines_between_cells_separate_them() -> None:
    text = _lines("规章", "|", "0", "|", "|", "4", "|", "规范性文件")
    assert _cells(text) == [["规章"], ["0"], [""], ["4"], ["规范性文件"]]


def test_a_cell_wrapped_over_two_lines_between_separators_is_one_cell() -> None:
    text = _lines("信息内容", "|", "本年新", "制作数量", "|", "对外公开总数量", "|", "规章")
    assert _cells(text) == [["信息内容"], ["本年新 制作数量"], ["对外公开总数量"], ["规章"]]


def test_lines_with_a_value_are_never_joined() -> None:
    assert _cells(_lines("|", "规章", "0", "|", "4")) == [["规章"], ["0"], ["4"]]


def test_a_pipe_is_an_empty_cell_where_values_follow_each_other_unseparated() -> None:
    # Values one per line without separators: here a lone '|' holds the place of a blank cell.
    text = _lines("规章", "0", "|", "4", "5")
    assert _cells(text) == [["规章"], ["0"], [""], ["4"], ["5"]]


def test_a_pipe_beside_cells_that_mark_themselves_is_an_empty_cell() -> None:
    assert _cells(_lines("规章 |", "|", "0 |")) == [["规章"], [""], ["0"]]


REPORT_2019 = _lines(
    "某局2020年政府信息公开工作年度报告",
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "|",
    "信息内容",
    "|",
    "本年新",
    "制作数量",
    "|",
    "本年新",
    "公开数量",
    "|",
    "对外公开总数量",
    "|",
    "规章",
    "|",
    "1",
    "|",
    "|",
    "3",
    "|",
    "规范性文件",
    "|",
    "2",
    "|",
    "2",
    "|",
    "5",
    "第二十条第（九）项",
    "|",
    "信息内容",
    "|",
    "采购项目数量",
    "|",
    "采购总金额",
    "|",
    "政府集中采购",
    "|",
    "7",
    "|",
    "0",
    "三、收到和处理政府信息公开申请情况",
    "|",
    "一、本年新收政府信息公开申请数量",
    "|",
    "3",
    "|",
    "0",
    "|",
    "0",
    "|",
    "0",
    "|",
    "0",
    "|",
    "0",
    "|",
    "3",
    "|",
    "二、上年结转政府信息公开申请数量",
    "|",
    "1.属于国家",
)


def test_a_report_with_separator_lines_reads_cell_by_cell() -> None:
    extraction = extract(REPORT_2019)
    assert extraction.version == "2019"
    table2 = extraction.tables[0]
    assert [c.value.number for c in table2.rows[0][1]] == [Decimal(1), None, Decimal(3)]
    assert table2.rows[0][1][1].value.kind == "blank"
    assert [c.value.number for c in table2.rows[1][1]] == [Decimal(2), Decimal(2), Decimal(5)]
    procurement = next(cells for spec, cells in table2.rows if spec.key.startswith("article_20_9"))
    assert [c.value.number for c in procurement] == [Decimal(7), Decimal(0)]
    table3 = extraction.tables[1]
    assert [c.value.number for c in table3.rows[0][1]] == [3, 0, 0, 0, 0, 0, 3]


def test_an_excerpt_cut_short_is_read_as_far_as_it_goes_and_says_so() -> None:
    extraction = extract(REPORT_2019)
    table3 = extraction.tables[1]
    assert all(c.value.kind == "blank" for _, cells in table3.rows[1:] for c in cells)
    codes = {(n.code, n.where.section) for n in extraction.notes}
    assert (NoteCode.ROW_MISSING, 3) in codes
    assert (NoteCode.TABLE_MISSING, 4) in codes


# Table 二: the other version's label, and values in cells merged across columns.

MERGED_2021 = """<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body>
<p>二、主动公开政府信息情况</p><table>
<tr><td colspan=4>第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>1</td><td>0</td><td>4</td></tr>
<tr><td>规范性文件</td><td>2</td><td>1</td><td>9</td></tr>
<tr><td colspan=4>第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan=3>17</td></tr>
<tr><td colspan=4>第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan=3>本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan=3>12.5</td></tr>
</table></body></html>"""


def test_the_2019_label_of_a_2021_row_is_read_as_that_row() -> None:
    extraction = extract(MERGED_2021)
    assert extraction.version == "2021"
    rows = dict(extraction.tables[0].rows)
    normative = next(
        cells for spec, cells in rows.items() if spec.key.endswith("normative_documents")
    )
    assert [c.value.number for c in normative] == [2, 1, 9]
    assert not [n for n in extraction.notes if n.code is NoteCode.EXTRA_ROW]


def test_a_value_merged_across_the_columns_is_the_rows_one_value() -> None:
    extraction = extract(MERGED_2021)
    cells = {spec.key: cells for spec, cells in extraction.tables[0].rows}
    assert [c.value.number for c in cells["article_20_5.licensing"]] == [17]
    assert [c.value.number for c in cells["article_20_8.administrative_fees"]] == [Decimal("12.5")]


def test_a_shorter_label_matches_only_when_one_row_ends_so() -> None:
    from disclosure_report.reading._vocabulary import Matcher, RowSpec

    rows = (RowSpec("a", "行政规范性文件", ()), RowSpec("b", "地方规范性文件", ()))
    assert Matcher(rows).row("规范性文件") is None  # two rows end so: no guess
    assert Matcher(rows[:1]).row("规范性文件") is rows[0]


# Page numbers printed in the text at a page break.


def test_a_page_number_between_a_label_and_its_values_is_never_a_cell() -> None:
    text = _lines(
        "某局2023年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章",
        "- 4 -",
        "1",
        "0",
        "4",
        "行政规范性文件",
        "第 5 页 共 9 页",
        "2",
        "— 6 —",
        "1",
        "9",
    )
    assert _cells(text)[4:7] == [["规章"], ["1"], ["0"]]
    rows = extract(text).tables[0].rows
    assert [c.value.number for c in rows[0][1]] == [1, 0, 4]
    assert [c.value.number for c in rows[1][1]] == [2, 1, 9]


def test_a_bare_number_is_a_value_not_a_page_number() -> None:
    assert _cells(_lines("规章", "4", "-4", "4/9")) == [["规章"], ["4"], ["-4"], ["4/9"]]
