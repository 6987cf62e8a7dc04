"""Word output: the official template's tables, merged cells and widths, in python-docx and in
LibreOffice's PDF; and read back by the Word reader."""

from __future__ import annotations

import io
import shutil
import subprocess

from pathlib import Path
from typing import Any

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import Metadata, Report, Report2019, Report2021, from_json, render, testing
from disclosure_report.model import FormatVersion, cell_values, table_layout
from disclosure_report.rendering._docx import TEXT_WIDTH


docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"
TEMPLATE = (
    Path(__file__).parents[3]
    / "shared"
    / "corpus"
    / "more"
    / "raw"
    / "102-official-blank-template-2021.docx"
)
METADATA = Metadata(agency="某县人民政府办公室", year=2023)


def _tables(data: bytes) -> list[Any]:
    return list(docx.Document(io.BytesIO(data)).tables)


def _shape(table: Any) -> list[list[tuple[int, str | None]]]:
    """Each row's cells as (grid span, vertical merge), as the XML says."""
    rows = []
    for tr in table._tbl.iter(f"{W}tr"):
        cells = []
        for tc in tr.iter(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            cells.append(
                (
                    1 if span is None else int(span.get(f"{W}val")),
                    None if merge is None else (merge.get(f"{W}val") or "continue"),
                )
            )
        rows.append(cells)
    return rows


@pytest.mark.parametrize(("cls", "widths"), [(Report2021, (4, 10, 15)), (Report2019, (4, 10, 15))])
def test_three_tables_of_the_template_width(cls: Any, widths: tuple[int, ...]) -> None:
    tables = _tables(render(cls.blank(METADATA), to="docx"))
    assert [len(t.columns) for t in tables] == list(widths)
    for table in tables:
        tbl = table._tbl
        assert tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
        grid = [int(c.get(f"{W}w")) for c in tbl.iter(f"{W}gridCol")]
        assert sum(grid) == TEXT_WIDTH
        for row in _shape(table):
            assert sum(span for span, _ in row) == len(grid)  # every row fills the grid
        for tc in tbl.iter(f"{W}tc"):
            assert tc.find(f"{W}tcPr/{W}tcW").get(f"{W}type") == "dxa"


@pytest.mark.skipif(not TEMPLATE.exists(), reason="needs ../shared/corpus")
def test_the_blank_2021_report_merges_as_the_official_template() -> None:
    ours = [_shape(t) for t in _tables(render(Report2021.blank(METADATA), to="docx"))]
    official = [_shape(t) for t in _tables(TEMPLATE.read_bytes())]
    assert ours == official


def test_cells_print_their_values() -> None:
    report = from_json(EXAMPLE.read_bytes())
    report = report.replace("3/new_received/natural_persons", 11)
    report = report.replace("3/new_received/total", 17)
    table3 = _tables(render(report, to="docx"))[1]
    row = table3.rows[3]
    assert row.cells[0].text == "一、本年新收政府信息公开申请数量"
    assert row.cells[3].text == "11"
    assert row.cells[9].text == "17"
    document = docx.Document(io.BytesIO(render(report, to="docx", locale="zh_Hant")))
    headings = [p.text for p in document.paragraphs if p.style.style_id == "Heading1"]
    assert headings[0] == "一、總體情況"
    assert len(headings) == 6


def test_third_version_renders(third_version: FormatVersion) -> None:
    from hypothesis import Phase, find

    found = find(
        testing.reports("2099"),
        lambda _: True,
        settings=settings(database=None, phases=[Phase.generate]),
    )
    tables = _tables(render(found, to="docx", locale="en"))
    assert len(tables) == 3
    text = "\n".join(c.text for row in tables[1].rows for c in row.cells)
    assert "referred" in text.lower() or "Referred" in text


# LibreOffice: the table as an office suite lays it out -----------------------------------------

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice (soffice) and poppler (pdftotext)",
)


