"""What a command imports: ``check`` of a JSON report loads neither the reader nor rendering.

A command run once per file pays its imports every time, so each imports only what it needs
(``benchmarks/startup.py`` measures the time; these tests pin the imports, deterministically).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys

from pathlib import Path

import pytest

from disclosure_report import cli, rendering
from disclosure_report.cli import _render


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"

# Runs the command line in a fresh interpreter and prints the modules it imported.
_PROBE = """
import contextlib, io, json, sys
from disclosure_report.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps([code, sorted(sys.modules)]))
"""

NOT_FOR_JSON = (
    "disclosure_report._tidy",
    "disclosure_report.many",
    "disclosure_report.reading",
    "disclosure_report.rendering",
    "disclosure_report.schema",
    "disclosure_report.testing",
    "hypothesis",
    "lxml",
    "pandas",
    "pyarrow",
)
"""Modules (and their submodules) that checking a report in the interchange format never needs."""


def _imported(tmp_path: Path, code: str, *args: str) -> tuple[object, set[str]]:
    done = subprocess.run(  # noqa: S603 (our own interpreter and probe)
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,  # Not the checkout: the package is imported as installed.
        env={**os.environ, "DISCLOSURE_REPORT_CACHE": str(tmp_path / "cache")},
    )
    result, modules = json.loads(done.stdout.splitlines()[-1])
    return result, set(modules)


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in names))


def test_check_of_a_json_report_imports_only_what_it_needs(tmp_path: Path) -> None:
    code, modules = _imported(tmp_path, _PROBE, "check", str(EXAMPLE))

    assert code == 0
    assert "disclosure_report.checks" in modules  # The probe ran the check.
    assert _loaded(modules, NOT_FOR_JSON) == []


@pytest.mark.parametrize("lang", ["zh", "zh_Hant", "en"])
@pytest.mark.parametrize("output", ["text", "json"])
def test_check_reads_the_catalogs_without_babel(tmp_path: Path, lang: str, output: str) -> None:
    # The --lang values name catalogs, which the standard library's gettext reads.
    args = ("check", str(EXAMPLE), "--lang", lang, "--format", output)
    code, modules = _imported(tmp_path, _PROBE, *args)

    assert code == 0
    assert "disclosure_report.i18n" in modules  # The output was translated.
    assert _loaded(modules, ("babel",)) == []


def test_check_of_a_published_report_imports_the_reader(tmp_path: Path) -> None:
    page = tmp_path / "report.txt"
    page.write_text("一、总体情况\n本机关2023年……\n", encoding="utf-8")

    _, modules = _imported(tmp_path, _PROBE, "check", str(page))

    assert "disclosure_report.reading" in modules


def test_importing_the_package_imports_none_of_its_parts(tmp_path: Path) -> None:
    code = "import json, sys, disclosure_report; print(json.dumps([None, sorted(sys.modules)]))"

    _, modules = _imported(tmp_path, code)

    assert _loaded(modules, ("disclosure_report",)) == ["disclosure_report"]


def test_render_offers_every_output_without_importing_rendering() -> None:
    assert _render.OUTPUTS == rendering.OUTPUTS


def test_check_does_not_import_shutil(tmp_path: Path) -> None:
    # argparse's default help formatter imports shutil for the terminal's width, and so does
    # tempfile, which only a run that stores the compiled reader in the cache needs.
    cold, _ = _imported(tmp_path, _PROBE, "check", str(EXAMPLE))
    _, modules = _imported(tmp_path, _PROBE, "check", str(EXAMPLE))

    assert cold == 0
    assert "shutil" not in modules


@pytest.mark.parametrize("columns", [None, "100", "37", "0", "-5", "wide", ""])
def test_terminal_columns_are_those_of_shutil(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)

    assert cli._terminal_columns() == shutil.get_terminal_size().columns


def _parser_with_every_argument() -> argparse.ArgumentParser:
    """The parser as it was built before: every subcommand's arguments, argparse's formatter."""
    parser = argparse.ArgumentParser(
        prog="disclosure-report",
        description="Check annual reports on open government information "
        "(政府信息公开工作年度报告) against the national format.",
    )
    parser.add_argument(
        "--version", action=cli._Version, nargs=0, help="print the installed version and exit"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in cli.COMMANDS.items():
        command.add_arguments(
            commands.add_parser(name, help=command.help, description=command.help)
        )
    return parser


def _outcome(
    parser: argparse.ArgumentParser, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[object, str, str]:
    try:
        result: object = vars(parser.parse_args(argv))
    except SystemExit as exit_:
        result = exit_.code
    out, err = capsys.readouterr()
    return result, out, err


@pytest.mark.parametrize("columns", ["60", "132"])
@pytest.mark.parametrize(
    "argv",
    [
        ["-h"],
        [],
        ["nope"],
        ["--lang", "en", "check"],
        *([name, "-h"] for name in cli.COMMANDS),
        *([name] for name in cli.COMMANDS),
        ["check", "a.json", "b.json", "--lang", "en", "--format", "json"],
        ["check", "a.json", "-h"],
        ["check", "a.json", "--version"],
        ["check", "--version", "a.json"],
        ["check", "a.json", "sum"],
        ["che", "a.json"],
        ["--version"],
        ["-h", "check"],
        ["--he", "check"],
        ["check", "a.json", "--format", "xml"],
        ["render", "a.json", "--bogus"],
        ["-", "check"],
        ["--", "check", "a.json"],
    ],
)
def test_the_parser_of_one_subcommand_parses_as_the_whole_one(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    columns: str,
    argv: list[str],
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    expected = _outcome(_parser_with_every_argument(), argv, capsys)

    assert _outcome(cli._parser(argv), argv, capsys) == expected
    assert _outcome(cli._parser(), argv, capsys) == expected
