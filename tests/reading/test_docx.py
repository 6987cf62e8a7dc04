"""Word files (``.docx``): the layout of their own paragraphs and tables, and hostile files.

The documents are built here from their XML (``_docx``), so that each feature of
WordprocessingML that the reader handles (merged cells, tracked changes, content controls …) is
tested exactly; ``test_docx_filled.py`` fills the official template as an agency does.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

from pathlib import Path

import pytest

from disclosure_report import BLANK, CellAddress, InvalidReportError, Report2021
from disclosure_report.reading import NoteCode, layout, read
from disclosure_report.reading._docx import MAX_MEMBERS, MAX_RATIO, MAX_XML_BYTES
from disclosure_report.reading._numbering import _format


MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _docx(
    body: str, *, namespace: str = MAIN, prolog: str = "", parts: dict[str, str] | None = None
) -> bytes:
    """A Word file whose body is *body* (WordprocessingML with the prefix ``w``), and other
    *parts* (``word/numbering.xml`` …: the content of their root element ``w:…``)."""
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{namespace}" xmlns:mc="{MC}"><w:body>{body}</w:body></w:document>'
    )
    members = {"word/document.xml": xml.encode("utf-8")}
    for name, root in _PARTS.items():
        if parts and name in parts:
            members[name] = f'<w:{root} xmlns:w="{namespace}">{parts[name]}</w:{root}>'.encode()
    return _zip(members)


_PARTS = {"word/numbering.xml": "numbering", "word/styles.xml": "styles"}


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _tc(content: str = "", *, span: int = 1, vmerge: str | None = None) -> str:
    properties = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if vmerge is not None:
        properties += f'<w:vMerge w:val="{vmerge}"/>' if vmerge else "<w:vMerge/>"
    body = content if content.startswith("<w:") else _p(_r(content)) if content else "<w:p/>"
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{body}</w:tc>"


def _tr(*cells: str, before: int = 0) -> str:
    properties = f'<w:trPr><w:gridBefore w:val="{before}"/></w:trPr>' if before else ""
    return "<w:tr>" + properties + "".join(cells) + "</w:tr>"


def _tbl(*rows: str) -> str:
    return "<w:tbl><w:tblPr/>" + "".join(rows) + "</w:tbl>"


def _grid(data: bytes) -> list[list[tuple[int, str]]]:
    return [[(c.column, c.text) for c in row.cells] for row in layout(data).rows]


TABLE2 = _tbl(
    _tr(_tc("第二十条第（五）项", span=2)),
    _tr(_tc("信息内容"), _tc("本年处理决定数量")),
    _tr(_tc("行政许可"), _tc("7")),
)
REPORT_BODY = _p(_r("二、主动公开政府信息情况")) + TABLE2
REPORT = _docx(
    _p(_r("某局2023年政府信息公开工作年度报告"))
    + _p(_r("一、总体情况"))
    + _p(_r("2023年，本局共收到政府信息公开申请2件。"))
    + _p(_r("二、主动公开政府信息情况"))
    + TABLE2
)


def test_a_docx_is_read_from_its_tables_with_the_place_of_every_cell() -> None:
    result = read(REPORT)
    assert result.kind == "docx"
    report = result.report
    assert isinstance(report, Report2021)
    assert (report.metadata.agency, report.metadata.year) == ("某局", 2023)
    assert report.active_disclosure.article_20_5.licensing.decisions == 7
    assert report.applications.new_received.total is BLANK
    # The 7th paragraph or table row of the document: Word table 0, row 2, grid column 1.
    where = result.locations[CellAddress(2, "article_20_5.licensing", "decisions")]
    assert (where.line, where.table, where.row, where.column) == (7, 0, 2, 1)
    assert str(where) == (
        "table 2, article_20_5.licensing/decisions, line 7, source table 0 row 2 column 1"
    )
    assert len(result.locations) == 1  # the cells of tables 3 and 4 were not read
    rows = layout(REPORT).rows
    assert [(r.line, r.table, r.index, r.delimited) for r in rows] == [
        (1, None, None, False),
        (2, None, None, False),
        (3, None, None, False),
        (4, None, None, False),
        (5, 0, 0, True),
        (6, 0, 1, True),
        (7, 0, 2, True),
    ]


def test_a_docx_is_read_from_a_path_whatever_its_suffix(tmp_path: Path) -> None:
    for name in ("report.docx", "report.txt", "report"):
        path = tmp_path / name
        path.write_bytes(REPORT)
        assert read(path).report.active_disclosure.article_20_5.licensing.decisions == 7


def test_merged_cells_are_one_cell_at_the_grid_column_where_they_start() -> None:
    data = _docx(
        _tbl(
            _tr(_tc("三、本年度办理结果", vmerge="restart"), _tc("（一）", span=2), _tc("5")),
            _tr(_tc("", vmerge=""), _tc("（二）"), _tc(""), _tc("6")),
            _tr(_tc("（三）", vmerge=""), _tc("x", span=3)),
            _tr(_tc("a"), _tc("b", span=2), _tc("c")),
            _tr(_tc("late"), _tc("d"), before=2),
        )
    )
    assert _grid(data) == [
        [(0, "三、本年度办理结果"), (1, "（一）"), (3, "5")],
        [(1, "（二）"), (2, ""), (3, "6")],  # the merged cell is not repeated
        [(1, "x")],  # a continued merge's own text is not read
        [(0, "a"), (1, "b"), (3, "c")],
        [(2, "late"), (3, "d")],
    ]


def test_a_continued_merge_without_a_start_is_a_cell_of_its_own() -> None:
    data = _docx(_tbl(_tr(_tc("a", vmerge=""), _tc("b")), _tr(_tc("c", vmerge=""), _tc("d"))))
    assert _grid(data) == [[(0, "a"), (1, "b")], [(1, "d")]]


def test_the_legacy_horizontal_merge_is_one_cell() -> None:
    start = '<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>' + _p(_r("合并")) + "</w:tc>"
    continued = "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>"
    data = _docx(_tbl(_tr(start, continued, _tc("1"))))
    assert _grid(data) == [[(0, "合并"), (2, "1")]]


@pytest.mark.parametrize("blank", ["\u3000", "\u3000\u3000", " ", "\u00a0", "\u3000 \u00a0"])
def test_a_cell_of_white_space_is_blank(blank: str) -> None:
    data = _docx(_tbl(_tr(_tc("规章"), _tc(blank))))
    assert _grid(data) == [[(0, "规章"), (1, "")]]


def test_a_cells_lines_and_paragraphs_are_joined_by_spaces() -> None:
    cell = (
        "<w:tc>" + _p(_r("商业"), "<w:r><w:br/></w:r>", _r("企业")) + _p(_r("（家）")) + "</w:tc>"
    )
    other = "<w:tc>" + _p(_r("结果"), "<w:r><w:cr/></w:r>", _r("纠正")) + "</w:tc>"
    data = _docx(_tbl(_tr(cell, other)))
    assert _grid(data) == [[(0, "商业 企业 （家）"), (1, "结果 纠正")]]


def test_a_paragraph_with_line_breaks_is_a_row_per_line() -> None:
    data = _docx(_p(_r("一、总体情况"), "<w:r><w:br/></w:r>", _r("本年度…")))
    assert [r.cells[0].text for r in layout(data).rows] == ["一、总体情况", "本年度…"]
    assert {r.line for r in layout(data).rows} == {1}


def test_a_paragraph_with_tab_stops_is_a_row_of_cells_and_a_tab_in_a_cell_a_space() -> None:
    tab = "<w:r><w:tab/></w:r>"
    data = _docx(
        _p(_r("某局2023年政府信息公开工作年度报告"))
        + _p(_r("二、主动公开政府信息情况"))
        + _p(_r("第二十条第（一）项"))
        + _p(
            _r("信息内容"),
            tab,
            _r("本年制发件数"),
            tab,
            _r("本年废止件数"),
            tab,
            _r("现行有效件数"),
        )
        + _p(_r("规章"), tab, _r("1"), tab, _r("0"), tab, _r("4"))
        + _p(tab, _r("缩进的段落"))
        + _tbl(_tr("<w:tc>" + _p(_r("结果"), tab, _r("纠正")) + "</w:tc>"))
    )
    rows = layout(data).rows
    assert [(r.delimited, [c.text for c in r.cells]) for r in rows[3:]] == [
        (True, ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
        (True, ["规章", "1", "0", "4"]),
        (True, ["", "缩进的段落"]),
        (True, ["结果 纠正"]),
    ]
    report = read(data).report
    assert isinstance(report, Report2021)
    rules = report.active_disclosure.article_20_1.rules
    assert (rules.issued, rules.repealed, rules.in_force) == (1, 0, 4)


def test_tracked_changes_read_as_accepted() -> None:
    cell = (
        "<w:tc><w:p>"
        '<w:ins w:id="1" w:author="a"><w:r><w:t>1</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>9</w:delText></w:r></w:del>'
        "<w:r><w:t>2</w:t></w:r>"
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>8</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="4" w:author="a"><w:r><w:t>3</w:t></w:r></w:moveTo>'
        "</w:p></w:tc>"
    )
    deleted_row = (
        '<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr>'
        + _tc("删除的行")
        + _tc("4")
        + "</w:tr>"
    )
    data = _docx(_tbl(_tr(_tc("规章"), cell), deleted_row, _tr(_tc("行政许可"), _tc("5"))))
    assert _grid(data) == [[(0, "规章"), (1, "123")], [(0, "行政许可"), (1, "5")]]


def test_wrappers_are_read_into_and_field_codes_and_hidden_text_are_not() -> None:
    paragraph = (
        "<w:p>"
        '<w:hyperlink r:id="x" xmlns:r="urn:r"><w:r><w:t>链</w:t></w:r></w:hyperlink>'
        '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>标</w:t></w:r></w:smartTag>'
        '<w:customXml w:element="e"><w:r><w:t>定</w:t></w:r></w:customXml>'
        '<w:fldSimple w:instr="PAGE"><w:r><w:t>域</w:t></w:r></w:fldSimple>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2023</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显</w:t></w:r>'
        '<w:r><w:t>A</w:t><w:noBreakHyphen/><w:sym w:font="Symbol" w:char="F0B1"/></w:r>'
        "</w:p>"
    )
    control = "<w:sdt><w:sdtPr/><w:sdtContent>" + _p(_r("内容控件")) + "</w:sdtContent></w:sdt>"
    placeholder = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + _p(_r("单击此处输入文字"))
        + "</w:sdtContent></w:sdt>"
    )
    alternate = (
        "<w:p><mc:AlternateContent><mc:Choice Requires='wps'><w:r><w:t>选</w:t></w:r>"
        "</mc:Choice><mc:Fallback><w:r><w:t>备</w:t></w:r></mc:Fallback>"
        "</mc:AlternateContent></w:p>"
    )
    rows = layout(_docx(paragraph + control + placeholder + alternate)).rows
    assert [r.cells[0].text for r in rows] == ["链标定域2023显A-±", "内容控件", "选"]


def test_rows_and_cells_inside_content_controls_are_read() -> None:
    data = _docx(
        "<w:tbl><w:sdt><w:sdtContent>"
        + _tr(_tc("规章"), "<w:sdt><w:sdtContent>" + _tc("\u3000") + "</w:sdtContent></w:sdt>")
        + "</w:sdtContent></w:sdt></w:tbl>"
    )
    assert _grid(data) == [[(0, "规章"), (1, "")]]


def test_an_empty_content_control_in_a_cell_is_a_blank_cell() -> None:
    cell = (
        "<w:tc><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + _p(_r("单击或点击此处输入文字。"))
        + "</w:sdtContent></w:sdt></w:tc>"
    )
    assert _grid(_docx(_tbl(_tr(_tc("规章"), cell)))) == [[(0, "规章"), (1, "")]]


def test_a_table_holding_a_table_is_read_as_text_and_the_inner_one_as_a_table() -> None:
    inner = _tbl(_tr(_tc("信息内容"), _tc("本年处理决定数量")), _tr(_tc("行政许可"), _tc("7")))
    outer = _tbl(_tr(_tc("<w:p><w:r><w:t>第二十条第（五）项</w:t></w:r></w:p>" + inner + "<w:p/>")))
    data = _docx(_p(_r("二、主动公开政府信息情况")) + outer)
    rows = layout(data).rows
    assert [(r.table, [c.text for c in r.cells]) for r in rows] == [
        (None, ["二、主动公开政府信息情况"]),
        (None, ["第二十条第（五）项"]),
        (1, ["信息内容", "本年处理决定数量"]),  # tables counted in document order
        (1, ["行政许可", "7"]),
    ]
    assert read(data).report.active_disclosure.article_20_5.licensing.decisions == 7


def test_a_table_of_long_text_lays_out_the_page_and_is_read_as_text() -> None:
    long = "".join(_p(_r(f"第{i}段。" + "文字" * 10)) for i in range(8))
    data = _docx(_tbl(_tr("<w:tc>" + long + "</w:tc>")) + REPORT_BODY)
    rows = layout(data).rows
    assert rows[0].table is None
    assert rows[0].cells[0].text.startswith("第0段")
    assert read(data).report.active_disclosure.article_20_5.licensing.decisions == 7


def test_the_strict_namespace_is_read_too() -> None:
    data = _docx(REPORT_BODY, namespace=STRICT)  # the same markup, in the other namespace
    assert read(data).report.active_disclosure.article_20_5.licensing.decisions == 7


def test_a_note_names_the_word_table_row_and_column() -> None:
    data = _docx(
        _p(_r("二、主动公开政府信息情况"))
        + _tbl(
            _tr(_tc("第二十条第（五）项", span=3)),
            _tr(_tc("信息内容"), _tc("本年处理决定数量")),
            _tr(_tc("行政许可"), _tc("7"), _tc("8")),  # one value too many
        )
    )
    notes = [n for n in read(data).notes if n.code is NoteCode.EXTRA_VALUE]
    assert [str(n.where) for n in notes] == [
        "table 2, article_20_5.licensing/*, line 4, source table 0 row 2 column 0"
    ]


def test_an_empty_table_says_that_no_values_were_found() -> None:
    data = _docx(
        _p(_r("二、主动公开政府信息情况"))
        + _tbl(
            _tr(_tc("第二十条第（五）项", span=2)),
            _tr(_tc("信息内容"), _tc("本年处理决定数量")),
            _tr(_tc("行政许可"), _tc("\u3000\u3000")),
        )
    )
    result = read(data)
    assert result.report.active_disclosure.article_20_5.licensing.decisions is BLANK
    notes = [n for n in result.notes if n.code is NoteCode.NO_VALUES]
    assert [n.why for n in notes] == [
        "no values were found: every cell of table 2 is blank (an unfilled template?)"
    ]
    assert not [n for n in read(REPORT).notes if n.code is NoteCode.NO_VALUES]


# --- automatic numbering -------------------------------------------------------------------


def _level(level: int, fmt: str, text: str, *, start: int = 1, suffix: str = "") -> str:
    suff = f'<w:suff w:val="{suffix}"/>' if suffix else ""
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{suff}<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = (
    # 0: the section headings, 一、 … (through the style Heading1), with （一） below them.
    '<w:abstractNum w:abstractNumId="0">'
    + _level(0, "chineseCounting", "%1、", suffix="nothing")
    + _level(1, "chineseCounting", "（%2）", suffix="nothing")
    + "</w:abstractNum>"
    # 1: numbered rows, 1. 2. …
    + '<w:abstractNum w:abstractNumId="1">'
    + _level(0, "decimal", "%1.", suffix="nothing")
    + "</w:abstractNum>"
    # 2: bullets
    + '<w:abstractNum w:abstractNumId="2">'
    + _level(0, "bullet", "\uf06c")
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    + '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
    + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    + '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
)
STYLES = (
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/>'
    "</w:numPr></w:pPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Heading1Plain"><w:basedOn w:val="Heading1"/>'
    "</w:style>"
)


def _numbered(text: str, num: int | None = None, level: int = 0, style: str = "") -> str:
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        properties += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    return f"<w:p><w:pPr>{properties}</w:pPr>{_r(text)}</w:p>"


def test_automatic_numbering_is_read_as_word_prints_it() -> None:
    body = (
        _numbered("某局2023年政府信息公开工作年度报告")
        + _numbered("总体情况", style="Heading1")
        + _numbered("要点", 4)  # a bullet: no number
        + _numbered("第一项", 1, 1)
        + _numbered("第二项", 1, 1)
        + _numbered("主动公开政府信息情况", style="Heading1Plain")  # the style it is based on
        + _numbered("不编号", 0, style="Heading1")  # numId 0 takes the style's numbering off
        + _tbl(
            _tr(_tc(_numbered("属于国家秘密", 2)), _tc("1")),
            _tr(_tc(_numbered("其他法律行政法规禁止公开", 2)), _tc("2")),
        )
        + _numbered("重新编号", 3)  # a list that restarts at 1
        + _numbered("收到和处理政府信息公开申请情况", style="Heading1")
    )
    data = _docx(body, parts={"word/numbering.xml": NUMBERING, "word/styles.xml": STYLES})
    assert [[c.text for c in r.cells] for r in layout(data).rows] == [
        ["某局2023年政府信息公开工作年度报告"],
        ["一、总体情况"],
        ["要点"],
        ["（一）第一项"],
        ["（二）第二项"],
        ["二、主动公开政府信息情况"],
        ["不编号"],
        ["1.属于国家秘密", "1"],
        ["2.其他法律行政法规禁止公开", "2"],
        ["1.重新编号"],
        ["三、收到和处理政府信息公开申请情况"],
    ]


def test_a_page_layout_table_counts_its_numbered_paragraphs_once() -> None:
    long = "".join(_numbered(f"第{i}段" + "文字" * 10, 2) for i in range(8))
    data = _docx(
        _tbl(_tr("<w:tc>" + long + "</w:tc>")) + _numbered("其后", 2),
        parts={"word/numbering.xml": NUMBERING},
    )
    texts = [r.cells[0].text for r in layout(data).rows]
    assert [t[:4] for t in texts] == [f"{i}.第{i - 1}" for i in range(1, 9)] + ["9.其后"]


@pytest.mark.parametrize(
    ("fmt", "values", "printed"),
    [
        (
            "chineseCounting",
            [1, 10, 11, 20, 21, 100, 101, 110, 1001],
            "一 十 十一 二十 二十一 一百 一百零一 一百一十 一千零一",
        ),
        ("ideographTraditional", [1, 2, 10, 11], "甲 乙 癸 甲"),
        ("decimalEnclosedCircle", [1, 20, 21], "① ⑳ 21"),
        ("upperLetter", [1, 26, 27], "A Z AA"),
        ("lowerRoman", [4, 9, 14], "iv ix xiv"),
        ("decimalZero", [3, 12], "03 12"),
        ("decimalFullWidth", [12], "\uff11\uff12"),
        ("unknownFormat", [7], "7"),
    ],
)
def test_number_formats(fmt: str, values: list[int], printed: str) -> None:
    assert " ".join(_format(fmt, value) for value in values) == printed


# --- hostile and damaged files ---------------------------------------------------------------


def _refused(data: bytes, match: str) -> None:
    start = time.process_time()
    with pytest.raises(InvalidReportError, match=match) as raised:
        read(data)
    assert time.process_time() - start < 10
    assert len(raised.value.problems) == 1
    assert "invalid report data" not in raised.value.problems[0].got  # not wrapped twice


def test_a_truncated_docx_is_a_damaged_word_file() -> None:
    for cut in (len(REPORT) // 2, len(REPORT) - 10, 200):
        _refused(REPORT[:cut], "a damaged Word file")


def test_a_docx_whose_xml_is_cut_or_corrupt_is_a_damaged_word_file() -> None:
    _refused(_zip({"word/document.xml": b"<w:document xmlns:w='x'><w:body>"}), "damaged Word")
    corrupt = bytearray(REPORT)
    at = corrupt.find(b"word/document.xml") + 40  # inside its compressed data
    corrupt[at : at + 20] = bytes(20)
    _refused(bytes(corrupt), "damaged Word file")


def test_a_docx_without_a_body_is_refused() -> None:
    data = _zip({"word/document.xml": f'<w:document xmlns:w="{MAIN}"/>'.encode()})
    _refused(data, "no document body")


def test_a_docx_zip_bomb_is_refused_in_bounded_time_and_memory() -> None:
    # 100 MiB of XML that compresses to about 100 KiB: refused after a few MiB are read.
    bomb = (
        f'<w:document xmlns:w="{MAIN}"><w:body><w:p><w:r><w:t>'.encode()
        + b" " * (100 * 1024 * 1024)
        + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    data = _zip({"word/document.xml": bomb})
    del bomb
    tracemalloc.start()
    try:
        _refused(data, "zip bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Read up to MAX_RATIO times its compressed size (and a chunk), not the 100 MiB.
    compressed = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").compress_size
    assert peak < MAX_RATIO * compressed + 4 * 1024 * 1024 < 50 * 1024 * 1024


def test_a_docx_beyond_the_size_bound_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("disclosure_report.reading._docx.MAX_XML_BYTES", 1000)
    assert MAX_XML_BYTES > 1000
    body = "".join(_p(_r(f"段落{i}")) for i in range(100))
    _refused(_docx(body), "at most 0 MiB")


def test_a_docx_of_too_many_members_is_refused() -> None:
    members = {f"word/media/{i}.xml": b"" for i in range(MAX_MEMBERS + 1)}
    members["word/document.xml"] = f'<w:document xmlns:w="{MAIN}"><w:body/></w:document>'.encode()
    _refused(_zip(members), f"at most {MAX_MEMBERS} zip members")


def test_a_docx_that_declares_entities_is_refused() -> None:
    laughs = (
        '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + "]>"
    )
    data = _docx(_p(_r("&j;")), prolog=laughs)
    _refused(data, "document type declaration")


def test_a_docx_with_an_external_entity_is_refused_without_reading_it(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("不可读", encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    _refused(_docx(_p(_r("&x;")), prolog=prolog), "document type declaration")


def test_a_member_in_a_compression_zip_cannot_open_is_a_damaged_word_file() -> None:
    data = bytearray(REPORT)
    # Every header of word/document.xml says method 99 (AES), which zipfile does not open.
    name = b"word/document.xml"
    for at in (i for i in range(len(data)) if data.startswith(name, i)):
        header = data.rfind(b"PK", 0, at)
        offset = 8 if data[header + 2 : header + 4] == b"\x03\x04" else 10
        data[header + offset : header + offset + 2] = (99).to_bytes(2, "little")
    _refused(bytes(data), "damaged Word file")


def test_kind_docx_insists_and_garbage_is_a_damaged_word_file() -> None:
    with pytest.raises(InvalidReportError, match="damaged Word file"):
        read(b"not a zip archive at all", kind="docx")
