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

READ_INT: Final[int]
READ_STR: Final[int]
READ_COUNT: Final[int]
READ_SIGNED_COUNT: Final[int]
READ_PART: Final[int]
READ_CELL_PART: Final[int]
READ_CHOICE: Final[int]
READ_CALL: Final[int]
READ_OPTIONAL: Final[int]

Plan: TypeAlias = tuple[type, tuple[tuple[str, object, int, object], ...]]

class Writer:
    # Writes the objects of one plan as dicts.
    def __call__(self, obj: object, /) -> dict[str, Any]: ...

def compile(plan: Plan, cell: Callable[[Any], object], /) -> Writer: ...  # noqa: A001 (checks *plan*, gives its writer)

class Reader:
    # Reads dicts into the objects of one read plan.
    def __call__(self, data: object, /) -> Any: ...

def compile_reader(
    plan: tuple[Any, ...],
    blank: object,
    marks: dict[str, object],
    missing: object,
    max_count: int,
    /,
) -> Reader: ...  # checks *plan*, gives its reader
