"""Series of reports whose body is unknown, and series with gaps (issue 13, points 8 and 9)."""

from __future__ import annotations

import json

from pathlib import Path

import attrs
import pytest

from disclosure_report import InvalidReportError, Metadata, Report, to_json
from disclosure_report.cli import main
from disclosure_report.many import SeriesPair, check_series, series_of, series_pairs


def _in_year(report: Report, year: int, agency: str = "某局") -> Report:
    return attrs.evolve(report, metadata=Metadata(agency=agency, year=year))


def _write(folder: Path, report: Report) -> str:
    path = folder / f"{report.metadata.agency or 'unknown'}-{report.metadata.year}.json"
    path.write_text(to_json(report), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("unknown", ["", "  "])
def test_reports_without_an_agency_are_in_no_series(example: Report, unknown: str) -> None:
    a, b = _in_year(example, 2019, unknown), _in_year(example, 2019, unknown)
    named = _in_year(example, 2020)

    assert series_of([a, b, named]) == {"某局": (named,)}


def test_check_series_never_treats_unknown_bodies_as_one(example: Report) -> None:
    reports = [_in_year(example, 2019, ""), _in_year(example, 2020, "")]

    with pytest.raises(InvalidReportError) as raised:
        check_series(reports)

    assert [p.path for p in raised.value.problems] == [
        "[0].metadata.agency",
        "[1].metadata.agency",
    ]
    assert "checked alone" in raised.value.problems[0].expected
    assert check_series(reports[:1]) == ()


def test_the_cli_checks_reports_without_an_agency_alone(
    example: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "other").mkdir()
    files = [
        _write(tmp_path, _in_year(example, 2019, "")),
        _write(tmp_path / "other", _in_year(example, 2019, "")),
    ]

    status = main(["check", *files, "--format", "json"])

    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "two reports of ''" not in captured.err
    assert json.loads(captured.out)["series"] == []


def test_series_pairs_say_which_years_were_compared(example: Report) -> None:
    reports = [_in_year(example, year) for year in (2021, 2022, 2024)]

    pairs = series_pairs(reports)

    assert pairs == (
        SeriesPair(years=(2021, 2022), versions=("2021", "2021"), rules=pairs[0].rules),
        SeriesPair(years=(2022, 2024), versions=("2021", "2021"), rules=()),
    )
    assert pairs[0].compared
    assert "2021.T3.X1" in pairs[0].rules
    assert (pairs[1].compared, pairs[1].gap) == (False, True)


def test_a_series_with_only_a_gap_compares_nothing(example: Report) -> None:
    [pair] = series_pairs([_in_year(example, 2023), _in_year(example, 2019)])

    assert (pair.years, pair.compared, pair.gap) == ((2019, 2023), False, True)
    assert series_pairs([example]) == ()


def test_the_cli_says_which_pairs_were_compared_and_which_not(
    example: Report,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [_write(tmp_path, _in_year(example, year)) for year in (2019, 2023)]
    files.append(_write(tmp_path, _in_year(example, 2024)))

    main(["check", *files, "--lang", "en"])
    out = capsys.readouterr().out
    assert "Years compared: 2023–2024" in out
    assert "Not compared, years missing in between: 2019–2023" in out

    main(["check", *files, "--lang", "zh_Hans"])
    out = capsys.readouterr().out
    assert "已比对年度：2023—2024年" in out
    assert "未比对（中间年度缺失）：2019—2023年" in out

    main(["check", *files[:2], "--format", "json"])
    [series] = json.loads(capsys.readouterr().out)["series"]
    assert series["series"]["compared"] == []
    assert series["series"]["not_compared"] == [{"years": [2019, 2023], "reason": "gap"}]
