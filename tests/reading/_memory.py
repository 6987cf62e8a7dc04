"""The peak of Python's allocations during a call, for tests that bound a reader's memory."""

from __future__ import annotations

import tracemalloc

from collections.abc import Callable
from typing import TypeVar


T = TypeVar("T")


def traced_peak(call: Callable[[], T]) -> tuple[T, int]:
    """What *call* returns, and the most memory Python's allocations held while it ran
    (:mod:`tracemalloc`: objects, not what a C library such as libxml2 allocates)."""
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
