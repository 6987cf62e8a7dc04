"""Reading PDF: the real corpus PDF, PDFs printed from our own rendering, hostile and
unreadable PDFs (written here by hand, in PDF syntax), and the layout analysis on its own."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import time
import zlib

from pathlib import Path

import pytest

from disclosure_report import InvalidReportError, from_json, render
from disclosure_report.reading import NoteCode, ReadingNote, layout, read
from disclosure_report.reading._pdf_layout import document_rows, grids_of, page_plan, page_rows
from disclosure_report.reading._pdf_page import Char, PageContent, Rule, _unusable
from disclosure_report.reading._source_layout import Row
from disclosure_report.reading._values import classify
from disclosure_report.tidy import cell_records


ROOT = Path(__file__).resolve().parents[2]
MORE = ROOT.parent / "shared" / "corpus" / "more"
HONGZE = MORE / "raw" / "101-hongze-district-gov-2024-pdf.pdf"
EXAMPLE = ROOT / "examples" / "nx-jgswglj-2023.json"


def pdf(*pages: bytes, extra: list[bytes] | None = None, trailer: bytes = b"") -> bytes:
    """A PDF whose pages draw *pages* (content streams); *extra* objects are numbered from 4
    + 2 * len(pages) on. Object 3 is a Type1 Helvetica font."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * i} 0 R"
            " /Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.extend(extra or [])
    return _assemble(objects, trailer)