def _words(tmp_path: Path, data: bytes) -> list[tuple[str, float, float, float, float]]:
    source = tmp_path / "r.docx"
    source.write_bytes(data)
    subprocess.run(  # noqa: S603 (our own arguments)
        [  # noqa: S607 (soffice from PATH, as the other office tests run it)
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = subprocess.run(  # noqa: S603 (our own arguments)
        ["pdftotext", "-bbox", str(tmp_path / "r.pdf"), "-"],  # noqa: S607 (from PATH)
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    import importlib

    etree: Any = importlib.import_module("lxml.etree")

    root = etree.fromstring(out.encode())
    return [
        (
            w.text or "",
            float(w.get("xMin")),
            float(w.get("yMin")),
            float(w.get("xMax")),
            float(w.get("yMax")),
        )
        for w in root.iter("{http://www.w3.org/1999/xhtml}word")
    ]


@needs_office
def test_libreoffice_lays_the_tables_out(tmp_path: Path) -> None:
    report = from_json(EXAMPLE.read_bytes())
    layout = table_layout(type(report))
    first_row = [
        s.address for s in layout if s.address.table == 3 and s.address.row == "new_received"
    ]
    for value, address in enumerate(first_row, start=801):
        report = report.replace(address, value)
    table4 = [s.address for s in layout if s.address.table == 4]
    for value, address in enumerate(table4, start=901):
        report = report.replace(address, value)
    words = _words(tmp_path, render(report, to="docx"))
    boxes = {text: box for text, *box in words}

    # Table 三, first data row: the seven numbers on one line, left to right, each under its
    # column's header, and 申请人情况 above all seven.
    row = [boxes[str(v)] for v in range(801, 808)]
    assert max(b[1] for b in row) - min(b[1] for b in row) < 2
    assert [b[0] for b in row] == sorted(b[0] for b in row)
    for header, box in zip(("自然人", "总计"), (row[0], row[-1]), strict=True):
        head = boxes[header]
        assert head[0] - 3 <= (box[0] + box[2]) / 2 <= head[2] + 3
    applicants = boxes["申请人情况"]
    assert applicants[0] > row[0][0] - 40
    assert applicants[2] < row[-1][2] + 40
    assert applicants[3] < boxes["自然人"][1]

    # Table 四: fifteen values on one line, left to right; 行政复议 above the first five.
    row4 = [boxes[str(v)] for v in range(901, 916)]
    assert max(b[1] for b in row4) - min(b[1] for b in row4) < 2
    assert [b[0] for b in row4] == sorted(b[0] for b in row4)
    review = boxes["行政复议"]
    assert row4[0][0] - 5 < (review[0] + review[2]) / 2 < row4[4][2] + 5


# Read back by the Word reader -----------------------------------------------------------------

LINES = (
    st.text(alphabet="政府信息公开工作报告年度情况abcXYZ0123，。；", min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)
TEXTS = st.lists(LINES, max_size=3).map("\n".join)


def _reports(version: str) -> st.SearchStrategy[Report]:
    return testing.reports(
        version,
        metadata=testing.metadata(
            agency=st.sampled_from(["自治区机关事务管理局", "某县人民政府办公室"]),
            year=st.integers(2008, 2099),
            # Stated in the document's custom properties; text that XML 1.0 can hold.
            source_url=st.none() | TEXTS,
            region=st.none() | TEXTS,
        ),
        overview=TEXTS,
        problems_and_improvements=TEXTS,
        other_matters=testing.other_matters(version, text=TEXTS),
        marks=True,
    )


@settings(deadline=None, max_examples=25)
@given(report=st.sampled_from(["2019", "2021"]).flatmap(_reports))
def test_generated_reports_read_back_from_word(report: Report) -> None:
    from disclosure_report.reading import read

    result = read(render(report, to="docx"))
    assert result.kind == "docx"
    assert list(cell_values(result.report)) == list(cell_values(report))
    assert result.report == report
