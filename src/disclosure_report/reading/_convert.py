"""Word's older files (``.doc``), WPS's (``.wps``) and OpenDocument text (``.odt``) into ``.docx``.

These are converted by LibreOffice, run headless (``soffice --headless --convert-to docx``), and
the ``.docx`` is then read like any other. Each conversion runs in a temporary folder of its own,
removed afterwards, with a LibreOffice user profile of its own (so that conversions in parallel
do not wait on one another's profile lock, and none touches the user's), and a time limit.
Without LibreOffice the error says what to install.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile

from pathlib import Path
from typing import Final, Literal, NoReturn

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.reading._documents import refuse_unreadable


__all__ = ["INSTALL", "TIMEOUT", "to_docx"]

INSTALL: Final = (
    "LibreOffice, to read .doc, .wps and .odt files: apt install libreoffice-writer-nogui, "
    "or https://www.libreoffice.org"
)
"""What to install when LibreOffice is missing."""
TIMEOUT: Final = 120.0
"""Seconds a conversion may take (a report takes two to five, most of it LibreOffice's start)."""
_PROGRAMS: Final = ("soffice", "libreoffice")
_SUFFIXES: Final = {"odt": ".odt", "ole2": ".doc"}
_NAMES: Final = {"odt": "an OpenDocument text (.odt)", "ole2": "a Word or WPS file (.doc, .wps)"}
_MAX_OUTPUT: Final = 2000
_WORD_STREAM: Final = "WordDocument".encode("utf-16-le")
"""The stream of an OLE2 compound file that holds a Word (or WPS) document, named in UTF-16."""
_OTHER_STREAMS: Final = (
    ("Workbook".encode("utf-16-le"), "an Excel workbook (.xls)"),
    ("Book".encode("utf-16-le"), "an Excel workbook (.xls)"),
    ("PowerPoint Document".encode("utf-16-le"), "a PowerPoint presentation (.ppt)"),
)
"""Streams of the OLE2 files of other programs: such a file is refused before LibreOffice runs."""


def to_docx(data: bytes, found: Literal["odt", "ole2"]) -> bytes:
    """*data*, an ``.odt`` or an OLE2 compound file (``.doc``, ``.wps``), as a ``.docx``.

    Raises:
        InvalidReportError: When LibreOffice is not installed (the problem says what to
            install), or the conversion fails or takes longer than :data:`TIMEOUT` seconds (the
            problem quotes what LibreOffice said).
    """
    if found == "ole2" and _WORD_STREAM not in data:
        other = next((name for stream, name in _OTHER_STREAMS if stream in data), None)
        if other is not None:
            refuse_unreadable(other)
    program = next((p for p in map(shutil.which, _PROGRAMS) if p is not None), None)
    what = _NAMES[found]
    if program is None:
        _refuse(INSTALL, f"{what}, and LibreOffice (soffice) is not on PATH")
    with tempfile.TemporaryDirectory(prefix="disclosure-report-") as folder:
        base = Path(folder)
        source = base / f"report{_SUFFIXES[found]}"
        source.write_bytes(data)
        out = base / "out"
        command = [
            program,
            f"-env:UserInstallation={(base / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        returncode, said = _run(command, folder, what)
        result = out / "report.docx"
        if returncode != 0 or not result.is_file():
            said = " ".join(said.split())[:_MAX_OUTPUT] or f"exit status {returncode}"
            _refuse(
                f"{what} that LibreOffice converts",
                f"a file LibreOffice could not convert (damaged, or protected by a "
                f"password?): {said}",
            )
        return result.read_bytes()


def _run(command: list[str], folder: str, what: str) -> tuple[int, str]:
    """Run *command* in *folder*: its exit status and what it said. LibreOffice starts
    processes of its own; on a timeout all of them are stopped (its process group, where
    there are process groups)."""
    try:
        process = subprocess.Popen(  # noqa: S603 (a program found on PATH, our own arguments)
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=folder,
            start_new_session=True,
        )
    except OSError as error:
        _refuse(f"{what} that LibreOffice converts", f"LibreOffice did not start ({error})")
    with process:
        try:
            output, _ = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            _stop(process)
            _refuse(
                f"{what} that LibreOffice converts within {TIMEOUT:.0f} s",
                "a conversion that took longer; stopped",
            )
    return process.returncode, output.decode("utf-8", "replace").strip()


def _stop(process: subprocess.Popen[bytes]) -> None:
    killpg = getattr(os, "killpg", None)
    try:
        if killpg is not None:
            killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover (Windows: no process groups)
            process.kill()
    except OSError:  # pragma: no cover (it ended meanwhile)
        pass
    process.communicate()


def _refuse(expected: str, got: str) -> NoReturn:
    raise InvalidReportError([Problem("$", expected, got)])
