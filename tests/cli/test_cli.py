"""The command line: exit codes, output formats, languages and the cells contract."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from pathlib import Path
from typing import Any

import pytest

from disclosure_report import from_json, table_layout, to_dict
from disclosure_report.cli import main


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"


def _example() -> dict[str, Any]:
    return to_dict(from_json(EXAMPLE.read_bytes()))


def _write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _unbalanced(tmp_path: Path) -> str:
    data = _example()
    data["applications"]["new_received"]["natural_persons"] = 5
    data["applications"]["new_received"]["total"] = 5
    return _write(tmp_path, data)


def test_check_example_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "自治区机关事务管理局2023年政府信息公开工作年度报告" in out
    assert "错误0项" in out


def test_check_reports_broken_rule_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", _unbalanced(tmp_path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "2021.T3.F1" in out
    assert "error" in out


def test_check_json_names_rule_cells_and_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", _unbalanced(tmp_path), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["report"] == {
        "agency": "自治区机关事务管理局",
        "year": 2023,
        "format_version": "2021",
    }
    f1 = [f for f in document["findings"] if f["rule"] == "2021.T3.F1"]
    assert {f["cells"][0] for f in f1} >= {"3/new_received/natural_persons"}
    natural = next(f for f in f1 if "3/new_received/natural_persons" in f["cells"])
    assert {natural["expected"], natural["actual"]} == {0, 5}
    assert document["errors"] == sum(f["severity"] == "error" for f in document["findings"])


@pytest.mark.parametrize("lang", ["zh", "zh_Hant", "en"])
def test_messages_follow_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    main(["check", _unbalanced(tmp_path), "--format", "json", "--lang", lang])
    findings = json.loads(capsys.readouterr().out)["findings"]
    # X5 quotes the report's own (Chinese) sentence in every language
    messages = [f["message"] for f in findings if not f["rule"].endswith(".X5")]
    has_cjk = any("\u4e00" <= ch <= "\u9fff" for m in messages for ch in m)
    assert messages
    assert has_cjk is (lang != "en")


def test_unreadable_input_exits_2_with_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _example()
    data["applications"]["carried_over"]["other"] = -1
    data["metadata"]["year"] = "2023"
    assert main(["check", _write(tmp_path, data)]) == 2
    err = capsys.readouterr().err
    assert "$.applications.carried_over.other" in err
    assert "$.metadata.year" in err


def test_missing_file_and_bad_json_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "missing.json")]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["cells", str(bad)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["check", "-"]) == 0


def test_cells_follow_the_layout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cells", str(EXAMPLE)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    report = from_json(EXAMPLE.read_bytes())
    layout = table_layout(type(report))
    assert [(r["table"], r["row"], r["column"]) for r in records] == [
        (s.address.table, s.address.row, s.address.column) for s in layout
    ]
    fee = next(r for r in records if r["row"] == "article_20_8.administrative_fees")
    assert fee["value"] == "0"
    assert fee["unit"] == "万元"
    assert records[10]["row_label"] == "一、本年新收政府信息公开申请数量"


def test_cells_marks_and_english_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _example()
    data["applications"]["new_received"]["natural_persons"] = None
    data["applications"]["new_received"]["other"] = "—"
    assert main(["cells", _write(tmp_path, data), "--lang", "en"]) == 0
    records = {
        (r["row"], r["column"]): r for r in map(json.loads, capsys.readouterr().out.splitlines())
    }
    blank = records["new_received", "natural_persons"]
    assert blank["value"] is None
    assert blank["mark"] == "blank"
    marked = records["new_received", "other"]
    assert (marked["mark"], marked["symbol"]) == ("not_applicable", "—")
    assert marked["column_label"] == "Other"


def test_python_dash_m() -> None:
    result = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "disclosure_report", "check", str(EXAMPLE), "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stdout


def test_cells_give_the_unit_the_format_defines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _example()
    fees = data["active_disclosure"]["article_20_8"]["administrative_fees"]
    fees["amount"] = {"value": "12.5", "unit": None}
    assert main(["cells", _write(tmp_path, data)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    fee = next(r for r in records if r["row"] == "article_20_8.administrative_fees")
    assert (fee["value"], fee["unit"]) == ("12.5", "万元")
