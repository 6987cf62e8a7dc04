"""The summary of a folder check as one self-contained HTML page.

No network and no external asset: the styles and the script (sorting the table of files by a
click on a header) are inline. Below the table, each report that was read has its official
tables (:func:`disclosure_report.render`), every cell that a finding names highlighted and
marked with the finding's number, and its findings beside the table they are about. A finding
across years (the later report of a pair holds it) marks the cells of each report in the cells'
own year.
"""

from __future__ import annotations

import re

from collections.abc import Iterator, Mapping
from html import escape, unescape
from pathlib import Path
from typing import Any, Final

from disclosure_report._atomic import replacing
from disclosure_report.batch._store import Store
from disclosure_report.batch._summary import (
    FILE_FIELDS,
    HEADERS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    FileRow,
    file_rows,
)
from disclosure_report.i18n import report_title, translate
from disclosure_report.model import NC_


__all__ = ["write_html"]

_TITLE = NC_("summary.page.title", "Check of {count} files")
_COUNTS = NC_("summary.page.counts", "{status}: {count}")
_FINDINGS = NC_("summary.page.findings", "Findings")
_NOTES = NC_("summary.page.notes", "Reading notes")
_NO_FINDINGS = NC_("summary.page.no_findings", "No finding.")
_OTHER = NC_("summary.page.other_findings", "Findings on no table cell")
_SORT_HINT = NC_("summary.page.sort_hint", "Click a column header to sort.")
_TABLE_NAMES = {
    2: NC_("summary.page.table.2", "Table II"),
    3: NC_("summary.page.table.3", "Table III"),
    4: NC_("summary.page.table.4", "Table IV"),
}
_SHOWN: Final = ("file", "agency", "year", "format_version", "tables_found", "errors")
_SHOWN_AFTER: Final = ("warnings", "notes", "status", "reason")

_STYLE: Final = """\
body { font-family: sans-serif; margin: 1.5em; color: #111; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin: 0; display: inline; }
.counts span { display: inline-block; margin-right: 1.2em; }
table { border-collapse: collapse; }
#files th, #files td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; }
#files th { background: #eee; cursor: pointer; user-select: none; white-space: nowrap; }
#files th[aria-sort="ascending"]::after { content: " \\25B2"; }
#files th[aria-sort="descending"]::after { content: " \\25BC"; }
#files td.number { text-align: right; }
.status-balanced { color: #05671f; } .status-has_errors { color: #a50000; font-weight: bold; }
.status-not_fully_read { color: #8a5a00; } .status-not_a_report { color: #555; }
details.report { margin: 1.5em 0; border-top: 2px solid #444; padding-top: 0.5em; }
details.report > summary { cursor: pointer; }
.layout { display: flex; gap: 1.5em; align-items: flex-start; margin: 1em 0; }
.layout table th, .layout table td { border: 1px solid #000; padding: 0.15em 0.4em; }
.layout table th { font-weight: normal; font-size: 0.9em; }
.layout table td { text-align: center; min-width: 2em; }
.layout table th.heading { font-weight: bold; }
.side { min-width: 22em; max-width: 36em; position: sticky; top: 0.5em; }
.side ol { padding-left: 1.5em; margin: 0.3em 0; }
td.hit { background: #ffe08a; outline: 2px solid #d08c00; outline-offset: -2px; }
td.hit.error { background: #ffb3b3; outline-color: #c00000; }
td.hit.focus { outline-width: 4px; }
li.focus { background: #ffe08a; }
td.hit sup { color: #a50000; font-weight: bold; margin-left: 0.15em; }
li.error { color: #8b0000; } li.warning { color: #6b4a00; }
li .rule { font-family: monospace; color: #333; }
.notes { font-size: 0.9em; color: #444; }
"""

_SCRIPT: Final = """\
(() => {
  const table = document.getElementById("files");
  const key = (row, i) => {
    const cell = row.cells[i];
    const v = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    return v;
  };
  Array.from(table.tHead.rows[0].cells).forEach((th, i) => {
    th.addEventListener("click", () => {
      const up = th.getAttribute("aria-sort") !== "ascending";
      for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      const rows = Array.from(table.tBodies[0].rows);
      const numeric = rows.every((r) => key(r, i) === "" || !isNaN(Number(key(r, i))));
      rows.sort((a, b) => {
        const x = key(a, i), y = key(b, i);
        const c = numeric ? (x === "" ? -1 : Number(x)) - (y === "" ? -1 : Number(y))
                          : x.localeCompare(y, document.documentElement.lang);
        return up ? c : -c;
      });
      for (const r of rows) table.tBodies[0].appendChild(r);
    });
  });
  // Pointing at a finding outlines its cells in its report.
  for (const item of document.querySelectorAll("li[data-cells]")) {
    const report = item.closest("details.report");
    const cells = item.dataset.cells.split(" ").filter(Boolean)
      .map((a) => report.querySelector(`td[data-cell="${a}"]`)).filter(Boolean);
    const focus = (on) => {
      item.classList.toggle("focus", on);
      for (const td of cells) td.classList.toggle("focus", on);
    };
    item.addEventListener("mouseenter", () => focus(true));
    item.addEventListener("mouseleave", () => focus(false));
  }
})();
"""

