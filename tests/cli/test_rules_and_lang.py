"""``disclosure-report rules``, what ``check`` says it checked, and the default of ``--lang``."""

from __future__ import annotations

import json

from pathlib import Path

import pytest

from disclosure_report import format_version, format_versions
from disclosure_report.checks import all_rules, all_series_rules, rules_of
from disclosure_report.cli import main
from disclosure_report.cli._command import environment_lang


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": ""}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "fr_FR"}, "en"),
        ({"LANG": "zh"}, "zh"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_SG"}, "zh"),
        ({"LANG": "zh-Hans-HK"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh_Hant"),
        ({"LANG": "zh_HK.UTF-8"}, "zh_Hant"),
        ({"LANG": "zh_MO"}, "zh_Hant"),
        ({"LANG": "zh_Hant"}, "zh_Hant"),
        ({"LANG": "zh-Hant-TW"}, "zh_Hant"),
        # POSIX order: LC_ALL, then LC_MESSAGES, then LANG; an empty one does not count.
        ({"LC_ALL": "C.UTF-8", "LC_MESSAGES": "zh_CN", "LANG": "zh_CN"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "zh_TW", "LANG": "en_US"}, "zh_Hant"),
        ({"LC_MESSAGES": "", "LANG": "zh_CN.GB18030"}, "zh"),
    ],
)
def test_the_default_language_follows_the_locale(environ: dict[str, str], lang: str) -> None:
    assert environment_lang(environ) == lang


def _check_example(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["check", str(EXAMPLE), *args]) == 0
    return capsys.readouterr().out


def test_check_speaks_english_in_a_locale_that_is_not_chinese(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")

    out = _check_example(capsys)

    assert "0 errors, 0 warnings" in out
    assert "against 7 rules of format 2021" in out


def test_check_speaks_traditional_chinese_in_taiwan(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_MESSAGES", "zh_TW.UTF-8")

    assert "錯誤0項，警告0項" in _check_example(capsys)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lang_wins_over_the_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8" if lang == "en" else "en_US.UTF-8")

    out = _check_example(capsys, "--lang", lang)

    assert ("错误0项" in out) is (lang == "zh")


def test_check_says_what_it_checked(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _check_example(capsys, "--lang", "zh").splitlines()

    # The tables and sections that the version's rules check, and how many rules there are.
    assert lines[1] == "已按2021年版格式的7条规则检查表三、表四、第一部分、第六部分"
    assert lines[-1] == "错误0项，警告0项"
    english = _check_example(capsys, "--lang", "en").splitlines()
    assert english[1] == (
        "Checked table III, table IV, section I, section VI against 7 rules of format 2021"
    )


def test_check_json_says_what_it_checked(capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(_check_example(capsys, "--format", "json"))

    assert document["checked"] == {
        "rules": [rule.id for rule in rules_of(format_version("2021"))],
        "tables": [3, 4],
        "sections": ["overview", "other_matters"],
    }


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()

    rules = (*all_rules(), *all_series_rules())
    assert [line.split()[0] for line in lines] == [rule.id for rule in rules]
    f1 = next(line for line in lines if line.startswith("2021.T3.F1 "))
    assert f1.split()[1] == "error"
    assert "item 1 + item 2 = item 3 + item 4" in f1


def test_rules_of_one_version_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    version = format_versions()[0].id
    assert main(["rules", "--format-version", version, "--format", "json", "--lang", "zh"]) == 0
    records = json.loads(capsys.readouterr().out)

    assert {record["version"] for record in records} == {version}
    assert [r["id"] for r in records] == [
        rule.id for rule in (*all_rules(), *all_series_rules()) if rule.version == version
    ]
    assert set(records[0]) == {
        "id",
        "version",
        "section",
        "table",
        "severity",
        "formula",
        "blank_policy",
        "message",
    }


def test_rules_id_explains_one_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "2021.T4.I4", "--lang", "en"]) == 0
    out = capsys.readouterr().out

    assert out.splitlines()[0] == "2021.T4.I4"
    assert "Formula: For reconsideration and for each kind of suit: Total = upheld" in out
    assert "Severity: error" in out
    assert "Blank cells: unknown_counts (" in out
    assert 'Message: "%(row)s": the total (%(actual)s) does not equal' in out
    assert "Format version: 2021" in out


def test_rules_id_explains_a_rule_across_years(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "2021.T3.X1.FROM2019", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)

    assert record["id"] == "2021.T3.X1.FROM2019"
    assert record["blank_policy"] == "skip_if_unknown"


@pytest.mark.parametrize("rule", ["2021.T9.NOPE", "1999.T3.F1", "nonsense"])
def test_an_unknown_rule_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], rule: str
) -> None:
    assert main(["rules", rule]) == 2
    captured = capsys.readouterr()

    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"disclosure-report: no rule {rule!r}; 'disclosure-report rules' lists every rule"
    ]