def _assemble(objects: list[bytes], trailer: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def text(x: float, y: float, words: str) -> bytes:
    return f"BT /F1 10 Tf {x} {y} Td ({words}) Tj ET\n".encode()


# --- the corpus PDF ---------------------------------------------------------------------------


@pytest.mark.skipif(not HONGZE.is_file(), reason="no corpus at ../shared/corpus/more")
def test_the_corpus_pdf_is_read_exactly() -> None:
    expected = json.loads((MORE / "expected" / (HONGZE.stem + ".json")).read_text("utf-8"))
    result = read(HONGZE)

    assert result.kind == "pdf"
    assert (result.report.metadata.agency, result.report.metadata.year) == (
        "淮安市洪泽区人民政府",
        2024,
    )
    got: dict[int, list[object]] = {2: [], 3: [], 4: []}
    for record in cell_records(result.report):
        value = record["value"]
        got[record["table"]].append(None if value is None else str(value))
    flat3 = [None if v is None else str(v) for row in expected["table3"] for v in row]
    assert got[2] == [str(v) for v in expected["table2"]]
    assert got[3] == flat3
    assert got[4] == [str(v) for v in expected["table4"]]


@pytest.mark.skipif(not HONGZE.is_file(), reason="no corpus at ../shared/corpus/more")
def test_the_group_printed_as_one_row_is_kept_as_printed() -> None:
    expected = json.loads((MORE / "expected" / (HONGZE.stem + ".json")).read_text("utf-8"))
    result = read(HONGZE.read_bytes())

    (extra,) = result.extra_rows
    assert extra.group == "outcomes.other_handling"
    assert [int(v) for v in extra.values] == expected["table3_six_printed"]
    assert extra.where.page == 4
    assert extra.where.box is not None
    codes = [n.code for n in result.notes]
    assert NoteCode.EXTRA_ROW in codes
    assert NoteCode.LABEL_VARIANT in codes  # '2.其他法律行政止公开', a misprint


@pytest.mark.skipif(not HONGZE.is_file(), reason="no corpus at ../shared/corpus/more")
def test_every_cell_read_from_a_pdf_has_its_page_and_box() -> None:
    result = read(HONGZE)

    assert result.locations
    for location in result.locations.values():
        assert location.page is not None
        assert location.box is not None
        x0, top, x1, bottom = location.box
        assert 0 <= x0 < x1 <= 595
        assert 0 <= top < bottom <= 842


@pytest.mark.skipif(not HONGZE.is_file(), reason="no corpus at ../shared/corpus/more")
def test_page_numbers_are_never_cells() -> None:
    rows = layout(HONGZE).rows
    texts = {cell.text for row in rows for cell in row.cells}
    assert not {"-1-", "-2-", "-3-", "-4-", "-5-"} & texts


# --- PDFs printed from our own rendering -------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no chromium to print a PDF")
    folder = tmp_path_factory.mktemp("chromium")
    page = folder / "report.html"
    page.write_text(render(from_json(EXAMPLE.read_bytes()), to="html"), encoding="utf-8")
    out = folder / "report.pdf"
    subprocess.run(  # noqa: S603 (a fixed command)
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--print-to-pdf={out}",
            str(page),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out.read_bytes()


def test_a_report_printed_by_chromium_reads_back(chromium_pdf: bytes) -> None:
    original = from_json(EXAMPLE.read_bytes())
    result = read(chromium_pdf)

    assert result.kind == "pdf"
    assert list(cell_records(result.report)) == list(cell_records(original))


# --- hostile and unreadable PDFs ---------------------------------------------------------------


def test_a_truncated_pdf_is_an_error_or_a_note_never_a_foreign_exception() -> None:
    data = pdf(text(72, 700, "hello"))
    for cut in (12, len(data) // 3, len(data) // 2, len(data) - 30):
        outcome = _read_or_error(data[:cut])
        assert outcome == "pdf" or "PDF" in outcome


def _read_or_error(data: bytes) -> str:
    """The kind read, or the expectation of the library's error."""
    try:
        return read(data).kind
    except InvalidReportError as error:
        return error.problems[0].expected


def test_an_encrypted_pdf_says_so() -> None:
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32)
    data = pdf(text(72, 700, "secret"), extra=[encrypt], trailer=b"/Encrypt 6 0 R /ID [<00> <00>] ")
    with pytest.raises(InvalidReportError, match="encrypted"):
        read(data)


def test_a_scan_gets_a_note_that_it_has_no_text() -> None:
    image = b"q 100 0 0 100 72 600 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"
    result = read(pdf(image))

    (note,) = [n for n in result.notes if n.code is NoteCode.NO_TEXT and n.where.page is None]
    assert "no text layer" in note.why
    assert "OCR" in note.why
    assert result.tables_found == ()


def test_a_pdf_bomb_of_many_pages_reads_a_bounded_number_in_bounded_time() -> None:
    count = 100_000
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Length 0 >>\nstream\n\nendstream",
        *(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>",) * count,
    ]
    start = time.perf_counter()
    result = read(_assemble(objects))

    assert time.perf_counter() - start < 30
    assert any(n.code is NoteCode.LIMIT and "pages after 200" in n.why for n in result.notes)


def test_deeply_nested_objects_and_forms_end_in_bounded_time() -> None:
    depth = 5000
    nested = b"[" * depth + b"]" * depth
    forms = []
    first = 6
    for i in range(200):  # each form draws the next: nesting pdfium and the reader must cap
        inner = f"/X{i + 1} Do".encode() if i < 199 else b"0 0 m 100 0 l S"
        resources = (
            f"/Resources << /XObject << /X{i + 1} {first + i + 1} 0 R >> >>" if i < 199 else ""
        )
        forms.append(
            f"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] {resources} /Length {len(inner)} >>".encode()
            + b"\nstream\n"
            + inner
            + b"\nendstream"
        )
    content = b"/X0 Do " + text(72, 700, "deep")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Junk " + nested + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> /XObject << /X0 6 0 R >> >> >>"
        ),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *forms,
    ]
    start = time.perf_counter()
    with contextlib.suppress(InvalidReportError):
        read(_assemble(objects))
    assert time.perf_counter() - start < 30


def test_a_huge_compressed_content_stream_is_bounded() -> None:
    content = zlib.compress(b"0 0 m 1 1 l S\n" * 2_000_000)
    stream = (
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"
    )
    data = pdf(b"")
    data = _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream,
        ]
    )
    start = time.perf_counter()
    result = read(data)
    assert time.perf_counter() - start < 60
    assert any(n.code is NoteCode.LIMIT for n in result.notes)


