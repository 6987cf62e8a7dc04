"""The command line on Word files: ``.docx`` read directly, ``.doc`` through LibreOffice."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

from pathlib import Path

import docx
import pytest

from disclosure_report.cli import main


SOFFICE = shutil.which("soffice")


def _report(value: str = "7") -> bytes:
    """A short report made as an agency makes one, with python-docx (merged header cells)."""
    document = docx.Document()
    document.add_paragraph("某局2023年政府信息公开工作年度报告")
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "第二十条第（五）项"
    table.cell(1, 0).text, table.cell(1, 1).text = "信息内容", "本年处理决定数量"
    table.cell(2, 0).text, table.cell(2, 1).text = "行政许可", value
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _cells(output: str) -> dict[tuple[int, str, str], object]:
    records = [json.loads(line) for line in output.splitlines()]
    return {(r["table"], r["row"], r["column"]): r["value"] for r in records}


@pytest.mark.parametrize("name", ["report.docx", "report.bin"])
def test_cells_of_a_docx_whatever_its_suffix(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(_report())

    assert main(["cells", str(path)]) == 0
    output = capsys.readouterr().out
    cells = _cells(output)
    assert cells[2, "article_20_5.licensing", "decisions"] == 7
    assert cells[3, "new_received", "total"] is None
    sources = {
        r["row"] + "/" + r["column"]: r["source"] for r in map(json.loads, output.splitlines())
    }
    # The 5th paragraph or table row of the document: Word table 0, row 2, grid column 1.
    assert sources["article_20_5.licensing/decisions"] == {
        "line": 5,
        "table": 0,
        "row": 2,
        "column": 1,
    }
    assert sources["new_received/total"] is None  # table 3 is not in the file


def test_check_of_a_docx_reads_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_report())

    assert main(["check", str(path), "--format", "json"]) == 3  # tables 3 and 4 are missing
    document = json.loads(capsys.readouterr().out)
    assert {note["code"] for note in document["notes"]} >= {"table_missing"}


def test_a_damaged_docx_exits_2_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_report()[:2000])

    assert main(["check", str(path)]) == 2
    assert "damaged Word file" in capsys.readouterr().err


def test_an_empty_template_says_that_no_values_were_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_report("\u3000"))

    assert main(["cells", str(path)]) == 0
    captured = capsys.readouterr()
    assert _cells(captured.out)[2, "article_20_5.licensing", "decisions"] is None
    assert "no_values: no values were found" in captured.err


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_cells_and_check_of_a_doc_through_libreoffice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "report.docx"
    source.write_bytes(_report())
    subprocess.run(  # noqa: S603 (LibreOffice on PATH, our own arguments)
        [
            SOFFICE or "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "doc"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    path = tmp_path / "doc" / "report.doc"

    assert main(["cells", str(path)]) == 0
    assert _cells(capsys.readouterr().out)[2, "article_20_5.licensing", "decisions"] == 7
    assert main(["check", str(path)]) == 3  # read; tables 3 and 4 are missing
    assert "已读取表格：二" in capsys.readouterr().out


def test_a_doc_without_libreoffice_exits_2_naming_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice there
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    assert main(["check", str(path)]) == 2
    assert "apt install libreoffice-writer-nogui" in capsys.readouterr().err
