"""``disclosure-report check PATH… --summary OUT``: a folder checked in parallel, summarized as
CSV, Excel or HTML, resumable."""

from __future__ import annotations

import csv
import json
import os
import re

from pathlib import Path
from typing import Any

import pytest

from disclosure_report.batch import _folder, check_files, state_path, walk
from disclosure_report.batch._document import DocumentResult
from disclosure_report.cli import main


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def _run(*args: str) -> int:
    return main(["check", *args])


def test_csv_summary_of_the_demo_folder(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(str(demo), "--summary", "out.csv", "--lang", "en", "--jobs", "2") == 2
    out = capsys.readouterr().out
    assert "Checked 6 files: balanced 2, has errors 1, not fully read 1, not a report 2" in out
    files = _csv(Path("out.csv"))
    assert [row["file"] for row in files] == [
        "年度报告/scan.png",
        "年度报告/区卫生健康委员会/2023.txt",
        "年度报告/区教育局/2023.txt",
        "年度报告/市交通运输局/2022.json",
        "年度报告/市交通运输局/2023.html",
        "年度报告/说明.txt",
    ]
    status = {row["file"].split("/", 1)[1]: row["status"] for row in files}
    assert status == {
        "scan.png": "not_a_report",
        "区卫生健康委员会/2023.txt": "not_fully_read",
        "区教育局/2023.txt": "balanced",
        "市交通运输局/2022.json": "balanced",
        "市交通运输局/2023.html": "has_errors",
        "说明.txt": "not_a_report",
    }
    assert "PNG image" in files[0]["reason"]
    assert files[1]["tables_found"] == "2 3"
    findings = _csv(Path("out-findings.csv"))
    rules = {row["rule"] for row in findings}
    assert {"2021.T3.F1", "2021.T3.I1", "2021.T3.X1"} <= rules
    x1 = next(row for row in findings if row["rule"] == "2021.T3.X1")
    assert x1["file"] == "年度报告/市交通运输局/2023.html"
    assert x1["years"] == "2023 2022"
    assert x1["cells"] == "3/carried_over/natural_persons 3/carried_forward/natural_persons"
    assert x1["expected"] == "3"
    assert x1["actual"] == "2"
    assert "item 2 of 2023" in x1["message"]
    # the row counts the findings across years it holds
    broken = files[4]
    assert int(broken["errors"]) == sum(
        row["severity"] == "error" for row in findings if row["file"] == broken["file"]
    )
    notes = _csv(Path("out-notes.csv"))
    assert any(row["code"] == "table_missing" for row in notes)
    assert Path("out.csv.state").exists()


def test_parallel_and_serial_give_the_same_files(demo: Path) -> None:
    assert _run(str(demo), "--summary", "one.csv", "--jobs", "1") == 2
    assert _run(str(demo), "--summary", "two.csv", "--jobs", "2") == 2
    for suffix in ("", "-findings", "-notes"):
        one = Path(f"one{suffix}.csv").read_bytes()
        assert one == Path(f"two{suffix}.csv").read_bytes()


def test_exit_codes(demo: Path) -> None:
    transport = str(demo / "市交通运输局")
    assert _run(transport, "--summary", "t.csv") == 1
    assert _run(str(demo / "区教育局"), "--summary", "e.csv") == 0
    assert _run(str(demo / "区卫生健康委员会"), "--summary", "h.csv") == 3


def test_messages_in_chinese(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(str(demo / "市交通运输局"), "--summary", "t.csv", "--lang", "zh")
    out = capsys.readouterr().out
    assert "已检查 2 个文件" in out
    assert "总体情况" in _csv(Path("t-findings.csv"))[0]["message"]


def test_json_output(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(str(demo), "--summary", "out.html", "--format", "json")
    document = json.loads(capsys.readouterr().out)
    assert document["files"] == 6
    assert document["statuses"] == {
        "balanced": 2,
        "has_errors": 1,
        "not_fully_read": 1,
        "not_a_report": 2,
    }
    assert document["outputs"] == ["out.html"]


def test_html_is_one_self_contained_page(demo: Path) -> None:
    _run(str(demo), "--summary", "out.html", "--lang", "en")
    page = Path("out.html").read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(?!#)', page)  # no asset, no link but to the page
    assert "http" not in page.replace("http-equiv", "")
    assert page.count('<details class="report"') == 4
    assert 'class="hit error"' in page


def test_xlsx_summary(demo: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    assert _run(str(demo), "--summary", "out.xlsx", "--lang", "en") == 2
    book = openpyxl.load_workbook("out.xlsx", read_only=True)
    assert book.sheetnames == ["Files", "Findings", "Reading notes"]
    rows = list(book["Files"].values)
    assert rows[0][0] == "File"
    assert len(rows) == 7
    assert {row[9] for row in rows[1:]} == {
        "balanced",
        "has errors",
        "not fully read",
        "not a report",
    }
    findings = list(book["Findings"].values)
    assert any(row[1] == "2021.T3.X1" for row in findings)


def test_xlsx_summary_writes_text_that_looks_like_a_formula_as_text(tmp_path: Path) -> None:
    """A file name or a quoted text that starts with ``=`` stays text in the summary's
    workbook: openpyxl would write it as a formula, which a spreadsheet then runs."""
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.cell import WriteOnlyCell

    from disclosure_report.batch._summary import _text_safe

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("s")
    sheet.append([_text_safe(v, sheet, WriteOnlyCell) for v in ("=1+1.txt", "a=b", 3)])
    workbook.save(tmp_path / "out.xlsx")
    cells = next(openpyxl.load_workbook(tmp_path / "out.xlsx")["s"].iter_rows())
    assert [(c.value, c.data_type) for c in cells] == [("=1+1.txt", "s"), ("a=b", "s"), (3, "n")]


def test_xlsx_without_openpyxl(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)
    assert _run(str(demo), "--summary", "out.xlsx") == 2
    assert "needs openpyxl: pip install openpyxl" in capsys.readouterr().err
    assert not Path("out.xlsx").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--summary", "out.pdf"], "a summary ends in .csv, .html, .xlsx"),
        (["--resume"], "--jobs and --resume need --summary OUT"),
        (["--jobs", "2"], "--jobs and --resume need --summary OUT"),
    ],
)
def test_wrong_flags(
    demo: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(str(demo), *args) == 2
    assert message in capsys.readouterr().err


def test_jobs_must_be_a_positive_number(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _run(str(demo), "--summary", "o.csv", "--jobs", "0")
    assert "a whole number from 1 to 1024" in capsys.readouterr().err


def test_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert _run(str(tmp_path / "empty"), "--summary", str(tmp_path / "o.csv")) == 2
    assert "no file to check" in capsys.readouterr().err


def test_a_missing_file_is_a_row(demo: Path) -> None:
    assert _run(str(demo / "区教育局"), "missing.json", "--summary", "o.csv") == 2
    rows = _csv(Path("o.csv"))
    assert rows[1]["file"] == "missing.json"
    assert rows[1]["status"] == "not_a_report"
    assert "cannot be read: No such file or directory" in rows[1]["reason"]


def test_a_large_file_is_not_read(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_folder, "MAX_FILE_BYTES", 100)
    assert _run(str(demo / "区教育局"), "--summary", "o.csv", "--jobs", "1") == 2
    assert "larger than" in _csv(Path("o.csv"))[0]["reason"]


def test_walk_leaves_out_litter_and_the_summary(demo: Path) -> None:
    for name in (".DS_Store", "~$2023.docx", "Thumbs.db"):
        (demo / name).write_bytes(b"x")
    (demo / ".git").mkdir()
    (demo / ".git" / "config").write_text("x")
    (demo / "__MACOSX").mkdir()
    (demo / "__MACOSX" / "2023.txt").write_text("x")
    summary = demo / "summary.csv"
    assert _run(str(demo), "--summary", str(summary)) == 2
    # a second run, with another summary in the folder: the first one's state is no report
    assert _run(str(demo), "--summary", str(demo / "again.html")) == 2
    listed = list(walk([demo], exclude=[demo / "again.html"]))
    assert str(demo / "summary.csv.state") not in listed
    assert str(demo / "summary.csv") in listed  # an earlier summary is a file like any other
    assert not any("MACOSX" in f or "/." in f or "~$" in f or "Thumbs" in f for f in listed)
    assert list(walk([demo / "scan.png"])) == [str(demo / "scan.png")]


def test_resume_skips_what_was_done_and_loses_nothing(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _run(str(demo), "--summary", "full.csv", "--jobs", "1") == 2
    real = _folder.check_path
    calls: list[str] = []

    def interrupted(path: str, locale: str) -> DocumentResult:
        if len(calls) == 3:
            raise KeyboardInterrupt
        calls.append(path)
        return real(path, locale)

    monkeypatch.setattr(_folder, "check_path", interrupted)
    assert _run(str(demo), "--summary", "part.csv", "--jobs", "1") == 130
    assert not Path("part.csv").exists()
    calls.clear()

    def counted(path: str, locale: str) -> DocumentResult:
        calls.append(path)
        return real(path, locale)

    monkeypatch.setattr(_folder, "check_path", counted)
    assert _run(str(demo), "--summary", "part.csv", "--jobs", "1", "--resume") == 2
    assert len(calls) == 3  # the three files not done before the interruption
    for suffix in ("", "-findings", "-notes"):
        assert Path(f"part{suffix}.csv").read_bytes() == Path(f"full{suffix}.csv").read_bytes()
    calls.clear()
    assert _run(str(demo), "--summary", "part.csv", "--resume") == 2
    assert calls == []
    # a changed file is checked again; a renamed one is known by its content
    (demo / "区教育局" / "2023.txt").rename(demo / "区教育局" / "renamed.txt")
    (demo / "说明.txt").write_text("改了", encoding="utf-8")
    assert _run(str(demo), "--summary", "part.csv", "--resume", "--jobs", "1") == 2
    assert calls == [str(demo / "说明.txt")]
    assert "年度报告/区教育局/renamed.txt" in {row["file"] for row in _csv(Path("part.csv"))}


def test_without_resume_the_state_starts_again(demo: Path) -> None:
    calls: list[Any] = []
    summary = Path("s.csv")
    check_files(list(walk([demo])), summary, jobs=1)
    result = check_files(list(walk([demo])), summary, jobs=1, resume=False)
    assert result.reused == 0
    result = check_files(list(walk([demo])), summary, jobs=1, resume=True)
    assert result.reused == 6
    assert calls == []


def test_a_state_file_that_is_not_one(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state_path(Path("s.csv")).write_text("not sqlite")
    assert _run(str(demo), "--summary", "s.csv", "--resume") == 2
    assert "not a state file" in capsys.readouterr().err


_REAL_CHECK_PATH = _folder.check_path


def _crashing(path: str, locale: str) -> DocumentResult:
    """:func:`check_path`, but the process ends on the report of 2022 (a module-level function,
    so that it goes to the worker processes)."""
    if path.endswith("2022.json"):
        os._exit(1)
    return _REAL_CHECK_PATH(path, locale)


def test_a_worker_that_dies_is_a_row(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_folder, "check_path", _crashing)
    assert _run(str(demo), "--summary", "s.csv", "--jobs", "2") == 2
    rows = {row["file"]: row for row in _csv(Path("s.csv"))}
    crashed = rows["年度报告/市交通运输局/2022.json"]
    assert crashed["status"] == "not_a_report"
    assert "the process reading it stopped" in crashed["reason"]
    assert rows["年度报告/市交通运输局/2023.html"]["status"] == "has_errors"
    assert len(rows) == 6


def test_two_different_reports_of_one_year(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (demo / "区教育局" / "2023.txt").read_text(encoding="utf-8")
    (demo / "区教育局" / "copy.txt").write_text(text, encoding="utf-8")  # the same: no problem
    assert _run(str(demo / "区教育局"), "--summary", "s.csv") == 0
    other = text.replace("规章\t1", "规章\t2")
    assert other != text
    (demo / "区教育局" / "other.txt").write_text(other, encoding="utf-8")
    assert _run(str(demo / "区教育局"), "--summary", "s.csv", "--lang", "en") == 2
    assert "not checked across years" in capsys.readouterr().out
    notes = _csv(Path("s-notes.csv"))
    assert {row["code"] for row in notes} == {"series_not_checked"}