def test_characters_without_a_unicode_map_are_never_numbers() -> None:
    assert _unusable(0xE001)  # private use: what a font without ToUnicode gives
    assert _unusable(0x03)
    assert _unusable(0xFFFD)
    assert not _unusable(ord("7"))
    assert not _unusable(ord("年"))


def test_a_page_of_unmapped_glyphs_is_noted_and_left_out() -> None:
    chars = [Char("\ufffd", 72 + 10 * i, 100, 80 + 10 * i, 110) for i in range(20)]
    content = PageContent(chars, [], 20, False, False, 595, 842)
    # The page layer reads such characters as U+FFFD, which no value is made of.
    rows = page_rows(content, 1, 1, 0).rows
    assert all("\ufffd" in cell.text for row in rows for cell in row.cells)


# --- the layout analysis alone -----------------------------------------------------------------


def _hline(y: float, x0: float, x1: float) -> Rule:
    return Rule(x0, y, x1, y)


def _vline(x: float, top: float, bottom: float) -> Rule:
    return Rule(x, top, x, bottom)


def test_a_rule_missing_between_slots_makes_a_merged_cell() -> None:
    # Two rows, three columns; the first column spans both rows (no rule under its first row).
    rules = [
        _hline(100, 50, 350),
        _hline(130, 150, 350),
        _hline(160, 50, 350),
        _vline(50, 100, 160),
        _vline(150, 100, 160),
        _vline(250, 100, 160),
        _vline(350, 100, 160),
    ]
    (grid,) = grids_of(rules)

    assert grid.xs == (50, 150, 250, 350)
    assert grid.ys == (100, 130, 160)
    assert grid.extent[0, 0] == (1, 0)
    assert grid.origin[1, 0] == (0, 0)
    assert grid.extent[1, 2] == (1, 2)


def test_two_tables_whose_edges_nearly_line_up_stay_two() -> None:
    rules = [
        _hline(100, 50, 350),
        _hline(150, 50, 350),
        _vline(50, 100, 150),
        _vline(350, 100, 150),
        _hline(300, 51, 349),
        _hline(350, 51, 349),
        _vline(51, 300, 350),
        _vline(349, 300, 350),
    ]
    assert len(grids_of(rules)) == 2


def _line(x: float, top: float, word: str, size: float = 10) -> list[Char]:
    return [
        Char(ch, x + i * size, top, x + (i + 1) * size, top + size) for i, ch in enumerate(word)
    ]


def test_ruled_cells_hold_their_text_and_empty_cells_keep_their_column() -> None:
    rules = [
        _hline(100, 50, 350),
        _hline(130, 50, 350),
        _vline(50, 100, 130),
        _vline(150, 100, 130),
        _vline(250, 100, 130),
        _vline(350, 100, 130),
    ]
    chars = [*_line(60, 110, "行政许可"), *_line(300, 110, "12")]
    rows = page_rows(PageContent(chars, rules, 0, False, False, 595, 842), 2, 7, 0).rows

    (row,) = rows
    assert row.delimited
    assert [(c.text, c.column) for c in row.cells] == [("行政许可", 0), ("", 1), ("12", 2)]
    assert row.cells[2].page == 2
    assert row.cells[2].box == (250, 100, 350, 130)


def test_page_numbers_at_the_foot_are_dropped_and_a_narrative_number_is_kept() -> None:
    chars = [
        *_line(72, 30, "报告"),
        *_line(72, 100, "共收到申请"),
        *_line(72, 115, "12"),
        *_line(72, 130, "件。"),
        *_line(280, 800, "-4-"),
    ]
    rows = page_rows(PageContent(chars, [], 0, False, False, 595, 842), 1, 1, 0).rows
    texts = [c.text for row in rows for c in row.cells]
    assert "-4-" not in texts
    assert "12" in " ".join(texts)


