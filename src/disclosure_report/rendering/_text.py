"""A report as plain text, its tables as tab-separated rows like published text.

Each grid row of a table is one line; each cell that starts in that row is one field, so a
merged cell appears once, in the first row and at the place where it starts, as text copied from
a published HTML table reads. A blank cell is an empty field between two tabs.
"""

from __future__ import annotations

from disclosure_report.i18n import translate
from disclosure_report.model import OtherMatters, Report
from disclosure_report.rendering._content import (
    SECTIONS,
    TABLES,
    Values,
    cell_text,
    colon,
    fee_lines,
    paragraphs,
    section_title,
    title,
    values,
)
from disclosure_report.rendering._grid import Grid, Head, grids_of


__all__ = ["render_text"]


def _field(text: str) -> str:
    """One field of a row: tabs and line breaks inside it become spaces."""
    return " ".join(text.split())


def _table(report: Report, grid: Grid, cells: Values, locale: str) -> list[str]:
    lines = []
    for section in grid.sections:
        for row in section.rows:
            fields = [
                translate(cell.label, locale)
                if isinstance(cell, Head)
                else cell_text(report, cell.spec.address, cells[cell.spec.address], locale)
                for cell in row
            ]
            lines.append("\t".join(_field(field) for field in fields))
    return lines


def render_text(report: Report, locale: str) -> str:
    """*report* as plain text in *locale*."""
    grids = {grid.table: grid for grid in grids_of(type(report))}
    cells = values(report)
    blocks = [[title(report, locale)]]
    for name in SECTIONS:
        block = [section_title(name, locale)]
        part = getattr(report, name)
        if name in TABLES:
            block.extend(_table(report, grids[TABLES[name]], cells, locale))
        elif isinstance(part, OtherMatters):
            block.extend(paragraphs(part.text))
            sep = colon(locale)
            block.extend(f"{label}{sep}{value}" for label, value in fee_lines(part, locale))
        else:
            block.extend(paragraphs(part))
        blocks.append(block)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
