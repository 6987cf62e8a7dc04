"""The rows of a table and the addresses of their cells, read once from the model's layout."""

from __future__ import annotations

import functools

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeAlias

from disclosure_report.model import CellAddress, FormatVersion, table_layout


__all__ = ["row_reader", "rows_with", "table_rows"]


def table_rows(
    report_class: type[Any], table: int
) -> tuple[tuple[str, tuple[CellAddress, ...]], ...]:
    """The rows of *table* in printed order: each row's path and its cells' addresses."""
    rows: dict[str, list[CellAddress]] = {}
    for spec in table_layout(report_class):
        if spec.address.table == table:
            rows.setdefault(spec.address.row, []).append(spec.address)
    return tuple((row, tuple(cells)) for row, cells in rows.items())


_Getter: TypeAlias = Callable[[Any], tuple[object, ...]]


@functools.cache
def rows_with(
    version: FormatVersion, table: int, *columns: str
) -> tuple[tuple[_Getter, tuple[CellAddress, ...]], ...]:
    """Each row of *version*'s *table* that has *columns*, in printed order: a getter of their
    values from the table object, and their addresses.

    Rules that read a few columns of every row that has them (I5 and X4 on table 2; X2 and X3
    across years) find their rows here, so a version with other rows is read alike.
    """
    found: list[tuple[_Getter, tuple[CellAddress, ...]]] = []
    for path, cells in table_rows(version.report_class, table):
        by_column = {cell.column: cell for cell in cells}
        if all(column in by_column for column in columns):
            getter = attrgetter(*(f"{path}.{column}" for column in columns))
            found.append((getter, tuple(by_column[column] for column in columns)))
    return tuple(found)


def row_reader(
    rows: Sequence[tuple[str, Sequence[str]]],
) -> Callable[[Any], list[tuple[object, ...]]]:
    """A function that reads the values of *rows* (dotted path, column names) from a table.

    It is generated straight-line code: each object on the way is fetched once into a local
    variable and every cell is a plain attribute read, about three times faster than an
    :func:`operator.attrgetter` per row (which walks each dotted path from the table again).
    """
    lines = ["def read(t):"]
    local: dict[str, str] = {"": "t"}

    def fetch(path: str) -> str:
        if path not in local:
            parent, _, name = path.rpartition(".")
            source = fetch(parent)
            variable = f"o{len(local)}"
            lines.append(f"    {variable} = {source}.{name}")
            local[path] = variable
        return local[path]

    tuples = []
    for path, columns in rows:
        if not all(part.isidentifier() for part in (*path.split("."), *columns)):
            raise ValueError(f"not a path of attributes: {path!r} {columns!r}")
        row = fetch(path)
        tuples.append("(" + "".join(f"{row}.{column}, " for column in columns) + ")")
    lines.append("    return [" + ", ".join(tuples) + "]")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<disclosure_report row reader>", "exec"), namespace)  # noqa: S102 (our own code, from the model's field names)
    read: Callable[[Any], list[tuple[object, ...]]] = namespace["read"]
    return read
