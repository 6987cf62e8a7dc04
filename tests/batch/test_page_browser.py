"""The HTML summary in a real browser: every cell a finding names is highlighted in the laid-out
page, and the table of files sorts by a click on a header.

Uses the Chromium helpers of tests/render/test_browser.py (its binary and flags), opens the page
from a ``file://`` URL, lets a script measure it after layout and reads the result back with
``--dump-dom``. Skipped without a ``chromium`` binary; ``.ci/run`` installs it.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import subprocess

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from disclosure_report.cli import main


def _browser() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "render" / "test_browser.py"
    spec = importlib.util.spec_from_file_location("_test_browser", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BROWSER = _browser()
pytestmark = pytest.mark.skipif(
    BROWSER.CHROMIUM is None,
    reason="no chromium binary (apt-get install chromium); .ci/run installs it",
)

PROBE = """
<script>
(() => {
  const out = {findings: [], order: []};
  for (const item of document.querySelectorAll("li[data-cells]")) {
    const report = item.closest("details.report");
    const cells = item.dataset.cells.split(" ").filter(Boolean).map((address) => {
      const td = report.querySelector(`td[data-cell="${address}"]`);
      if (!td) return {address, found: false};
      const r = td.getBoundingClientRect();
      const style = getComputedStyle(td);
      return {
        address, found: true, hit: td.classList.contains("hit"),
        background: style.backgroundColor, outline: style.outlineStyle,
        width: r.width, height: r.height,
        marks: (td.querySelector("sup") || {textContent: ""}).textContent.split(","),
      };
    });
    out.findings.push({
      report: report.id, number: item.value, severity: item.className,
      rule: item.dataset.rule, cells,
      beside: item.getBoundingClientRect().left > 0 && item.getBoundingClientRect().width > 0,
    });
  }
  const errors = Array.from(document.querySelectorAll("#files th"))
    .find((th) => th.dataset.field === "errors");
  errors.click(); errors.click();  // descending
  out.order = Array.from(document.querySelectorAll("#files tbody tr"))
    .map((tr) => tr.cells[5].textContent);
  out.sorted = errors.getAttribute("aria-sort");
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def _probe(page: Path, tmp_path: Path) -> dict[str, Any]:
    probed = tmp_path / "probed.html"
    probed.write_text(
        page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    result = subprocess.run(  # noqa: S603 (a fixed binary and flags, a local file)
        [
            BROWSER.CHROMIUM,
            *BROWSER.FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            probed.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found is not None, result.stderr[-2000:]
    probe: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return probe


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_finding_cell_is_highlighted(demo: Path, tmp_path: Path, lang: str) -> None:
    assert main(["check", str(demo), "--summary", "s.html", "--lang", lang, "--jobs", "1"]) == 2
    probe = _probe(Path("s.html").resolve(), tmp_path)
    findings = probe["findings"]
    rules = {f["rule"] for f in findings}
    assert {"2021.T3.F1", "2021.T3.I1", "2021.T3.X1", "2021.T4.I4"} <= rules
    # X1 is shown with both reports of the pair, each time with the cells of its own year
    assert sum(f["rule"] == "2021.T3.X1" for f in findings) == 4
    for finding in findings:
        assert finding["beside"], finding
        for cell in finding["cells"]:
            assert cell["found"], (finding["rule"], cell)
            assert cell["hit"], (finding["rule"], cell)
            assert cell["width"] > 0, (finding["rule"], cell)
            assert cell["height"] > 0, (finding["rule"], cell)
            assert cell["background"] not in {"rgba(0, 0, 0, 0)", "transparent"}
            assert cell["outline"] == "solid"
            assert str(finding["number"]) in cell["marks"]
        if finding["severity"] == "error":
            assert all(c["background"] == "rgb(255, 179, 179)" for c in finding["cells"])
    assert probe["sorted"] == "descending"
    counts = [int(c) if c else -1 for c in probe["order"]]
    assert counts == sorted(counts, reverse=True)
