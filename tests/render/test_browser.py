"""The rendered HTML in a real browser: headless Chromium lays out every table as the template does.

The test opens the rendered document from a ``file://`` URL (no network), lets a script measure
every table there (the grid position that the browser's table model gives each cell, and each
cell's bounding box) and reads the measurements back with ``--dump-dom``. It then checks each
table's rows and columns against the national template, and that every data cell sits under the
column headers and beside the row headers that name it, and shows its value.

Skipped when there is no ``chromium`` binary; ``.ci/run`` installs Debian's.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile

from pathlib import Path
from typing import Any

import pytest

from hypothesis import HealthCheck, given, settings

from disclosure_report import (
    APPLICANTS_HEADER,
    BLANK,
    Amount,
    CellSpec,
    Label,
    NotApplicable,
    Report,
    Report2021,
    Unit,
    cell_values,
    from_json,
    translate,
)
from disclosure_report.rendering import render
from disclosure_report.testing import reports


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"
SLACK = 2.0  # pixels: collapsed borders make neighbouring boxes overlap by a border's width

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium binary (apt-get install chromium); .ci/run installs it",
)

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,4000",
)

# Measures every table once the document has loaded; the result goes into <pre id="geometry">.
MEASURE = """
<script>
(() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  };
  const tables = [];
  for (const table of document.querySelectorAll("table[data-table]")) {
    const taken = [];
    const cells = [];
    const sections = Array.from(table.children).filter((s) => s.rows !== undefined);
    Array.from(table.rows).forEach((tr, r) => {
      taken[r] = taken[r] || [];
      let c = 0;
      for (const cell of tr.cells) {
        while (taken[r][c]) c += 1;
        for (let i = 0; i < cell.rowSpan; i += 1) {
          taken[r + i] = taken[r + i] || [];
          for (let j = 0; j < cell.colSpan; j += 1) taken[r + i][c + j] = true;
        }
        cells.push({
          tag: cell.tagName.toLowerCase(),
          text: cell.textContent,
          address: cell.dataset.cell || null,
          section: sections.indexOf(tr.parentElement),
          head: tr.parentElement.tagName === "THEAD",
          row: r, column: c, rowspan: cell.rowSpan, colspan: cell.colSpan,
          box: box(cell),
        });
        c += cell.colSpan;
      }
    });
    tables.push({
      table: Number(table.dataset.table),
      rows: table.rows.length,
      widths: taken.map((row) => row.filter(Boolean).length),
      cells,
    });
  }
  const out = document.createElement("pre");
  out.id = "geometry";
  out.textContent = JSON.stringify(tables);
  document.body.appendChild(out);
})();
</script>
"""

# (rows, columns) of each table in the national template (national-format.md §2).
DIMENSIONS = {
    "2019": {2: (18, 4), 3: (26, 10), 4: (4, 15)},
    "2021": {2: (14, 4), 3: (28, 10), 4: (4, 15)},
}


def measure(document: str, tmp_path: Path) -> list[dict[str, Any]]:
    """Open *document* in headless Chromium and return the measurements of its tables."""
    assert CHROMIUM is not None
    run = Path(tempfile.mkdtemp(dir=tmp_path))  # a fresh page and profile for every run
    page = run / "report.html"
    page.write_text(document.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    result = subprocess.run(  # noqa: S603 (a fixed binary and flags, a local file)
        [CHROMIUM, *FLAGS, f"--user-data-dir={run / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = re.search(r'<pre id="geometry">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found is not None, result.stderr[-2000:]
    tables: list[dict[str, Any]] = json.loads(html.unescape(found.group(1)))
    return tables


def shown(report: Report, value: object) -> str:
    """A cell's value as published reports print it."""
    if value is BLANK:
        return ""
    if isinstance(value, NotApplicable):
        return value.symbol
    if isinstance(value, Amount):
        number = format(value.value, "f")
        stated = Unit.WAN_YUAN if isinstance(report, Report2021) else None
        return number if value.unit in (None, stated) else number + value.unit.value
    return str(value)


def headers(spec: CellSpec) -> tuple[list[Label], list[Label]]:
    """The labels above a data cell (outermost first) and to its left, as the template has them."""
    if spec.address.table == 2:  # sub-table heading row, then its header row
        return [spec.row_groups[0], spec.column_label], [spec.row_label]
    if spec.address.table == 3:
        group = [] if spec.column_group is None else [spec.column_group]
        return [APPLICANTS_HEADER, *group, spec.column_label], [*spec.row_groups, spec.row_label]
    return [*spec.row_groups, spec.row_label, spec.column_label], []  # table 四: transposed


def _above(cell: dict[str, Any], th: dict[str, Any]) -> bool:
    box, head = cell["box"], th["box"]
    centre = (box["left"] + box["right"]) / 2
    return bool(
        (th["head"] or th["section"] == cell["section"])
        and head["bottom"] <= box["top"] + SLACK
        and head["left"] - SLACK <= centre <= head["right"] + SLACK
    )


def _beside(cell: dict[str, Any], th: dict[str, Any]) -> bool:
    box, head = cell["box"], th["box"]
    middle = (box["top"] + box["bottom"]) / 2
    return bool(
        th["section"] == cell["section"]
        and head["right"] <= box["left"] + SLACK
        and head["top"] - SLACK <= middle <= head["bottom"] + SLACK
    )


def check_geometry(report: Report, tables: list[dict[str, Any]], locale: str) -> None:
    """Check every table of *report* as measured in the browser."""
    assert [t["table"] for t in tables] == [2, 3, 4]
    specs = {str(spec.address): (spec, value) for spec, value in cell_values(report)}
    seen = []
    for table in tables:
        rows, columns = DIMENSIONS[report.format_version][table["table"]]
        assert table["rows"] == rows
        assert table["widths"] == [columns] * rows, "every row fills the table's width"
        ths = [c for c in table["cells"] if c["tag"] == "th"]
        for cell in (c for c in table["cells"] if c["tag"] == "td"):
            spec, value = specs[cell["address"]]
            seen.append(cell["address"])
            assert cell["text"] == shown(report, value)
            above, beside = headers(spec)
            found_above = sorted((t for t in ths if _above(cell, t)), key=lambda t: t["box"]["top"])
            found_beside = sorted(
                (t for t in ths if _beside(cell, t)), key=lambda t: t["box"]["left"]
            )
            assert [t["text"] for t in found_above] == [translate(x, locale) for x in above], cell
            assert [t["text"] for t in found_beside] == [translate(x, locale) for x in beside], cell
        if table["table"] == 3:
            (note,) = (t for t in ths if t["head"] and t["row"] == 0 and t["column"] == 0)
            assert (note["rowspan"], note["colspan"]) == (3, 3)
            labels = [t for t in ths if not t["head"]]
            assert all(note["box"]["left"] - SLACK <= t["box"]["left"] for t in labels)
            assert all(t["box"]["right"] <= note["box"]["right"] + SLACK for t in labels)
    assert sorted(seen) == sorted(specs)


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_example_lays_out_as_the_template(locale: str, tmp_path: Path) -> None:
    report = from_json(EXAMPLE.read_bytes())
    tables = measure(render(report, to="html", locale=locale), tmp_path)
    check_geometry(report, tables, locale)


@given(report=reports(marks=True))
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_generated_reports_lay_out_as_the_template(report: Report, tmp_path: Path) -> None:
    tables = measure(render(report, to="html"), tmp_path)
    check_geometry(report, tables, "zh_Hans")
