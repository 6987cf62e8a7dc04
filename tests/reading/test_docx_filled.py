"""Word files as agencies make them: the official template filled with python-docx, read back.

The official 2021 template is ``tests/documents/data/template-2021.docx`` (the corpus file
``more/raw/102-official-blank-template-2021.docx``). Tables built with python-docx's own merges
need no template. ``.doc`` and ``.odt`` copies are made by LibreOffice (``soffice``), once per
session; those tests skip where it is missing.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import zipfile

from pathlib import Path

import docx
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_report import (
    BLANK,
    Amount,
    CaseOutcomes,
    InvalidReportError,
    NotApplicable,
    Report2021,
)
from disclosure_report.model import cell_values
from disclosure_report.reading import NoteCode, layout, read
from disclosure_report.testing import metadata, reports


TEMPLATE = Path(__file__).resolve().parents[1] / "documents" / "data" / "template-2021.docx"
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
TITLE = "政府信息公开工作年度报告格式模板"
_T2 = ((2, 1), (2, 2), (2, 3), (3, 1), (3, 2), (3, 3), (6, 1), (9, 1), (10, 1), (13, 1))
_T3 = tuple((row, column) for row in range(3, 28) for column in range(3, 10))
_T4 = tuple((3, column) for column in range(15))
CELLS = {2: (0, _T2), 3: (1, _T3), 4: (2, _T4)}
"""Where the template holds the value cells of each table: its Word table, and the (row, grid
column) of each cell in printed order."""
MARKS = ("/", "-", "—", "——", "／", "无")


def _printed(value: object) -> str | None:
    if value is BLANK:
        return None
    if isinstance(value, NotApplicable):
        return value.symbol
    if isinstance(value, Amount):
        return f"{value.value:f}{'' if value.unit is None else value.unit.value}"
    return str(value)


def fill(template: bytes, report: Report2021, *, blank: str = "") -> bytes:
    """*template* filled with *report* by python-docx, as an agency fills it: the title, the
    narrative and every cell that is not blank (a blank cell keeps what the template has, or
    gets *blank*: U+3000, as some agencies type)."""
    document = docx.Document(io.BytesIO(template))
    paragraphs = document.paragraphs
    for paragraph in paragraphs:
        if paragraph.text.strip() == TITLE:
            paragraph.text = (
                f"{report.metadata.agency}{report.metadata.year}年政府信息公开工作年度报告"
            )
            break
    narratives = iter((report.overview, report.problems_and_improvements))
    for paragraph in paragraphs:
        if paragraph.text.startswith("（文字描述"):
            paragraph.text = next(narratives, "")
    positions = {number: iter(cells) for number, (_, cells) in CELLS.items()}
    # python-docx works out a table's grid on every cell(row, column): once per table here.
    grids = [[row.cells for row in table.rows] for table in document.tables]
    for spec, value in cell_values(report):
        number = spec.address.table
        row, column = next(positions[number])
        text = _printed(value)
        if text is not None or blank:
            grids[CELLS[number][0]][row][column].text = text or blank
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@functools.cache
def _template() -> bytes:
    return TEMPLATE.read_bytes()


_META = metadata(
    agency=st.sampled_from(("某市住房和城乡建设局", "某县人民政府办公室")),
    year=st.integers(min_value=2021, max_value=2030),
)
_TEXT = st.just("本年度，本机关认真落实政府信息公开工作。")


def test_the_blank_template_reads_as_blank_cells_of_the_2021_format() -> None:
    result = read(_template())
    assert result.kind == "docx"
    assert isinstance(result.report, Report2021)
    assert result.tables_found == (2, 3, 4)
    assert all(value is BLANK for _, value in cell_values(result.report))
    codes = [n.code for n in result.notes]
    assert NoteCode.NO_VALUES in codes
    assert NoteCode.VERSION_GUESSED not in codes  # told by its labels, not guessed


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=reports(
        "2021", metadata=_META, overview=_TEXT, problems_and_improvements=_TEXT, marks=True
    ),
    blank=st.sampled_from(["", "\u3000", "\u3000\u3000"]),
)
def test_a_filled_template_reads_back_to_the_same_report(report: Report2021, blank: str) -> None:
    result = read(fill(_template(), report, blank=blank))
    assert result.report.metadata.agency == report.metadata.agency
    assert result.report.metadata.year == report.metadata.year
    assert list(cell_values(result.report)) == list(cell_values(report))
    assert result.report.overview == report.overview
    assert not [n for n in result.notes if n.code is NoteCode.UNREADABLE_CELL]


def test_a_table_merged_by_python_docx_reads_its_merged_cells_once() -> None:
    document = docx.Document()
    document.add_paragraph("某局2023年政府信息公开工作年度报告")
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table = document.add_table(rows=4, cols=15)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
    table.cell(0, 5).merge(table.cell(0, 14)).text = "行政诉讼"
    heads = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    for column, head in enumerate(heads):
        table.cell(1, column).merge(table.cell(2, column)).text = head
    table.cell(1, 5).merge(table.cell(1, 9)).text = "未经复议直接起诉"
    table.cell(1, 10).merge(table.cell(1, 14)).text = "复议后起诉"
    for column in range(5, 15):
        table.cell(2, column).text = heads[column % 5]
    values = [1, 2, 0, 1, 4, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3]
    for column, value in enumerate(values):
        table.cell(3, column).text = "\u3000" if column == 2 else str(value)
    out = io.BytesIO()
    document.save(out)
    result = read(out.getvalue())
    table4 = result.report.reconsideration_and_litigation
    assert table4.reconsideration == CaseOutcomes(
        upheld=1, corrected=2, other=BLANK, pending=1, total=4
    )
    assert table4.litigation_after_reconsideration == CaseOutcomes(
        upheld=3, corrected=0, other=0, pending=0, total=3
    )
    rows = layout(out.getvalue()).rows
    header = [[(c.column, c.text) for c in r.cells] for r in rows if r.table == 0][:2]
    assert header == [
        [(0, "行政复议"), (5, "行政诉讼")],
        [*((i, h) for i, h in enumerate(heads)), (5, "未经复议直接起诉"), (10, "复议后起诉")],
    ]


# --- .doc and .odt, converted by LibreOffice ------------------------------------------------


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, dict[str, Path]]:
    """A small report made with python-docx, and its .doc and .odt copies."""
    folder = tmp_path_factory.mktemp("converted")
    data = _small_report()
    source = folder / "report.docx"
    source.write_bytes(data)
    copies: dict[str, Path] = {}
    for target in ("doc", "odt"):
        subprocess.run(  # noqa: S603 (LibreOffice on PATH, our own arguments)
            [
                SOFFICE or "soffice",
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        copies[target] = folder / f"report.{target}"
    return data, copies


def _small_report() -> bytes:
    document = docx.Document()
    document.add_paragraph("某局2023年政府信息公开工作年度报告")
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "第二十条第（五）项"
    table.cell(1, 0).text, table.cell(1, 1).text = "信息内容", "本年处理决定数量"
    table.cell(2, 0).text, table.cell(2, 1).text = "行政许可", "7"
    # Word ends a body with a paragraph; LibreOffice's .doc export drops a table that ends it.
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@needs_soffice
@pytest.mark.parametrize("target", ["doc", "odt"])
def test_doc_and_odt_are_converted_and_read_to_the_same_report(
    converted: tuple[bytes, dict[str, Path]], target: str
) -> None:
    data, copies = converted
    expected = read(data)
    result = read(copies[target])
    assert result.kind == "docx"
    assert result.report == expected.report
    assert result.report.active_disclosure.article_20_5.licensing.decisions == 7
    # A .wps is an OLE2 file like a .doc: told by its content, whatever its name.
    renamed = copies[target].with_suffix(".wps")
    renamed.write_bytes(copies[target].read_bytes())
    assert read(renamed).report == expected.report


def test_without_libreoffice_a_doc_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda _name: None)
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(InvalidReportError, match="apt install libreoffice-writer-nogui"):
        read(ole2)
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(InvalidReportError, match=r"an OpenDocument text \(\.odt\)"):
        read(odt.getvalue())


@needs_soffice
def test_an_ole2_file_libreoffice_cannot_convert_is_refused_with_what_it_said() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # a header and nothing else
    with pytest.raises(InvalidReportError, match="LibreOffice could not convert"):
        read(ole2)
