"""The command line at its edges: output files, streams, signals, flag values, partial reports.

Issues 13 and 14: a failed or interrupted run leaves an output file as it was; a closed pipe,
a closed standard input, an endless input, Ctrl-C and a wrong flag value each end in one line
(or none) and an exit code, never a traceback.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Self

import pytest

from disclosure_report import from_json, to_dict
from disclosure_report.cli import _io as cli_io
from disclosure_report.cli import main


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"

OLD = b"the old output, kept byte for byte\n"

# A published report with table 二 only: tables 三 and 四 are not found.
ONLY_TABLE_2 = """某局2023年政府信息公开工作年度报告
一、总体情况
本机关2023年……
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 1 0 5
"""


def _example() -> dict[str, Any]:
    return to_dict(from_json(EXAMPLE.read_bytes()))


def _json(tmp_path: Path, data: object, name: str = "report.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _lone_surrogate(tmp_path: Path) -> str:
    data = _example()
    data["metadata"]["agency"] = "某局\ud800"
    path = tmp_path / "surrogate.json"
    path.write_bytes(json.dumps(data).encode())  # \ud800 as an escape, as JSON allows
    return str(path)


def _run(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-m", "disclosure_report", *args],
        capture_output=True,
        check=False,
        **kwargs,
    )


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# 1. Output files -------------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.write_bytes(OLD)

    code = main(["export", str(EXAMPLE), _lone_surrogate(tmp_path), "-o", str(out)])

    err = capsys.readouterr().err
    assert code == 2
    assert out.read_bytes() == OLD
    # The model refuses text that no writer could write, so the run stops at reading.
    assert "with a lone surrogate (U+D800)" in err
    assert "Traceback" not in err
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["sum", "export", "parse"])
@pytest.mark.parametrize(
    ("failure", "exit_code", "err"),
    [
        (KeyboardInterrupt, 130, ""),
        (
            lambda: OSError(errno.ENOSPC, "No space left on device"),
            2,
            ": No space left on device\n",
        ),
    ],
)
def test_a_write_cut_off_leaves_the_old_file(  # noqa: PLR0917 (parameters and fixtures)
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    failure: Callable[[], BaseException],
    exit_code: int,
    err: str,
) -> None:
    out = tmp_path / "out"
    out.write_bytes(OLD)
    opened = Path.open

    class Cut:  # a stream that fails after a few characters
        def __init__(self, stream: IO[str]) -> None:
            self.stream = stream

        def __enter__(self) -> Self:
            return self

        def __exit__(self, *_: object) -> None:
            self.stream.close()

        def write(self, text: str) -> int:
            self.stream.write(text[:10])
            raise failure()

    def cut(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = opened(path, mode, *args, **kwargs)
        return Cut(stream) if "w" in mode else stream

    source = str(EXAMPLE)
    if command == "parse":
        source = str(tmp_path / "page.txt")
        Path(source).write_bytes(ONLY_TABLE_2.encode())
    monkeypatch.setattr(Path, "open", cut)

    assert main([command, source, "-o", str(out)]) == exit_code

    monkeypatch.undo()
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path) == []
    assert capsys.readouterr().err.endswith(err)


@pytest.mark.parametrize("command", ["sum", "export", "parse"])
def test_a_written_file_replaces_the_old_one_and_keeps_its_permissions(
    tmp_path: Path, command: str
) -> None:
    out = tmp_path / "out"
    out.write_bytes(OLD)
    out.chmod(0o640)
    source = str(EXAMPLE)
    if command == "parse":
        source = str(tmp_path / "page.txt")
        Path(source).write_bytes(ONLY_TABLE_2.encode())

    assert main([command, source, "-o", str(out)]) == 0

    assert out.read_bytes() != OLD
    assert out.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_a_new_file_gets_the_permissions_of_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "new.json"
    umask = os.umask(0o022)
    try:
        assert main(["sum", str(EXAMPLE), "-o", str(out)]) == 0
    finally:
        os.umask(umask)

    assert out.stat().st_mode & 0o777 == 0o644
    assert from_json(out.read_bytes()).metadata.agency == "合计"


def _unwritable(tmp_path: Path) -> Path:
    path = tmp_path / "read-only.csv"
    path.write_bytes(OLD)
    path.chmod(0o444)
    return path


@pytest.mark.parametrize("command", ["sum", "export", "parse"])
@pytest.mark.parametrize(
    ("target", "reason"),
    [
        (lambda tmp: tmp / "missing" / "out.json", "no such folder"),
        (lambda tmp: tmp, "it is a folder"),
        (_unwritable, "may not be written"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    target: Any,
    reason: str,
) -> None:
    if os.geteuid() == 0 and reason == "may not be written":
        pytest.skip("root may write any file")
    out = target(tmp_path)

    assert main([command, str(EXAMPLE), "-o", str(out)]) == 2

    err = capsys.readouterr().err
    assert err.startswith(f"disclosure-report: cannot write {out}: {reason}")
    assert err.count("\n") == 1
    if out.is_file():
        assert out.read_bytes() == OLD


def test_an_output_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(OLD)
    link = tmp_path / "link.json"
    link.symlink_to(real)

    assert main(["sum", str(EXAMPLE), "-o", str(link)]) == 0

    assert link.is_symlink()
    assert from_json(real.read_bytes()).metadata.agency == "合计"


@pytest.mark.parametrize("command", ["sum", "cells", "check"])
def test_a_lone_surrogate_is_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code = main([command, _lone_surrogate(tmp_path)])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert "with a lone surrogate (U+D800)" in captured.err


# 3. Streams and 5. signals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("cells", str(EXAMPLE)), ("schema",), ("check", str(EXAMPLE), "--format", "json")],
)
def test_a_closed_pipe_exits_quietly(args: tuple[str, ...]) -> None:
    process = subprocess.Popen(  # noqa: S603 (our own interpreter)
        [sys.executable, "-m", "disclosure_report", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # as `| head -0` does, before the command writes
    with process.stderr:
        err = process.stderr.read()
    code = process.wait()

    assert (code, err) == (141, b"")


def test_a_closed_standard_input_is_one_line_and_exit_2() -> None:
    done = subprocess.run(
        ["/bin/sh", "-c", 'exec "$0" -m disclosure_report check - <&-', sys.executable],
        capture_output=True,
        check=False,
    )

    assert done.returncode == 2
    assert b"standard input is closed" in done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("source", ["file", "stdin"])
def test_an_input_over_the_limit_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    source: str,
) -> None:
    monkeypatch.setattr(cli_io, "MAX_INPUT_BYTES", 100)
    data = b"x" * 101
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    if source == "stdin":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    assert main(["check", "-" if source == "stdin" else str(path)]) == 2

    assert "larger than 0 MiB" in capsys.readouterr().err


def test_the_limit_is_64_mib_and_dev_zero_is_refused() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")

    done = _run("check", "/dev/zero")

    assert cli_io.MAX_INPUT_BYTES == 64 * 1024 * 1024
    assert done.returncode == 2
    assert b"larger than 64 MiB" in done.stderr


def test_an_input_of_exactly_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = EXAMPLE.read_bytes()
    monkeypatch.setattr(cli_io, "MAX_INPUT_BYTES", len(data))

    assert main(["check", str(EXAMPLE)]) == 0


@pytest.mark.parametrize("command", ["check", "sum", "cells", "export"])
def test_ctrl_c_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    def interrupted(_file: str) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_io, "read_input", interrupted)

    assert main([command, str(EXAMPLE)]) == 130
    assert capsys.readouterr().err == ""


# 4. Flag values --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "x.txt", "--indent", "1000000000"],
        ["parse", "x.txt", "--indent", "-1"],
        ["parse", "x.txt", "--indent", "two"],
        ["schema", "--indent", "1000000000"],
        ["sum", "x.json", "--year", "99999"],
        ["sum", "x.json", "--year", "1999"],
        ["sum", "x.json", "--year", "later"],
        ["sum", "x.json", "--agency", " "],
        ["sum", "x.json", "--agency", "某局\udcff"],  # a byte of the command line not UTF-8
        ["sum", "x.json", "-o", ""],
        ["export", "x.json", "-o", ""],
        ["parse", "x.txt", "-o", ""],
    ],
)
def test_a_bad_flag_value_is_an_argparse_error(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)

    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "error: argument" in err
    assert "Traceback" not in err


def test_the_largest_indent_is_taken(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--indent", "16"]) == 0
    assert '\n                "' in capsys.readouterr().out


# 7. A report whose tables were not found -------------------------------------------------------


def test_check_of_a_report_without_tables_3_and_4_is_not_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(ONLY_TABLE_2, encoding="utf-8")

    code = main(["check", str(page)])

    out = capsys.readouterr().out
    assert code == 3
    assert "已读取表格：二\n" in out
    assert "未找到表格：三、四，相关规则未予核对\n" in out

    assert main(["check", str(page), "--lang", "en", "--format", "json"]) == 3
    document = json.loads(capsys.readouterr().out)
    assert document["tables"] == {"read": [2], "not_found": [3, 4]}


def test_check_of_a_report_without_tables_and_with_an_error_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(ONLY_TABLE_2, encoding="utf-8")
    data = _example()
    data["applications"]["new_received"]["total"] = 999
    broken = _json(tmp_path, data)

    assert main(["check", str(page), broken]) == 1
    assert main(["check", str(page), str(EXAMPLE)]) == 3
    capsys.readouterr()


def test_check_of_a_json_report_has_every_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["tables"] == {"read": [2, 3, 4], "not_found": []}


# 13. Help and export's account of what it read --------------------------------------------------


@pytest.mark.parametrize("command", ["check", "sum", "export"])
def test_help_names_the_inputs_and_the_exit_codes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    with pytest.raises(SystemExit):
        main([command, "-h"])

    text = capsys.readouterr().out
    for words in ("JSON interchange format", "text", "HTML", "standard input", "64 MiB"):
        assert words in text
    assert "Exit codes: 0:" in text
    for code in ("2:", "130:", "141:"):
        assert code in text
    if command == "check":
        assert "1: an error finding" in text
        assert "3: no error finding" in text


def test_export_says_how_many_files_it_read_and_which_had_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(ONLY_TABLE_2, encoding="utf-8")

    assert main(["export", str(EXAMPLE), str(page), "-o", str(tmp_path / "out.csv")]) == 0

    err = capsys.readouterr().err
    assert err == (
        f"disclosure-report: read 2 files, 1 with reading notes "
        f"(see them with 'disclosure-report parse FILE'): {page}\n"
    )


def test_export_of_json_only_says_there_were_no_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path / "out.csv")]) == 0
    assert capsys.readouterr().err == "disclosure-report: read 1 file, none with reading notes\n"


def test_sum_prints_the_reading_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(ONLY_TABLE_2, encoding="utf-8")

    main(["sum", str(page), "-o", str(tmp_path / "sum.json")])

    assert f"{page}: note: table 3: table_missing" in capsys.readouterr().err


# 16. English messages ---------------------------------------------------------------------------


def _one_error(data: dict[str, Any]) -> None:
    data["reconsideration_and_litigation"]["reconsideration"]["total"] += 1  # T4.I4


def _one_warning(data: dict[str, Any]) -> None:
    data["other_matters"]["text"] = "本年度开展政策解读。"  # S6.FEES: fees not mentioned
    data["other_matters"]["processing_fees"] = None


def _two_errors_one_warning(data: dict[str, Any]) -> None:
    data["applications"]["new_received"]["total"] += 1  # T3.F1, T3.I1; S1.X5


@pytest.mark.parametrize(
    ("change", "summary"),
    [
        (_one_error, "1 error, 0 warnings"),
        (_one_warning, "0 errors, 1 warning"),
        (_two_errors_one_warning, "2 errors, 1 warning"),
    ],
)
def test_english_counts_have_their_plural_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Any, summary: str
) -> None:
    data = _example()
    change(data)

    main(["check", _json(tmp_path, data), "--lang", "en"])

    assert capsys.readouterr().out.endswith(f"\n{summary}\n")


def test_english_title_of_a_report_without_agency_has_no_gap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _example()
    data["metadata"]["agency"] = ""

    main(["check", _json(tmp_path, data), "--lang", "en"])

    first = capsys.readouterr().out.splitlines()[0]
    assert first == "Annual report on open government information work for 2023 (format 2021)"
    assert "  " not in first
