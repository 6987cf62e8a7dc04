"""Files written whole or not at all: temporary files beside their targets, renamed over them.

The command line's ``-o`` and the folder check's summaries both write this way, so that a
failed or interrupted run leaves every old file as it was, byte for byte.
"""

from __future__ import annotations

import contextlib
import os

from collections.abc import Iterator, Sequence
from pathlib import Path


__all__ = ["file_mode", "replacing"]


@contextlib.contextmanager
def replacing(targets: Sequence[Path]) -> Iterator[tuple[Path, ...]]:
    """Yield a new temporary file beside each of *targets*; when the block ends without an
    exception, each is flushed to disk and replaces its target (keeping the target's
    permissions), else all are removed and every target is left as it was.

    Raises:
        OSError: When a temporary file cannot be made, flushed or renamed; the targets not yet
            replaced are unchanged.
    """
    import tempfile  # Only here: it imports shutil, which a command without -o never needs.

    temporaries: list[Path] = []
    try:
        for target in targets:
            handle, name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".part", dir=target.parent
            )
            os.close(handle)
            temporaries.append(Path(name))
        yield tuple(temporaries)
        for temporary, target in zip(temporaries, targets, strict=True):
            with temporary.open("rb") as written:
                os.fsync(written.fileno())  # a full disk may only show now
            temporary.chmod(file_mode(target))
            temporary.replace(target)
    finally:
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def file_mode(path: Path) -> int:
    """The permissions *path* has, or that a new file gets (0o666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