def test_a_table_without_borders_keeps_blank_cells_in_their_columns() -> None:
    header = [
        *_line(60, 100, "信息内容"),
        *_line(200, 100, "甲"),
        *_line(300, 100, "乙"),
        *_line(400, 100, "丙"),
    ]
    first = [*_line(60, 120, "规章"), *_line(200, 120, "1"), *_line(400, 120, "3")]
    second = [
        *_line(60, 140, "行政规范性文件"),
        *_line(200, 140, "4"),
        *_line(300, 140, "5"),
        *_line(400, 140, "6"),
    ]
    rows = page_rows(_page([*header, *first, *second]), 1, 1, 0).rows

    by_label = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in rows}
    assert by_label["规章"] == ["1", "", "3"]
    assert by_label["行政规范性文件"] == ["4", "5", "6"]


def test_a_column_blank_in_every_row_left_of_the_values_is_still_a_column() -> None:
    # Table 二's first sub-table: both rows leave 本年制发件数 blank, so every value stands
    # right of it; its header alone says where the column is, and the values stay in theirs.
    header = [
        *_line(60, 100, "信息内容"),
        *_line(200, 100, "本年制发件数"),
        *_line(330, 100, "本年废止件数"),
        *_line(450, 100, "现行有效件数"),
    ]
    first = [*_line(70, 120, "规章"), *_line(355, 120, "／"), *_line(478, 120, "-")]
    second = [*_line(50, 140, "行政规范性文件"), *_line(352, 140, "24"), *_line(475, 140, "—")]
    rows = page_rows(_page([*header, *first, *second]), 1, 1, 0).rows

    by_label = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in rows}
    assert by_label["规章"] == ["", "／", "-"]
    assert by_label["行政规范性文件"] == ["", "24", "—"]


def test_a_label_wrapped_onto_the_last_lines_of_a_page_stays_with_its_row() -> None:
    # The table goes on on the next page; the label's rest is the page's last two lines.
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    header = [*_line(60, 100, "信息内容"), *_line(300, 100, "甲"), *_line(400, 100, "乙")]
    above = [*_line(60, 120, "1.其他"), *_line(300, 120, "1"), *_line(400, 120, "2")]
    row = [*_line(60, 140, label[:15]), *_line(300, 140, "3"), *_line(400, 140, "4")]
    rest = [*_line(60, 155, label[15:30]), *_line(60, 170, label[30:])]
    rows = page_rows(_page([*header, *above, *row, *rest]), 1, 1, 0).rows

    # The lines of a wrapped label are joined with a space (the matcher ignores it).
    assert ["".join(c.text.split()) for c in rows[-1].cells] == [label, "3", "4"]
    assert rows[-1].delimited


def test_a_short_line_below_a_table_that_does_not_continue_a_label_is_not_the_table() -> None:
    header = [*_line(60, 100, "信息内容"), *_line(300, 100, "甲"), *_line(400, 100, "乙")]
    first = [*_line(60, 120, "行政许可"), *_line(300, 120, "1"), *_line(400, 120, "2")]
    note = _line(60, 135, "单位：件")
    rows = page_rows(_page([*header, *first, *note]), 1, 1, 0).rows

    assert [c.text for c in rows[-2].cells] == ["行政许可", "1", "2"]
    assert [(c.text, rows[-1].delimited) for c in rows[-1].cells] == [("单位：件", False)]


# --- narrative: paragraphs as the document has them ------------------------------------------

_LEFT, _RIGHT, _SIZE, _PITCH = 90, 500, 10, 20
"""A page's text column (41 characters of 10 points a line) and its line pitch (double spaced,
as report templates print their narrative)."""


def _paragraph(text: str, top: float, *, indent: int = 2) -> tuple[list[Char], float]:
    """*text* wrapped as a word processor wraps it, the first line indented by *indent*
    characters; the characters, and the top of the line after the paragraph."""
    chars: list[Char] = []
    x = _LEFT + indent * _SIZE
    for ch in text:
        if x + _SIZE > _RIGHT:
            x, top = _LEFT, top + _PITCH
        chars.append(Char(ch, x, top, x + _SIZE, top + _SIZE))
        x += _SIZE
    return chars, top + _PITCH


