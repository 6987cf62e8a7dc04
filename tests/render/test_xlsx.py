"""Excel output: a form in the official layout, protected and validated, with the balance rules
beside the tables; and read back, as rendered and as people fill it in."""

from __future__ import annotations

import io
import re
import zipfile

from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_report import (
    BLANK,
    Amount,
    Metadata,
    NotApplicable,
    Report,
    Report2019,
    Report2021,
    Unit,
    from_json,
    render,
    testing,
)
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import FormatVersion, cell_values, table_layout
from disclosure_report.reading import NoteCode, read
from disclosure_report.tidy import records


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"
METADATA = Metadata(agency="某县人民政府办公室", year=2023)


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _save(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_one_sheet_per_section_protected_and_validated() -> None:
    book = _book(render(Report2021.blank(METADATA), to="xlsx"))
    assert book.sheetnames == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    sheet = book.worksheets[2]
    assert sheet.protection.sheet
    assert str(sheet["A3"].value).startswith("（本列数据的勾稽关系为")
    assert sheet["A3"].protection.locked  # a label
    assert not sheet["D6"].protection.locked  # 自然人, 一、本年新收
    assert "A3:C5" in {str(r) for r in sheet.merged_cells.ranges}
    covered = {str(c) for v in sheet.data_validations.dataValidation for c in v.sqref.ranges}
    assert "D6:J6" in covered
    formulas = [
        c.value for row in sheet.iter_rows() for c in row if str(c.value).startswith("=IF(")
    ]
    assert len(formulas) == 7 + 25 + 7  # F1 per column, I1 per row, I2 per column
    assert sheet.print_area == "'三、收到和处理政府信息公开申请情况'!$A$1:$J$30"


def test_2019_sheets_and_checks() -> None:
    book = _book(render(Report2019.blank(METADATA), to="xlsx", locale="zh_Hant"))
    assert book.sheetnames[0] == "一、總體情況"
    table2 = book.worksheets[1]
    formulas = [
        c.value for row in table2.iter_rows() for c in row if str(c.value).startswith("=IF(")
    ]
    assert len(formulas) == 5  # I5 on every row with a net change
    assert all("MIN(0," in str(f) for f in formulas)


def test_example_reads_back() -> None:
    report = from_json(EXAMPLE.read_bytes())
    result = read(render(report, to="xlsx"))
    assert result.kind == "xlsx"
    assert result.tables_found == (2, 3, 4)
    assert list(cell_values(result.report)) == list(cell_values(report))
    # The whole report: the narrative, the fees of section 六, and the metadata, which the
    # first sheet states in rows of their own under the title.
    assert result.report == report


def test_money_stays_exact() -> None:
    report = Report2021.blank(METADATA)
    report = report.replace(
        "2/article_20_8.administrative_fees/amount", Amount(Decimal("24252.311082"), Unit.WAN_YUAN)
    )
    result = read(render(report, to="xlsx"))
    assert result.report == report
    report = report.replace(
        "2/article_20_8.administrative_fees/amount", Amount(Decimal("0.000000"), Unit.WAN_YUAN)
    )
    result = read(render(report, to="xlsx"))
    assert [r["value"] for r in records([result.report])] == [r["value"] for r in records([report])]
    blank19 = Report2019.blank(Metadata(agency="某局", year=2020))
    for unit in (Unit.YUAN, None):
        report19 = blank19.replace(
            "2/article_20_9.centralized_procurement/amount", Amount(Decimal("251000.50"), unit)
        )
        assert read(render(report19, to="xlsx")).report == report19


TEXT = st.text(max_size=200)
PRINTABLE = st.text(min_size=1, max_size=60).filter(str.strip)


def _reports(version: str) -> st.SearchStrategy[Report]:
    return testing.reports(
        version,
        metadata=testing.metadata(
            agency=st.sampled_from(
                ["自治区机关事务管理局", "某县人民政府办公室", "平潭综合实验区"]
            ),
            year=st.integers(2008, 2099),
            # A cell cannot tell an empty or blank text from none: such metadata reads back
            # as None, as documented.
            source_url=st.none() | PRINTABLE,
            region=st.none() | PRINTABLE,
        ),
        overview=TEXT,
        problems_and_improvements=TEXT,
        other_matters=testing.other_matters(version, text=TEXT),
        marks=True,
    )


@settings(deadline=None)
@given(report=st.sampled_from(["2019", "2021"]).flatmap(_reports))
def test_generated_reports_read_back(report: Report) -> None:
    result = read(render(report, to="xlsx"))
    assert result.report == report
    assert not [n for n in result.notes if n.code is NoteCode.UNREADABLE_CELL]


def test_text_that_looks_like_a_formula_is_written_as_text() -> None:
    """A report's words that start with ``=`` stay words: openpyxl would write them as formulas
    (found by the generated reports: ``=0`` read back blank), which a spreadsheet then runs."""
    report = from_json(EXAMPLE.read_bytes())
    report = attrs.evolve(
        report,
        metadata=attrs.evolve(report.metadata, agency="=1+1局"),
        overview='=HYPERLINK("http://x","y")',
        problems_and_improvements="=0",
    )
    book = openpyxl.load_workbook(io.BytesIO(render(report, to="xlsx")))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [
        cell.value for cell in cells if cell.data_type == "f" and "IF(COUNT" not in str(cell.value)
    ]
    texts = {str(cell.value) for cell in cells if cell.data_type == "s"}
    assert {"=0", '=HYPERLINK("http://x","y")'} <= texts
    assert any(text.startswith("=1+1局") for text in texts)  # the title
    assert read(render(report, to="xlsx")).report == report


def _address(sheet: Worksheet, row_label: str, column: int) -> str:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == row_label:
                return f"{openpyxl.utils.get_column_letter(column)}{cell.row}"
    raise AssertionError(row_label)


def test_filled_in_as_people_type() -> None:
    book = _book(render(Report2021.blank(METADATA), to="xlsx"))
    sheet = book.worksheets[2]
    row = _address(sheet, "一、本年新收政府信息公开申请数量", 4)[1:]
    sheet[f"D{row}"] = 12  # 自然人: a number
    sheet[f"E{row}"] = "12件"  # a number with its unit, as text
    sheet[f"F{row}"] = "\uff11\uff12"  # full-width digits
    sheet[f"G{row}"] = "/"
    sheet[f"H{row}"] = 0
    sheet[f"J{row}"] = "=SUM(D6:I6)"  # a formula openpyxl cannot compute
    data = _save(book)
    result = read(data)
    applications = result.report.applications.new_received
    assert applications.natural_persons == 12
    assert applications.commercial_enterprises == 12
    assert applications.research_institutions == 12
    assert applications.public_interest_organizations == NotApplicable("/")
    assert applications.legal_service_providers == 0
    assert applications.other is BLANK
    assert applications.total is BLANK  # never a silent 0
    as_text = [n for n in result.notes if n.code is NoteCode.NUMBER_AS_TEXT]
    assert [(n.where.table, n.where.row, n.where.column, n.text) for n in as_text] == [
        (2, int(row) - 1, 4, "12件"),
        (2, int(row) - 1, 5, "\uff11\uff12"),
    ]
    (formula,) = [n for n in result.notes if n.code is NoteCode.FORMULA_NOT_COMPUTED]
    assert formula.where.column == 9
    assert formula.text == "=SUM(D6:I6)"

    # The same formula with the value Excel stored when it saved the file.
    computed = _with_cached_value(data, f"J{row}", "36")
    assert read(computed).report.applications.new_received.total == 36


def _with_cached_value(data: bytes, ref: str, value: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet3.xml":
                text = part.decode()
                text = re.sub(
                    rf'(<c r="{ref}"[^>]*>(?:<f>[^<]*</f>))(?:<v>[^<]*</v>|<v\s*/>)?',
                    rf"\1<v>{value}</v>",
                    text,
                )
                part = text.encode()
            target.writestr(item, part)
    return buffer.getvalue()


def test_a_damaged_workbook_is_an_invalid_report() -> None:
    data = render(Report2021.blank(METADATA), to="xlsx")
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            part = source.read(item.filename)
            target.writestr(item, b"<not xml" if item.filename == "xl/workbook.xml" else part)
    with pytest.raises(InvalidReportError, match="Excel workbook"):
        read(buffer.getvalue())


def test_third_version_reads_back(third_version: FormatVersion) -> None:
    from hypothesis import Phase, find

    report = find(
        testing.reports("2099"),
        lambda _: True,
        settings=settings(database=None, phases=[Phase.generate]),
    )
    book = _book(render(report, to="xlsx", locale="en"))
    assert len(book.worksheets) == 6
    labels = {s.address for s in table_layout(type(report))}
    assert labels


def test_cli_render_and_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from disclosure_report.cli import main

    out = tmp_path / "r.xlsx"
    assert main(["render", str(EXAMPLE), "--to", "xlsx", "-o", str(out)]) == 0
    assert read(out).report.metadata.agency == "自治区机关事务管理局"
    docx_out = tmp_path / "r.docx"
    assert main(["render", str(EXAMPLE), "--to", "docx", "-o", str(docx_out)]) == 0
    assert docx_out.read_bytes().startswith(b"PK")
    template = tmp_path / "t.xlsx"
    code = main(
        ["template", "--version", "2019", "--year", "2020", "--agency", "某局", "-o", str(template)]
    )
    assert code == 0
    result = read(template)
    assert result.report.format_version == "2019"
    assert result.report.metadata.year == 2020


def test_cli_refuses_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from disclosure_report.cli import main

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["render", str(EXAMPLE), "--to", "docx"]) == 2
    assert main(["template"]) == 2
    assert "terminal" in capsys.readouterr().err
