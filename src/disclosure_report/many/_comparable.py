"""Which cells mean the same thing in two format versions, so that years can be compared.

Between versions, a cell of table 三 or 四 keeps its meaning when both versions have it at the
same address: the 2021 revision split row （六）其他处理 of table 三 into three rows (so neither
the 2019 row nor the 2021 sub-rows are shared) and kept every other row and column of tables 三
and 四. Table 二 is compared only within a version: the 2021 revision gave every sub-table other
columns, dropped item （九） and changed what 处理决定数量 counts (rule C3), so a shared address
there does not mean a shared meaning.
"""

from __future__ import annotations

import functools

from typing import Final

from disclosure_report.model import CellAddress, FormatVersion, format_version


__all__ = ["COMPARABLE_CELLS", "comparable_cells", "is_comparable"]

_ACROSS_VERSIONS: Final = frozenset({3, 4})
"""The tables whose shared cells keep their meaning from one format version to another."""


@functools.cache
def comparable_cells(earlier: FormatVersion, later: FormatVersion) -> frozenset[CellAddress]:
    """The cells that a report of *earlier* and one of *later* share with the same meaning:
    every cell of one version with itself; across versions, the cells of tables 三 and 四 at
    the same address in both."""
    old = {spec.address for spec in earlier.table_layout()}
    if earlier == later:
        return frozenset(old)
    new = {spec.address for spec in later.table_layout()}
    return frozenset(address for address in old & new if address.table in _ACROSS_VERSIONS)


COMPARABLE_CELLS: Final = comparable_cells(format_version("2019"), format_version("2021"))
"""The cells that a 2019 and a 2021 report share with the same meaning: every cell of table 三
except row （六）其他处理 (and its 2021 sub-rows), and every cell of table 四. No cell of
table 二 is comparable. :func:`comparable_cells` gives them for any two registered versions."""


def is_comparable(address: CellAddress) -> bool:
    """Whether the cell at *address* means the same in a 2019 and in a 2021 report."""
    return address in COMPARABLE_CELLS
