"""A report as GitHub-flavoured Markdown.

Pipe tables cannot merge cells, so each table is printed from its :class:`~._grid.Block` form:
one header row, in which each column's header is the path of labels above it joined with
:data:`SEPARATOR` (``申请人情况``, ``法人或其他组织``, ``商业企业``), and one line per data row,
whose first field is the path of its row groups and its own label (``三、本年度办理结果``,
``（三）不予公开``, ``1.属于国家秘密``), joined the same way. The header cell above the row labels
holds what the template's corner cell holds (``信息内容``, the reconciliation note). Each
sub-table of table 二 is a table of its own under a heading of its own; table 四 has no label
column. Text is escaped so that it prints literally.
"""

from __future__ import annotations

import re

from typing import Final

from disclosure_report.i18n import translate
from disclosure_report.model import Label, OtherMatters, Report
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
from disclosure_report.rendering._grid import Block, grids_of


__all__ = ["SEPARATOR", "render_markdown"]

SEPARATOR: Final = " \u203a "
"""What joins a merged label to each label it spans: U+203A, a single right angle quote."""

_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|~&])")
_BLOCK_START: Final = re.compile(r"^(\d+)([.)])(\s|$)|^([#+=>-])")


def escape(text: str) -> str:
    """*text* on one line, with Markdown's inline syntax escaped so that it prints literally."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def escape_block(text: str) -> str:
    """:func:`escape`, and a leading mark that would start a list, heading or quote escaped too."""
    return _BLOCK_START.sub(_escape_start, escape(text))


def _escape_start(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1)}\\{match.group(2)}{match.group(3)}"
    return f"\\{match.group(4)}"


def _path(labels: tuple[Label, ...], locale: str) -> str:
    return SEPARATOR.join(escape(translate(label, locale)) for label in labels)


def _row(fields: list[str]) -> str:
    return "| " + " | ".join(fields) + " |"


def _block(report: Report, block: Block, cells: Values, locale: str) -> list[str]:
    lines = []
    if block.heading is not None:
        lines.extend([f"### {escape(translate(block.heading, locale))}", ""])
    labelled = bool(block.rows[0].labels)
    header = [_path(path, locale) for path in block.columns]
    if labelled:
        corner = "" if block.corner is None else escape(translate(block.corner, locale))
        header.insert(0, corner)
    lines.append(_row(header))
    lines.append(_row(["---"] * len(header)))
    for row in block.rows:
        fields = [
            escape(cell_text(report, spec.address, cells[spec.address], locale))
            for spec in row.cells
        ]
        if labelled:
            fields.insert(0, _path(row.labels, locale))
        lines.append(_row(fields))
    lines.append("")
    return lines


def render_markdown(report: Report, locale: str) -> str:
    """*report* as Markdown in *locale*."""
    grids = {grid.table: grid for grid in grids_of(type(report))}
    cells = values(report)
    lines = [f"# {escape(title(report, locale))}", ""]
    for name in SECTIONS:
        lines.extend([f"## {escape(section_title(name, locale))}", ""])
        part = getattr(report, name)
        if name in TABLES:
            for block in grids[TABLES[name]].blocks:
                lines.extend(_block(report, block, cells, locale))
        elif isinstance(part, OtherMatters):
            for paragraph in paragraphs(part.text):
                lines.extend([escape_block(paragraph), ""])
            sep = colon(locale)
            fees = [
                f"- {escape(label)}{sep}{escape(value)}" for label, value in fee_lines(part, locale)
            ]
            if fees:
                lines.extend([*fees, ""])
        else:
            for paragraph in paragraphs(part):
                lines.extend([escape_block(paragraph), ""])
    return "\n".join(lines)
