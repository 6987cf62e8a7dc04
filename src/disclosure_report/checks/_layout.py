"""The rows of a table and the addresses of their cells, read once from the model's layout."""

from __future__ import annotations

from disclosure_report.model import (
    CellAddress,
    Report2019,
    Report2021,
    table_layout,
)


__all__ = ["table_rows"]


def table_rows(
    report_class: type[Report2019 | Report2021], table: int
) -> tuple[tuple[str, tuple[CellAddress, ...]], ...]:
    """The rows of *table* in printed order: each row's path and its cells' addresses."""
    rows: dict[str, list[CellAddress]] = {}
    for spec in table_layout(report_class):
        if spec.address.table == table:
            rows.setdefault(spec.address.row, []).append(spec.address)
    return tuple((row, tuple(cells)) for row, cells in rows.items())