def _page(chars: list[Char]) -> PageContent:
    return PageContent(chars, [], 0, False, False, 595, 842)


def _texts(rows: list[Row]) -> list[str]:
    return [" | ".join(c.text for c in row.cells) for row in rows]


FIRST = "本年度，本机关围绕中心工作，推进重点领域信息公开，回应社会关切，及时发布权威信息，完善政府信息公开工作制度。"
SECOND = "全年，本机关坚持以公开为常态、不公开为例外，做好历史信息的清理和归档，组织开展政务公开业务培训。"


def test_wrapped_lines_are_one_paragraph_and_an_indent_starts_the_next() -> None:
    heading, top = _paragraph("一、总体情况", 100)
    first, top = _paragraph(FIRST, top)
    second, top = _paragraph(SECOND, top)
    # Not indented, but the line above ends short of the right edge: a paragraph of its own.
    third, _ = _paragraph("本年度未收取信息处理费。", top, indent=0)

    rows = page_rows(_page([*heading, *first, *second, *third]), 1, 1, 0).rows

    assert _texts(rows) == ["一、总体情况", FIRST, SECOND, "本年度未收取信息处理费。"]
    assert rows[1].cells[0].box == (_LEFT, 120, _RIGHT, 150)


def test_a_paragraph_goes_on_across_a_page_break() -> None:
    # The first page ends inside the paragraph (a page number at its foot); the second page
    # goes on with it at the left edge of the text, and starts a paragraph after it.
    text = FIRST + SECOND
    chars, _ = _paragraph(text, 700)
    on_first = [ch for ch in chars if ch.top < 800]
    on_second = [
        ch._replace(top=ch.top - 740, bottom=ch.bottom - 740) for ch in chars[len(on_first) :]
    ]
    after, _ = _paragraph("六、其他需要报告的事项", 120)
    pages = [
        page_plan(_page([*on_first, *_line(290, 805, "-1-")]), 1),
        page_plan(_page([*on_second, *after]), 2),
    ]

    rows = document_rows(pages)

    assert _texts(rows) == [text, "六、其他需要报告的事项"]
    assert rows[0].cells[0].page == 1


def test_a_year_beside_cjk_reads_without_a_space_unless_one_is_printed() -> None:
    # Justification and Word's automatic CJK/Latin spacing leave gaps, not spaces.
    gap = [*_line(100, 100, "2024"), *_line(143, 100, "年，本局共收到申请")]
    printed = [
        *_line(100, 130, "某局"),
        Char(" ", 120, 130, 124, 140, space=True),
        *_line(124, 130, "2023年"),
    ]
    latin = [*_line(100, 160, "open"), *_line(145, 160, "data")]

    rows = page_rows(_page([*gap, *printed, *latin]), 1, 1, 0).rows

    assert _texts(rows) == ["2024年，本局共收到申请", "某局 2023年", "open data"]


# --- table 四 without borders: a column left blank throughout ---------------------------------

_LEAVES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def _table4_header(top: float, width: float) -> list[Char]:
    """Table 四's header in 15 columns of *width* points from x = 60, narrow: each column's
    header broken into fragments of two characters, one a line, as a narrow column wraps it."""
    chars = [
        *_line(60 + 1.5 * width, top, "行政复议"),
        *_line(60 + 9 * width, top, "行政诉讼"),
        *_line(60 + 6 * width, top + 15, "未经复议直接起诉"),
        *_line(60 + 11.5 * width, top + 15, "复议后起诉"),
    ]
    for column in range(15):
        leaf = _LEAVES[column % 5]
        x = 60 + column * width + (width - 20) / 2
        for line, start in enumerate(range(0, len(leaf), 2)):
            chars.extend(_line(x, top + 30 + 15 * line, leaf[start : start + 2]))
    return chars


