"""A report as a standalone HTML document, its tables with the template's merged cells.

Every header cell is a ``<th>`` with its ``scope`` and, as ``data-label``, the stable context of
its label (``t3.col.natural_persons``); every data cell a ``<td>`` with its address as
``data-cell`` (``3/new_received/natural_persons``), so that tests and tools find cells without
parsing labels. All text is escaped.
"""

from __future__ import annotations

from html import escape as _html_escape
from typing import Final

from disclosure_report.i18n import translate
from disclosure_report.model import Metadata, OtherMatters, Report
from disclosure_report.rendering._content import (
    SECTIONS,
    TABLES,
    Values,
    cell_text,
    colon,
    fee_lines,
    html_lang,
    paragraphs,
    section_title,
    title,
    values,
)
from disclosure_report.rendering._grid import Data, Grid, Head, grids_of


def escape(text: str, *, quote: bool = True) -> str:
    """*text* escaped for HTML, a carriage return as a character reference: a parser turns a raw
    one into a line feed, so the text would not read back as it is."""
    return _html_escape(text, quote=quote).replace("\r", "&#13;")


__all__ = ["render_html"]

_STYLE: Final = """\
body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }
h1 { text-align: center; font-size: 1.4em; }
h2 { font-size: 1.15em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #000; padding: 0.25em 0.5em; }
th { font-weight: normal; }
td { text-align: center; min-width: 2.5em; }
tbody th[scope="row"], tbody th[scope="rowgroup"] { text-align: left; }
tbody th.heading { text-align: center; font-weight: bold; }
"""


def _attrs(cell: Head | Data) -> str:
    spans = ""
    if isinstance(cell, Head) and cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    return spans


def _table(report: Report, grid: Grid, cells: Values, locale: str) -> list[str]:
    lines = [f'<table data-table="{grid.table}">']
    for section in grid.sections:
        tag = "thead" if section.head else "tbody"
        lines.append(f"<{tag}>")
        for row in section.rows:
            parts = []
            for cell in row:
                if isinstance(cell, Head):
                    text = escape(translate(cell.label, locale))
                    heading = ' class="heading"' if cell.colspan == grid.width else ""
                    parts.append(
                        f'<th scope="{cell.scope}"{heading}{_attrs(cell)}'
                        f' data-label="{escape(cell.label.context)}">{text}</th>'
                    )
                else:
                    address = cell.spec.address
                    text = escape(cell_text(report, address, cells[address], locale))
                    parts.append(
                        f'<td{_attrs(cell)} data-cell="{escape(str(address))}">{text}</td>'
                    )
            lines.append("<tr>" + "".join(parts) + "</tr>")
        lines.append(f"</{tag}>")
    lines.append("</table>")
    return lines


def _text(text: str) -> list[str]:
    return [f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs(text)]


def _fees(other: OtherMatters, locale: str) -> list[str]:
    sep = colon(locale)
    return [
        f"<p>{escape(label)}{sep}{escape(value)}</p>" for label, value in fee_lines(other, locale)
    ]


def _head_metadata(metadata: Metadata) -> list[str]:
    """The metadata the page does not print, stated in its head so that it reads back: the
    publication date as ``PubDate`` (the name Chinese government sites use), the source as the
    canonical address, and the level and region under names of the library's own."""
    lines = []
    if metadata.published is not None:
        lines.append(f'<meta name="PubDate" content="{metadata.published.isoformat()}">')
    if metadata.source_url is not None:
        lines.append(f'<link rel="canonical" href="{escape(metadata.source_url)}">')
    if metadata.level is not None:
        lines.append(f'<meta name="disclosure-report.level" content="{metadata.level.value}">')
    if metadata.region is not None:
        lines.append(f'<meta name="disclosure-report.region" content="{escape(metadata.region)}">')
    return lines


def render_html(report: Report, locale: str) -> str:
    """*report* as a complete HTML document in *locale*."""
    grids = {grid.table: grid for grid in grids_of(type(report))}
    cells = values(report)
    heading = escape(title(report, locale))
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{html_lang(locale)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{heading}</title>",
        *_head_metadata(report.metadata),
        f"<style>\n{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{heading}</h1>",
    ]
    for name in SECTIONS:
        lines.append(f'<section id="{name}">')
        lines.append(f"<h2>{escape(section_title(name, locale))}</h2>")
        part = getattr(report, name)
        if name in TABLES:
            lines.extend(_table(report, grids[TABLES[name]], cells, locale))
        elif isinstance(part, OtherMatters):
            lines.extend(_text(part.text))
            lines.extend(_fees(part, locale))
        else:
            lines.extend(_text(part))
        lines.append("</section>")
    lines.extend(["</body>", "</html>", ""])
    return "\n".join(lines)
