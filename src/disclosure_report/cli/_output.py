"""Writing a command's output file (``-o OUT``) whole or not at all.

Every ``-o`` goes through :func:`replacing` (or :func:`writing`, which opens the file): the
output is written to a temporary file beside the target and renamed over it only when the whole
of it was written. A run that fails halfway (a character UTF-8 cannot encode, a full disk,
Ctrl-C) leaves the old file byte for byte, and no temporary file behind. The target's problems
that can be seen before any work (a missing folder, a folder, a file that may not be written)
are found first by :func:`check_output`.
"""

from __future__ import annotations

import contextlib
import os

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from disclosure_report.cli._io import WriteFailure, unencodable


__all__ = ["check_output", "replacing", "writing"]


def check_output(target: str) -> None:
    """Fail early when *target* cannot be written: its folder is missing or not a folder, it
    is a folder, or it is a file that may not be written.

    Raises:
        WriteFailure: Saying which, in one line.
    """
    path = Path(target).resolve()
    folder = path.parent
    if not folder.is_dir():
        raise WriteFailure(target, f"no such folder: {folder}")
    if path.is_dir():
        raise WriteFailure(target, "it is a folder")
    if path.exists() and not os.access(path, os.W_OK):
        raise WriteFailure(target, "the file may not be written (permission denied)")
    if not os.access(folder, os.W_OK):
        raise WriteFailure(target, f"the folder may not be written (permission denied): {folder}")


@contextlib.contextmanager
def replacing(target: str) -> Iterator[str]:
    """Yield the path of a new temporary file beside *target*; when the block ends without an
    exception, the file replaces *target* (keeping its permissions), else it is removed.

    A symbolic link as *target* is followed: the file it points to is replaced.

    Raises:
        WriteFailure: When *target* cannot be written, or writing failed (an :class:`OSError`
            or :class:`UnicodeEncodeError` in the block); *target* is then unchanged.
    """
    check_output(target)
    from disclosure_report._atomic import replacing as replacing_files

    try:
        with replacing_files((Path(target).resolve(),)) as (temporary,):
            yield str(temporary)
    except OSError as error:
        raise WriteFailure(target, error.strerror or str(error)) from None
    except UnicodeEncodeError as error:
        raise WriteFailure(target, unencodable(error)) from None


@contextlib.contextmanager
def writing(target: str) -> Iterator[IO[str]]:
    """:func:`replacing`, with the temporary file open as UTF-8 text, line ends written as they
    are given."""
    with (
        replacing(target) as temporary,
        Path(temporary).open("w", encoding="utf-8", newline="") as stream,
    ):
        yield stream
