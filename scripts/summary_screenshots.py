"""A demonstration folder of reports, its summary page, and screenshots of the page for the docs.

Run from anywhere in a checkout (needs Chromium, as ``chromium`` on the path)::

    python scripts/summary_screenshots.py        # remakes docs/_static/summary-*.png

:func:`demo_folder` writes the folder (also used by the tests of the summary page): the reports
of three bodies as JSON, HTML and text, one with broken balance rules and a mismatch across
years, one whose table 四 is missing, and two files that are no report.
"""

# ruff: noqa: INP001 (a script, not a package)

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from pathlib import Path

import attrs

from disclosure_report import Metadata, Report, from_json, render, to_json


ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "nx-jgswglj-2023.json"
STATIC = ROOT / "docs" / "_static"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def _report(agency: str, year: int, cells: dict[str, int]) -> Report:
    report = from_json(EXAMPLE.read_bytes())
    report = attrs.evolve(report, metadata=Metadata(agency=agency, year=year))
    for address, value in cells.items():
        report = report.replace(address, value)
    return report


def demo_folder(folder: Path) -> Path:
    """Write the demonstration reports into *folder* (made if missing); return it."""
    transport = folder / "市交通运输局"
    transport.mkdir(parents=True, exist_ok=True)
    balanced_2022 = _report(
        "某市交通运输局",
        2022,
        {
            "3/new_received/natural_persons": 10,
            "3/new_received/total": 10,
            "3/outcomes.granted/natural_persons": 7,
            "3/outcomes.granted/total": 7,
            "3/outcomes.total/natural_persons": 7,
            "3/outcomes.total/total": 7,
            "3/carried_forward/natural_persons": 3,
            "3/carried_forward/total": 3,
        },
    )
    (transport / "2022.json").write_text(to_json(balanced_2022, indent=2), encoding="utf-8")
    broken_2023 = _report(
        "某市交通运输局",
        2023,
        {
            "3/new_received/natural_persons": 12,
            "3/new_received/total": 12,
            "3/carried_over/natural_persons": 2,  # 3 were carried forward from 2022
            "3/carried_over/total": 2,
            "3/outcomes.granted/natural_persons": 9,
            "3/outcomes.granted/total": 9,
            "3/outcomes.partially_granted/natural_persons": 1,
            "3/outcomes.partially_granted/total": 1,
            "3/outcomes.total/natural_persons": 10,
            "3/outcomes.total/total": 11,  # the row's parts add up to 10
            "3/carried_forward/natural_persons": 4,
            "3/carried_forward/total": 4,
            "4/reconsideration/upheld": 1,
            "4/reconsideration/total": 2,
        },
    )
    (transport / "2023.html").write_text(render(broken_2023, to="html"), encoding="utf-8")
    education = folder / "区教育局"
    education.mkdir(exist_ok=True)
    balanced = _report("某区教育局", 2023, {"2/article_20_1.rules/issued": 1})
    (education / "2023.txt").write_text(render(balanced, to="text"), encoding="utf-8")
    health = folder / "区卫生健康委员会"
    health.mkdir(exist_ok=True)
    text = render(_report("某区卫生健康委员会", 2023, {}), to="text")
    cut = text[: text.index("四、政府信息公开行政复议")] + text[text.index("五、存在的主要问题") :]
    (health / "2023.txt").write_text(cut, encoding="utf-8")
    (folder / "说明.txt").write_text("本文件夹收到的年度报告。\n", encoding="utf-8")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return folder


def screenshot(page: Path, target: Path, *, width: int, height: int, chromium: str) -> None:
    """Save a screenshot of *page*, *width* by *height* CSS pixels, as *target* (PNG)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(  # noqa: S603 (a fixed binary and flags, a local file)
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=STATIC, help="folder of the screenshots")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.stderr.write("no chromium on the path\n")
        return 1
    from disclosure_report.cli import main as cli

    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)  # the summary names the files as given: 年度报告/…
        folder = demo_folder(Path("年度报告"))
        for lang in ("zh", "en"):
            page = Path(work) / f"summary-{lang}.html"
            cli(["check", str(folder), "--summary", str(page), "--lang", lang, "--jobs", "1"])
            # The top of the page: the counts and the table of files.
            screenshot(
                page, args.out / f"summary-{lang}.png", width=1200, height=560, chromium=chromium
            )
            # The report with errors alone: its tables, highlighted cells and findings.
            alone = page.with_name(f"report-{lang}.html")
            alone.write_text(
                page.read_text(encoding="utf-8").replace("</style>", _ONLY_ERRORS + "</style>"),
                encoding="utf-8",
            )
            screenshot(
                alone,
                args.out / f"summary-report-{lang}.png",
                width=1200,
                height=1250,
                chromium=chromium,
            )
    return 0


_ONLY_ERRORS = """
body > *:not(details.report) { display: none; }
details.report:not(:has(td.hit.error)) { display: none; }
"""


if __name__ == "__main__":
    sys.exit(main())
