"""The command line on many reports: check with series, sum, export."""

from __future__ import annotations

import csv
import io
import json

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from disclosure_report import CellAddress, Metadata, Report, from_json, to_json
from disclosure_report.cli import main
from disclosure_report.cli._progress import progress
from disclosure_report.many import RECORD_FIELDS, records, sum_reports


OVER = CellAddress(3, "carried_over", "total")


def _write(tmp_path: Path, name: str, report: Report) -> str:
    path = tmp_path / name
    path.write_text(to_json(report), encoding="utf-8")
    return str(path)


def _year(report: Report, year: int) -> Report:
    return report.__class__(
        **{
            **{f: getattr(report, f) for f in ("active_disclosure", "applications")},
            "metadata": Metadata(agency=report.metadata.agency, year=year),
            "overview": report.overview,
            "reconsideration_and_litigation": report.reconsideration_and_litigation,
            "problems_and_improvements": report.problems_and_improvements,
            "other_matters": report.other_matters,
        }
    )


@pytest.fixture
def series_files(
    tmp_path: Path, example: Report, with_cells: Callable[..., Any]
) -> tuple[str, str]:
    last = _write(tmp_path, "2022.json", _year(example, 2022))
    this = _write(tmp_path, "2023.json", with_cells(example, {OVER: 9}))
    return last, this


def test_check_of_two_years_reports_x1_and_exits_1(
    series_files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", *series_files, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "[2021.T3.X1]" in out
    assert "item 2 of 2023 (9) does not equal item 4 of 2022" in out
    assert "2022 to 2023" in out


def test_check_json_of_many_files_has_reports_and_series(
    series_files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", *series_files, "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert [d["report"]["year"] for d in document["reports"]] == [2022, 2023]
    [series] = document["series"]
    assert series["series"]["years"] == [2022, 2023]
    x1 = [f for f in series["findings"] if f["rule"] == "2021.T3.X1"]
    assert x1[0]["years"] == [2023, 2022]
    assert x1[0]["cells"] == ["3/carried_over/total", "3/carried_forward/total"]
    assert document["errors"] == series["errors"] + sum(d["errors"] for d in document["reports"])


def test_one_file_gives_the_single_report_document(
    series_files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", series_files[0], "--format", "json"])
    assert set(json.loads(capsys.readouterr().out)) == {
        "report",
        "checked",
        "errors",
        "warnings",
        "findings",
        "notes",
        "tables",
    }


def test_an_unreadable_file_among_many_exits_2(
    series_files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", series_files[0], str(tmp_path / "missing.json")]) == 2
    captured = capsys.readouterr()
    assert "cannot read" in captured.err
    assert "missing.json" in captured.err
    assert "2022" in captured.out


def test_sum_writes_the_sum(series_files: tuple[str, str], tmp_path: Path, example: Report) -> None:
    out = tmp_path / "total.json"
    assert main(["sum", *series_files, "-o", str(out), "--agency", "某县", "--year", "2023"]) == 0
    reports = [from_json(Path(f).read_bytes()) for f in series_files]
    assert from_json(out.read_bytes()) == sum_reports(reports, agency="某县", year=2023)


def test_sum_needs_a_year_when_the_reports_differ(
    series_files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sum", *series_files]) == 2
    assert "--year" in capsys.readouterr().err


def test_export_csv_to_stdout(
    series_files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", *series_files, "--to", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    reports = [from_json(Path(f).read_bytes()) for f in series_files]
    assert len(rows) == sum(1 for _ in records(reports))
    assert list(rows[0]) == list(RECORD_FIELDS)


def test_export_parquet(series_files: tuple[str, str], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "cells.parquet"
    assert main(["export", *series_files, "--to", "parquet", "-o", str(out)]) == 0
    assert pq.read_table(out).num_rows == 400


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_only() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    assert list(progress(range(5), total=5, label="x", stream=terminal)) == list(range(5))
    assert list(progress(range(5), total=5, label="x", stream=pipe)) == list(range(5))
    assert "x [" in terminal.getvalue()
    assert "5/5" in terminal.getvalue()
    assert pipe.getvalue() == ""
