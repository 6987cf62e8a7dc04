"""Helpers for the tests of many reports: reports with chosen cells."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from disclosure_report import (
    BLANK,
    TABLE_SECTIONS,
    CellAddress,
    Report,
    from_json,
    table_layout,
)
from disclosure_report.many._sum import _replaced


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nx-jgswglj-2023.json"


def with_cells(report: Any, cells: dict[CellAddress, object], **changes: object) -> Any:
    """*report* with the value of each cell replaced, and top-level fields changed."""
    paths: dict[tuple[str, ...], object] = {
        (TABLE_SECTIONS[a.table], *a.row.split("."), a.column): v for a, v in cells.items()
    }
    paths.update({(name,): value for name, value in changes.items()})
    return _replaced(report, paths)


def emptied(report: Report) -> Report:
    """*report* with every table cell blank."""
    blank: Report = with_cells(report, {spec.address: BLANK for spec in table_layout(type(report))})
    return blank


def value(report: Report, address: CellAddress) -> object:
    part: object = getattr(report, TABLE_SECTIONS[address.table])
    for name in (*address.row.split("."), address.column):
        part = getattr(part, name)
    return part


@pytest.fixture(name="with_cells", scope="session")
def _with_cells() -> Any:
    return with_cells


@pytest.fixture(name="emptied", scope="session")
def _emptied() -> Any:
    return emptied


@pytest.fixture(name="value", scope="session")
def _value() -> Any:
    return value


@pytest.fixture
def example() -> Report:
    """The bundled example report (2021 format)."""
    return from_json(EXAMPLE.read_bytes())
