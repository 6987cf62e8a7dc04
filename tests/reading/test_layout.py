"""The layout stage: decoding, HTML or text, and rows of cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_report.reading import NoteCode, layout, read
from disclosure_report.reading._html import html_rows
from disclosure_report.reading._source import decode, detect_kind
from disclosure_report.reading._text import text_rows


def _cells(text: str) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in text_rows(text)]


def test_tab_separated_rows_keep_their_empty_cells() -> None:
    assert _cells("\t\t1. 属于国家秘密\t0\t\t0\n") == [["", "", "1. 属于国家秘密", "0", "", "0"]]


def test_pipe_rows_lose_their_outer_pipes() -> None:
    assert _cells("| 规章 | 0 | | 4 |\n规章 | 1 |") == [
        ["规章", "0", "", "4"],
        ["规章", "1"],
    ]


def test_markdown_separators_and_fillers_are_skipped() -> None:
    assert _cells("|---|---|\n||||\n| |||\n") == []


def test_a_lone_pipe_is_an_empty_cell() -> None:
    rows = text_rows("规章 |\n|\n0 |\n")
    assert [[c.text for c in r.cells] for r in rows] == [["规章"], [""], ["0"]]
    assert not any(r.delimited for r in rows)


def test_values_after_a_label_are_split_from_it() -> None:
    assert _cells("规章 0 0 4\n商业 企业\n0 0") == [
        ["规章", "0", "0", "4"],
        ["商业 企业"],
        ["0", "0"],
    ]


def test_line_numbers_count_every_line() -> None:
    rows = text_rows("a\n\n\nb\r\nc")
    assert [r.line for r in rows] == [1, 4, 5]


def test_html_grid_honours_rowspan_and_colspan() -> None:
    page = html_rows(
        "<table><tr><td rowspan=2>三</td><td colspan=2>（一）</td><td>5</td></tr>"
        "<tr><td>（二）</td><td></td><td>6</td></tr></table>"
    )
    assert [[(c.text, c.column) for c in r.cells] for r in page.rows] == [
        [("三", 0), ("（一）", 1), ("5", 3)],
        [("（二）", 1), ("", 2), ("6", 3)],
    ]
    assert page.tables == 1


def test_html_skips_what_a_reader_does_not_see() -> None:
    page = html_rows(
        "<html><head><title>标题</title><style>p{}</style></head><body>"
        "<script>var a = '<table>';</script><!-- 注释 --><p>正文<span>一</span>段</p>"
        "<noscript>无</noscript></body></html>"
    )
    assert [r.cells[0].text for r in page.rows] == ["正文一段"]
    assert page.title == "标题"


def test_html_line_breaks_inside_cells_are_spaces() -> None:
    page = html_rows("<table><tr><td>本年新<br/>制作数量</td><td>&nbsp;</td></tr></table>")
    assert [c.text for c in page.rows[0].cells] == ["本年新 制作数量", ""]


def test_a_page_layout_table_is_read_as_text() -> None:
    page = html_rows(
        "<table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table>"
        "<p>五、存在的主要问题</p></td></tr></table>"
    )
    assert [[c.text for c in r.cells] for r in page.rows] == [
        ["一、总体情况"],
        ["规章", "0"],
        ["五、存在的主要问题"],
    ]


def test_html_tag_names_ignore_ascii_case() -> None:
    page = html_rows(
        "<TABLE><Tr><TD ROWSPAN=2>三</TD><tD>1</Td></TR><tr><th>2</TH></tr></table>"
        "<SCRIPT>hidden</script ><P>正文</p>"
    )
    assert [[(c.text, c.column) for c in r.cells] for r in page.rows] == [
        [("三", 0), ("1", 1)],
        [("2", 1)],
        [("正文", 0)],
    ]


def test_html_runs_of_block_tags_are_one_boundary_and_keep_lines() -> None:
    page = html_rows(
        "<div><p>一</p>\n</div>\n<div class='a'>\n<p\n>二</p></div>"
        "<table><tr><td><p>规章</p>\n<p>（说明）</p></td><td>\n<p>0</p></td></tr></table>"
        "\n<p>三</p>"
    )
    assert [(r.line, [c.text for c in r.cells]) for r in page.rows] == [
        (1, ["一"]),
        (5, ["二"]),
        (5, ["规章 （说明）", "0"]),
        (8, ["三"]),
    ]


def test_quoted_brackets_in_attributes() -> None:
    page = html_rows('<div ms-if="a>0"><p>正文</p></div><p>搜索：<a ms-if="$index<4">历史</a></p>')
    assert [r.cells[0].text for r in page.rows] == ["正文", "搜索：历史"]


def test_white_space_between_inline_elements_is_kept() -> None:
    page = html_rows(
        "<p><a>国务院</a>\n<a>省政府</a></p>"
        "<table><tr><td><span>商业</span> <span>企业</span></td><td>\n<b>0</b>\n</td></tr></table>"
    )
    assert [[c.text for c in r.cells] for r in page.rows] == [
        ["国务院 省政府"],
        ["商业 企业", "0"],
    ]


def test_text_after_a_hidden_element_is_kept() -> None:
    page = html_rows(
        "<p>正<script>x</script>文</p><table><tr><td>1<style>td{}</style>2</td></tr></table>"
    )
    assert [[c.text for c in r.cells] for r in page.rows] == [["正文"], ["12"]]
    assert page.tables == 1


def test_the_parser_limits_cut_the_page() -> None:
    page = html_rows("<p>前</p>" + "<div>" * 300 + "<p>后</p>")
    assert [r.cells[0].text for r in page.rows] == ["前"]
    assert page.cut
    assert not html_rows("<div>" * 100 + "<p>后</p>").cut


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "gbk", "utf-8-sig", "utf-16"])
def test_decoding(codec: str) -> None:
    text = "二、主动公开政府信息情况 規範"
    data = text.encode(codec)
    decoded = decode(data)
    assert decoded.text == text
    assert not decoded.replaced


def test_undecodable_bytes_are_replaced_and_reported() -> None:
    decoded = decode(b"\xff\xfe\xfd\x80abc"[2:] + b"\xc0")
    assert decoded.replaced


def test_kind_detection() -> None:
    assert detect_kind("<!DOCTYPE html><p>x</p>") == "html"
    assert detect_kind("规章\t0\n<http://example.gov.cn/>") == "text"
    assert detect_kind("x", ".htm") == "html"
    assert detect_kind("<p>x</p>", ".md") == "text"


def test_layout_reads_a_path(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_bytes("<table><tr><td>规章</td><td>0</td></tr></table>".encode("gb18030"))
    page = layout(path)
    assert page.kind == "html"
    assert page.encoding in {"utf-8", "gb18030"}
    assert [c.text for c in page.rows[0].cells] == ["规章", "0"]


REPORT = "二、主动公开政府信息情况 規範\n第二十条第（五）项\n行政许可\t7\n"


@pytest.mark.parametrize(
    ("codec", "assumed"),
    [
        ("utf-32", None),  # with a byte-order mark: stated, not assumed
        ("utf-32-le", "utf-32-le"),
        ("utf-32-be", "utf-32-be"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_utf16_and_utf32_are_recognized_with_or_without_a_byte_order_mark(
    codec: str, assumed: str | None
) -> None:
    decoded = decode(REPORT.encode(codec))
    assert decoded.text == REPORT
    assert decoded.encoding == (assumed or codec)
    assert not decoded.replaced
    if assumed is None:
        assert decoded.why is None
    else:
        assert decoded.why is not None
        assert assumed in decoded.why


def test_utf16_that_begins_with_a_chinese_character_is_recognized() -> None:
    # json.detect_encoding looks at the first character only; 某 has no NUL byte.
    text = "某局2023年政府信息公开工作年度报告\n" * 3
    assert decode(text.encode("utf-16-le")).text == text
    assert decode(text.encode("utf-16-be")).text == text


def test_an_assumed_encoding_is_a_decoding_note() -> None:
    result = read(REPORT.encode("utf-32-le"))
    assert result.encoding == "utf-32-le"
    assert result.report.active_disclosure.article_20_5.licensing.decisions == 7
    notes = [n for n in result.notes if n.code is NoteCode.DECODING]
    assert len(notes) == 1
    assert "utf-32-le assumed" in notes[0].why


def test_nul_bytes_in_no_known_pattern_are_an_unrecognized_encoding() -> None:
    data = ("行政许可\t7\n".encode() + b"\0\0") * 50  # NUL bytes at both parities
    decoded = decode(data)
    assert decoded.why is not None
    assert "not recognized" in decoded.why
    result = read(data)
    assert any("not recognized" in n.why for n in result.notes if n.code is NoteCode.DECODING)


def test_a_stray_nul_byte_is_not_utf16() -> None:
    data = ("行政许可\t7\n" * 50).encode() + b"\0"
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.why is not None
    assert "not recognized" in decoded.why