def _table4_values(top: float, width: float, values: list[str]) -> list[Char]:
    """*values* (``""``: a blank cell) in the columns of :func:`_table4_header`."""
    chars: list[Char] = []
    for column, value in enumerate(values):
        x = 60 + column * width + (width - len(value) * 6) / 2
        chars.extend(
            Char(ch, x + 6 * i, top, x + 6 * (i + 1), top + 10) for i, ch in enumerate(value)
        )
    return chars


_VALUES = ["4", "", "5", "12", "21", "8", "1", "", "5", "14", "0", "1", "12", "12", "25"]


def _table4_cells(rows: list[Row]) -> list[str] | None:
    for row in rows:
        texts = [c.text for c in row.cells]
        if len(texts) == 15 and any(texts):
            return texts
    return None


def test_a_blank_column_of_table_4_keeps_its_place_when_the_header_is_on_the_page_before() -> None:
    heading = _line(111, 700, "四、政府信息公开行政复议、行政诉讼情况")
    pages = [
        page_plan(_page([*heading, *_table4_header(730, 32)]), 5),
        page_plan(_page(_table4_values(90, 32, _VALUES)), 6),
    ]

    rows = document_rows(pages)

    assert _table4_cells(rows) == _VALUES


def test_table_4_columns_come_from_the_header_fragments_when_its_words_run_together() -> None:
    # Columns 20 points wide: fragments of one line 4 points apart, one word at the word gap;
    # the last column blank too.
    values = [*_VALUES[:-1], ""]
    chars = [
        *_line(111, 100, "四、政府信息公开行政复议、行政诉讼情况"),
        *_table4_header(130, 24),
        *_table4_values(210, 24, values),
    ]

    assert _table4_cells(page_rows(_page(chars), 1, 1, 0).rows) == values


def test_table_4_values_whose_columns_are_unknown_are_left_out_with_a_note() -> None:
    # A header without its fragments (cut at the page before): nothing tells which of the
    # 15 columns the 13 values stand in.
    heading = _line(111, 100, "四、政府信息公开行政复议、行政诉讼情况")
    header = [*_line(108, 130, "行政复议"), *_line(348, 130, "行政诉讼")]
    values = _table4_values(160, 32, _VALUES)
    notes: list[ReadingNote] = []

    rows = document_rows([page_plan(_page([*heading, *header, *values]), 1)], notes)

    assert _table4_cells(rows) is None
    assert not any(classify(c.text).is_value for row in rows for c in row.cells)
    (note,) = notes
    assert note.code is NoteCode.CELLS_AMBIGUOUS
    assert note.where.page == 1
    assert note.text.startswith("4 | 5 | 12")


def test_a_full_first_line_and_an_indented_line_below_are_two_paragraphs() -> None:
    # 39 characters after an indent of two fill the line exactly; the next paragraph starts at
    # the same indent. The text's left edge shows where a wrapped paragraph goes on.
    full = "本机关政府信息公开工作还存在一些不足：部分栏目更新不够及时，政策解读的形式较为单一。"[
        :39
    ]
    one, top = _paragraph(full, 100)
    two, top = _paragraph(FIRST, top)

    rows = page_rows(_page([*one, *two]), 1, 1, 0).rows

    assert _texts(rows) == [full, FIRST]


def test_punctuation_hanging_past_the_edge_does_not_move_it() -> None:
    # Most lines end in a comma that hangs past the right edge; the one line that ends in a
    # letter, at the edge, is wrapped too.
    words = 2 * (FIRST + SECOND).replace("，", "").replace("。", "")
    first = _line(_LEFT + 2 * _SIZE, 100, words[:39])  # to the edge
    hanging = [
        _line(_LEFT, 100 + _PITCH * i, words[39 * i : 39 * i + 41] + "，")  # past it
        for i in (1, 2)
    ]
    last = _line(_LEFT, 100 + _PITCH * 3, "加强政务新媒体的日常管理。")
    assert first[-1].x1 == _RIGHT
    assert hanging[0][-1].x0 == _RIGHT

    rows = page_rows(_page([*first, *hanging[0], *hanging[1], *last]), 1, 1, 0).rows

    assert len(rows) == 1