_TD: Final = re.compile(r'<td([^>]*) data-cell="([^"]*)">(.*?)</td>', re.DOTALL)
_TABLE: Final = re.compile(r'<table data-table="(\d+)">.*?</table>', re.DOTALL)


def _row(index: int, fields: dict[str, Any], read: bool, locale: str) -> str:
    cells = []
    for field in (*_SHOWN, *_SHOWN_AFTER):
        value = fields[field]
        if field == "file" and read:
            text = f'<a href="#report-{index}">{escape(str(value))}</a>'
        elif field == "status":
            text = escape(translate(STATUS_LABELS[value], locale))
        else:
            text = "" if value is None else escape(str(value))
        number = ' class="number"' if isinstance(value, int) else ""
        status = f' class="status-{value}" data-sort="{value}"' if field == "status" else ""
        cells.append(f"<td{number}{status}>{text}</td>")
    return f'<tr id="file-{index}">' + "".join(cells) + "</tr>"


def _finding_item(number: int, finding: Mapping[str, Any], cells: list[str], locale: str) -> str:
    """The finding numbered *number*, its *cells* those in the report it is shown with."""
    severity = finding["severity"]
    label = escape(translate(SEVERITY_LABELS[severity], locale))
    years = f" ({'–'.join(map(str, sorted(set(finding['years']))))})" if finding["years"] else ""
    return (
        f'<li value="{number}" class="{severity}" data-rule="{escape(finding["rule"])}"'
        f' data-cells="{escape(" ".join(cells))}">'
        f'{label} <span class="rule">{escape(finding["rule"])}</span>{years}: '
        f"{escape(finding['message'])}</li>"
    )


def _marked(table: str, hits: dict[str, list[tuple[int, str]]]) -> str:
    """*table* with each cell of *hits* (address → numbers and severities of its findings)
    highlighted and marked."""

    def mark(match: re.Match[str]) -> str:
        address = unescape(match.group(2))
        found = hits.get(address)
        if not found:
            return match.group(0)
        numbers = ",".join(str(n) for n, _ in found)
        severity = "error" if any(s == "error" for _, s in found) else "warning"
        return (
            f'<td{match.group(1)} data-cell="{match.group(2)}" class="hit {severity}"'
            f' data-findings="{numbers}">{match.group(3)}<sup>{numbers}</sup></td>'
        )

    return _TD.sub(mark, table)


