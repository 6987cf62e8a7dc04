"""The command line on published reports: kinds of input, ``parse``, notes and exit codes."""

from __future__ import annotations

import io
import json
import sys

from pathlib import Path

import pytest

from disclosure_report import Report2021, from_json
from disclosure_report.cli import main


REPORT = (
    "某局2023年政府信息公开工作年度报告\n"
    "一、总体情况\n2023年，本局共收到政府信息公开申请2件。\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（五）项\n"
    "信息内容\t本年处理决定数量\n"
    "行政许可\t7\n"
)


def _file(tmp_path: Path, suffix: str, text: str = REPORT) -> str:
    path = tmp_path / f"report{suffix}"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_parse_prints_the_interchange_format(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", _file(tmp_path, suffix)]) == 0

    captured = capsys.readouterr()
    report = from_json(captured.out)
    assert isinstance(report, Report2021)
    assert report.metadata.agency == "某局"
    assert report.active_disclosure.article_20_5.licensing.decisions == 7
    assert "note: table 3" in captured.err


def test_html_from_stdin_is_told_by_its_content(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    html = (
        "<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body>"
        "<table><tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
        "<tr><td>行政许可</td><td>5</td></tr></table></body></html>"
    )
    _stdin(monkeypatch, html.encode())

    assert main(["cells", "-"]) == 0

    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    licensing = [r for r in records if r["row"] == "article_20_5.licensing"]
    assert licensing[0]["value"] == 5


def test_json_from_stdin_is_the_interchange_format(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"
    _stdin(monkeypatch, example.read_bytes())

    assert main(["check", "-"]) == 0
    assert capsys.readouterr().err == ""


def test_check_json_carries_the_notes_apart_from_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", _file(tmp_path, ".txt"), "--format", "json"])

    captured = capsys.readouterr()
    document = json.loads(captured.out)
    codes = {note["code"] for note in document["notes"]}
    assert "table_missing" in codes
    assert all("rule" in finding for finding in document["findings"])
    assert captured.err == ""


def test_a_report_without_any_table_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, ".txt", "一、总体情况\n本年度无特别事项。\n")

    assert main(["check", path]) == 2
    assert "no table of the format" in capsys.readouterr().err


def test_cells_of_a_published_report_say_where_each_was_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cells", _file(tmp_path, ".txt")]) == 0

    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    licensing = next(r for r in records if r["row"] == "article_20_5.licensing")
    assert licensing["value"] == 7
    assert licensing["source"] == {"line": 7, "column": 1}
    unread = next(r for r in records if r["table"] == 3)
    assert unread["source"] is None
