# Types of the optional compiled writer (_speedups.c).

from collections.abc import Callable
from typing import Any, Final, TypeAlias

KIND_VALUE: Final[int]
KIND_COUNT: Final[int]
KIND_PART: Final[int]
KIND_CELL_PART: Final[int]
KIND_HOOK: Final[int]
KIND_OPTIONAL_HOOK: Final[int]
KIND_OPTIONAL_PART: Final[int]

Plan: TypeAlias = tuple[type, tuple[tuple[str, object, int, object], ...]]

class Writer:
    # Writes the objects of one plan as dicts.
    def __call__(self, obj: object, /) -> dict[str, Any]: ...

def compile(plan: Plan, cell: Callable[[Any], object], /) -> Writer: ...  # noqa: A001 (checks *plan*, gives its writer)
