"""A cache on disk for the compiled code of the generated readers and writers.

Compiling the reader of a 2021 report (some 1,500 generated lines) takes about 12 ms, which is
most of what a short command such as ``disclosure-report check report.json`` spends beyond
importing its dependencies; loading the same code object with :mod:`marshal` takes 0.1 ms. So
the compiled code is kept as Python keeps ``.pyc`` files: one file per generated source, named
by the SHA-256 of the source and the interpreter's bytecode tag, so that a changed model (new
source) or another Python (another tag) never finds a stale entry.

The folder is ``$DISCLOSURE_REPORT_CACHE``, else ``$XDG_CACHE_HOME/disclosure-report``, else
``~/.cache/disclosure-report``; ``DISCLOSURE_REPORT_CACHE=off`` (or an empty value) turns the
cache off. Nothing here can fail a call: a folder that cannot be made or written, a file that
cannot be read or holds anything but the expected code object, and the source is compiled as if
there were no cache. Files are written to a temporary name and renamed, so a reader never sees
half a file.

Code loaded from the cache runs like a ``.pyc`` file, so the cache is trusted as a ``__pycache__``
folder is, and no more: it is made readable by its owner only, and where the system has owners
(POSIX), a folder that belongs to another user or that others may write to is not used at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import sys
import types

from pathlib import Path
from typing import Final


__all__ = ["CACHE_VARIABLE", "cache_folder", "compile_cached"]

CACHE_VARIABLE: Final = "DISCLOSURE_REPORT_CACHE"
"""The environment variable naming the cache folder; ``off`` or empty turns the cache off."""

_OFF: Final = frozenset({"", "0", "off", "no", "false"})
_TAG: Final = (sys.implementation.cache_tag or "none") + importlib.util.MAGIC_NUMBER.hex()


def cache_folder() -> Path | None:
    """The folder of the cache, or ``None`` when it is turned off."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "disclosure-report"


def compile_cached(source: str, filename: str) -> types.CodeType:
    """The code object of ``compile(source, filename, "exec")``, from the cache when it has it."""
    folder = cache_folder()
    if folder is None or not _private(folder):
        return compile(source, filename, "exec")
    digest = hashlib.sha256(f"{_TAG}\0{filename}\0{source}".encode()).hexdigest()
    path = folder / f"{digest}.marshal"
    code = _load(path, filename)
    if code is None:
        code = compile(source, filename, "exec")
        _store(path, code)
    return code


def _private(folder: Path) -> bool:
    """Make *folder* (owner only) if it is not there; whether it is ours and only ours to write."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no owners to compare (Windows): the user's own profile folder
        return True
    return status.st_uid == getuid() and not status.st_mode & 0o022


def _load(path: Path, filename: str) -> types.CodeType | None:
    try:
        data = path.read_bytes()
        code = marshal.loads(data)  # noqa: S302 (our own file, in a folder only we may write)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if type(code) is not types.CodeType or code.co_filename != filename:
        return None
    return code


def _store(path: Path, code: types.CodeType) -> None:
    import tempfile  # only on a miss: it imports shutil, which a run that hits never needs

    with contextlib.suppress(OSError):
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(marshal.dumps(code))
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
