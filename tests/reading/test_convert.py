"""Converting ``.doc``, ``.wps`` and ``.odt`` with LibreOffice: what goes wrong, with a stand-in.

A small script named ``soffice`` on ``PATH`` plays LibreOffice (POSIX only), so that these run
without it: a conversion that hangs, one that fails, and the command line that is run. The real
conversions are tested in ``test_docx_filled.py`` and ``tests/cli/test_cli_word.py``.
"""

from __future__ import annotations

import os
import sys
import time

from pathlib import Path

import pytest

from disclosure_report import InvalidReportError
from disclosure_report.reading._convert import to_docx


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a shell script plays soffice")
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def _soffice(folder: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")


def test_a_conversion_that_hangs_is_stopped_at_the_timeout_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "child"
    # The stand-in starts a child of its own, as soffice starts soffice.bin, and both sleep.
    _soffice(tmp_path, f"sleep 60 &\necho $! > {pid_file}\nsleep 60", monkeypatch)
    monkeypatch.setattr("disclosure_report.reading._convert.TIMEOUT", 1.0)
    start = time.monotonic()
    with pytest.raises(InvalidReportError, match="converts within 1 s"):
        to_docx(OLE2, "ole2")
    assert time.monotonic() - start < 15
    child = int(pid_file.read_text(encoding="utf-8"))
    assert _ended(child)


def _ended(pid: int) -> bool:
    """Whether process *pid* has ended (waiting a little for it to be reaped)."""
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if Path(f"/proc/{pid}/stat").is_file() and ") Z" in Path(f"/proc/{pid}/stat").read_text():
            return True  # killed, not yet reaped by its new parent
        time.sleep(0.1)
    return False


def test_a_failed_conversion_quotes_what_libreoffice_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2\nexit 1", monkeypatch)
    with pytest.raises(InvalidReportError, match="source file could not be loaded"):
        to_docx(OLE2, "ole2")


def test_a_conversion_that_writes_nothing_is_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _soffice(tmp_path, "exit 0", monkeypatch)
    with pytest.raises(InvalidReportError, match="exit status 0"):
        to_docx(OLE2, "ole2")


def test_each_conversion_has_its_own_profile_and_folder_removed_afterwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "log"
    # Record the arguments; write the .docx where --outdir says, named after the input.
    _soffice(
        tmp_path,
        f'echo "$@" >> {log}\n'
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'mkdir -p "$2"; printf docx > "$2/$(basename "${3%.*}").docx"',
        monkeypatch,
    )
    assert to_docx(OLE2, "ole2") == b"docx"
    assert to_docx(b"odt", "odt") == b"docx"
    first, second = log.read_text(encoding="utf-8").splitlines()
    assert "--headless" in first.split()
    assert "--convert-to docx" in first
    profiles = [line.split()[0] for line in (first, second)]
    assert all(p.startswith("-env:UserInstallation=file://") for p in profiles)
    assert profiles[0] != profiles[1]
    assert first.split()[-1].endswith(".doc")
    assert second.split()[-1].endswith(".odt")
    folders = [Path(line.split()[-1]).parent for line in (first, second)]
    assert not any(folder.exists() for folder in folders)


def test_an_ole2_file_of_another_program_is_named_without_running_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _soffice(tmp_path, f"touch {tmp_path / 'ran'}\nexit 1", monkeypatch)
    for stream, name in (
        ("Workbook", "an Excel workbook"),
        ("PowerPoint Document", "a PowerPoint"),
    ):
        data = OLE2 + stream.encode("utf-16-le") + bytes(64)
        with pytest.raises(InvalidReportError, match=f"{name}.*not a format this library reads"):
            to_docx(data, "ole2")
    assert not (tmp_path / "ran").exists()