def _report(
    index: int,
    row: FileRow,
    series: list[tuple[dict[str, Any], int]],
    locale: str,
) -> Iterator[str]:
    """The section of one report: its tables, findings and reading notes."""
    from disclosure_report.rendering import render
    from disclosure_report.serialize import from_dict

    result = row.result
    assert result["report"] is not None  # noqa: S101 (only reports that were read)
    report = from_dict(result["report"])
    year = result["year"]
    # Each finding with the cells of it that are in this report (a finding across years has
    # cells of two years).
    findings: list[tuple[Mapping[str, Any], list[str]]] = [
        (f, list(f["cells"])) for f in result["findings"]
    ]
    for across, own in series:
        cells = [c for c, y in zip(across["cells"], across["years"], strict=True) if y == own]
        findings.append((across, cells))
    hits: dict[str, list[tuple[int, str]]] = {}
    by_table: dict[int, list[str]] = {}
    other: list[str] = []
    for number, (finding, cells) in enumerate(findings, 1):
        for cell in cells:
            hits.setdefault(cell, []).append((number, finding["severity"]))
        tables = sorted({int(cell.split("/", 1)[0]) for cell in cells})
        item = _finding_item(number, finding, cells, locale)
        if tables:
            by_table.setdefault(tables[0], []).append(item)
        else:
            other.append(item)
    status = row.status
    title = report_title(result["agency"] or "", year or 0, locale)
    opened = " open" if findings or result["notes"] else ""
    yield f'<details class="report" id="report-{index}"{opened}>'
    yield (
        f"<summary><h2>{escape(result['file'])}</h2> — {escape(title)}"
        f' ({escape(str(result["format_version"]))}) <span class="status-{status}">'
        f"{escape(translate(STATUS_LABELS[status], locale))}</span></summary>"
    )
    if not findings:
        yield f"<p>{escape(translate(_NO_FINDINGS, locale))}</p>"
    if other:
        yield f"<h3>{escape(translate(_OTHER, locale))}</h3><ol>{''.join(other)}</ol>"
    page = render(report, to="html", locale=locale)
    for match in _TABLE.finditer(page):
        number = int(match.group(1))
        name = escape(translate(_TABLE_NAMES[number], locale)) if number in _TABLE_NAMES else ""
        items = by_table.get(number, [])
        side = (
            f"<h3>{escape(translate(_FINDINGS, locale))}</h3><ol>{''.join(items)}</ol>"
            if items
            else ""
        )
        yield (
            f'<h3>{name}</h3><div class="layout"><div>{_marked(match.group(0), hits)}</div>'
            f'<div class="side">{side}</div></div>'
        )
    if result["notes"]:
        yield f'<h3>{escape(translate(_NOTES, locale))}</h3><ul class="notes">'
        for note in result["notes"]:
            yield f"<li>{escape(note['where'])}: {escape(note['code'])}: {escape(note['why'])}</li>"
        yield "</ul>"
    yield "</details>"


def _series_by_report(store: Store, locale: str) -> dict[str, list[tuple[dict[str, Any], int]]]:
    """For each file, the findings across years that have cells in its report."""
    files: dict[tuple[str, int], str] = {}
    agencies: dict[str, str] = {}
    for row in file_rows(store, locale):
        result = row.result
        if result["agency"] is not None and result["year"] is not None:
            files.setdefault((result["agency"], result["year"]), result["file"])
            agencies[result["file"]] = result["agency"]
    found: dict[str, list[tuple[dict[str, Any], int]]] = {}
    for finding in store.series("finding"):
        agency = agencies.get(finding["file"])
        for year in sorted(set(finding["years"])):
            file = files.get((agency, year)) if agency is not None else None
            if file is not None:
                found.setdefault(file, []).append((finding, year))
    return found


def _page(store: Store, locale: str) -> Iterator[str]:
    # One small row per file (not its report), for the counts above the table.
    rows = [(row.fields(), row.result["report"] is not None) for row in file_rows(store, locale)]
    counts: dict[str, int] = {}
    for fields, _ in rows:
        counts[fields["status"]] = counts.get(fields["status"], 0) + 1
    lang = {"zh_Hans": "zh-Hans", "zh_Hant": "zh-Hant"}.get(locale, "en")
    title = escape(translate(_TITLE, locale).format(count=len(rows)))
    yield (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\n{_STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    )
    yield '<p class="counts">'
    for status, label in STATUS_LABELS.items():
        text = translate(_COUNTS, locale).format(
            status=translate(label, locale), count=counts.get(status, 0)
        )
        yield f'<span class="status-{status}">{escape(text)}</span>'
    yield f"</p>\n<p>{escape(translate(_SORT_HINT, locale))}</p>\n"
    shown = (*_SHOWN, *_SHOWN_AFTER)
    assert set(shown) <= set(FILE_FIELDS)  # noqa: S101
    header = "".join(
        f'<th scope="col" data-field="{f}">{escape(translate(HEADERS[f], locale))}</th>'
        for f in shown
    )
    yield f'<table id="files">\n<thead><tr>{header}</tr></thead>\n<tbody>\n'
    for index, (fields, read) in enumerate(rows):
        yield _row(index, fields, read, locale) + "\n"
    yield "</tbody>\n</table>\n"
    del rows
    series = _series_by_report(store, locale)
    for index, row in enumerate(file_rows(store, locale)):
        if row.result["report"] is not None:
            yield from _report(index, row, series.get(row.result["file"], []), locale)
            yield "\n"
    yield f"<script>\n{_SCRIPT}</script>\n</body>\n</html>\n"


def write_html(store: Store, summary: Path, locale: str) -> tuple[Path, ...]:
    """The summary as one HTML page at *summary*."""
    with replacing((summary,)) as (temporary,), temporary.open("w", encoding="utf-8") as stream:
        for part in _page(store, locale):
            stream.write(part)
    return (summary,)
