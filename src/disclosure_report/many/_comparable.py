"""Which cells mean the same thing in both format versions, so that years can be compared.

The 2021 revision rewrote table 二 (every sub-table has other columns, item （九） is gone, and
the counting rule C3 changed what 处理决定数量 counts) and split row （六）其他处理 of table 三 into
three rows. Everything else of tables 三 and 四 kept its rows, columns and meaning.
"""

from __future__ import annotations

from typing import Final

from disclosure_report.model import (
    CellAddress,
    Report2019,
    Report2021,
    table_layout,
)


__all__ = ["COMPARABLE_CELLS", "is_comparable"]

_SPLIT_ROW: Final = "outcomes.other_handling"
"""Row （六）: one row in 2019, three in 2021; its sum is still in （七）总计."""


def _comparable() -> frozenset[CellAddress]:
    old = {spec.address for spec in table_layout(Report2019)}
    new = {spec.address for spec in table_layout(Report2021)}
    return frozenset(
        address
        for address in old & new
        if address.table in {3, 4}
        and address.row != _SPLIT_ROW
        and not address.row.startswith(f"{_SPLIT_ROW}.")
    )


COMPARABLE_CELLS: Final = _comparable()
"""The cells that a 2019 and a 2021 report share with the same meaning: every cell of table 三
except row （六）其他处理 (and its 2021 sub-rows), and every cell of table 四. No cell of
table 二 is comparable."""


def is_comparable(address: CellAddress) -> bool:
    """Whether the cell at *address* means the same in a 2019 and in a 2021 report."""
    return address in COMPARABLE_CELLS
