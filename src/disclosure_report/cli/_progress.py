"""A progress bar on standard error for long runs, hidden when that is not a terminal."""

from __future__ import annotations

import sys
import time

from collections.abc import Iterable, Iterator
from typing import IO, Final, TypeVar


__all__ = ["progress"]

T = TypeVar("T")

_WIDTH: Final = 30
_INTERVAL: Final = 0.1
"""Seconds between redraws."""


def progress(
    items: Iterable[T], *, total: int, label: str, stream: IO[str] | None = None
) -> Iterator[T]:
    """Yield *items*, drawing ``label [#####     ] done/total`` on *stream* (standard error).

    Nothing is drawn when *stream* is not a terminal (a pipe, a file, a test's capture), or
    when there are fewer than two items; the line is cleared at the end.
    """
    out = sys.stderr if stream is None else stream
    if total < 2 or not out.isatty():  # noqa: PLR2004 (one item needs no bar)
        yield from items
        return
    last = 0.0
    done = 0
    try:
        for item in items:
            yield item
            done += 1
            now = time.monotonic()
            if now - last >= _INTERVAL or done == total:
                last = now
                filled = _WIDTH * done // max(total, 1)
                bar = "#" * filled + " " * (_WIDTH - filled)
                out.write(f"\r{label} [{bar}] {done}/{total}")
                out.flush()
    finally:
        out.write("\r\x1b[K")
        out.flush()
