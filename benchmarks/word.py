"""Benchmark reading Word files: reports read per second from ``.docx``, on one core.

Run from the repository root::

    python benchmarks/word.py [--corpus ../shared/corpus] [--reports 20] [--seconds 3]

The official 2021 template (``<corpus>/more/raw/102-official-blank-template-2021.docx``) is
filled with generated 2021 reports (``_builder.py``) the way an agency fills it, with
python-docx, and the blank template is read as it is. Each file is then read from its bytes
with :func:`disclosure_report.reading.read`, over and over for about ``--seconds``; the best
pass counts, in CPU time of this process pinned to one core. Target (issue 9): at least 50
reports/s.

For the record, the same files through the libraries this reader was measured against (its
choice is explained in docs/design-notes.md): python-docx opening the file and taking the text of
every table cell (``cell.text``, merged cells repeated) and of every paragraph, which is only the
layout stage; and mammoth converting the file to HTML, then read by the HTML reader, which
is the whole reading. Each is left out when its package is not installed (the group
``benchmarks`` has both).
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
import time

from collections.abc import Callable
from pathlib import Path
from typing import Any

from _builder import generate

from disclosure_report import Report2021
from disclosure_report.reading import layout, read
from disclosure_report.tidy import cell_records


TARGET = 50
PASSES = 5
TEMPLATE = "more/raw/102-official-blank-template-2021.docx"
_T2 = ((2, 1), (2, 2), (2, 3), (3, 1), (3, 2), (3, 3), (6, 1), (9, 1), (10, 1), (13, 1))
_T3 = tuple((row, column) for row in range(3, 28) for column in range(3, 10))
_T4 = tuple((3, column) for column in range(15))
CELLS = {2: (0, _T2), 3: (1, _T3), 4: (2, _T4)}
"""Where the template holds the value cells of each report table: its Word table and the
(row, grid column) of each cell, in printed order."""


def fill(template: bytes, report: Report2021) -> bytes:
    """The template filled with *report*, by python-docx, as an agency fills it: the title,
    the narrative, and every value cell that is not blank."""
    docx = importlib.import_module("docx")
    document = docx.Document(io.BytesIO(template))
    for paragraph in document.paragraphs:
        if paragraph.text.strip() == "政府信息公开工作年度报告格式模板":
            paragraph.text = (
                f"{report.metadata.agency}{report.metadata.year}年政府信息公开工作年度报告"
            )
            break
    narratives = iter(
        (report.overview, report.problems_and_improvements, report.other_matters.text)
    )
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("（文字描述"):
            paragraph.text = next(narratives, "")
    positions = {number: iter(cells) for number, (_, cells) in CELLS.items()}
    for record in cell_records(report):
        table_index, _ = CELLS[record["table"]]
        row, column = next(positions[record["table"]])
        text = record["symbol"] if record["mark"] == "not_applicable" else record["value"]
        if text is not None:
            document.tables[table_index].cell(row, column).text = str(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rate(documents: list[bytes], work: Callable[[bytes], object], seconds: float) -> float:
    for document in documents:  # warm caches once
        work(document)
    start = time.process_time()
    for document in documents:
        work(document)
    once = time.process_time() - start
    rounds = max(1, int(seconds / PASSES / max(once, 1e-9)))
    best = 0.0
    for _ in range(PASSES):
        start = time.process_time()
        for _ in range(rounds):
            for document in documents:
                work(document)
        elapsed = time.process_time() - start
        best = max(best, rounds * len(documents) / max(elapsed, 1e-9))
    return best


def _python_docx(data: bytes) -> int:
    docx = importlib.import_module("docx")
    document: Any = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return len(texts)


def _mammoth(data: bytes) -> object:
    mammoth = importlib.import_module("mammoth")
    html = mammoth.convert_to_html(io.BytesIO(data)).value
    return read(html, kind="html")


def main() -> int:
    """Print Word reports read per second, next to the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--reports", type=int, default=20, help="filled copies of the template")
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    template_path = args.corpus / TEMPLATE
    if not template_path.is_file():
        print(f"no template at {template_path}")
        return 2
    template = template_path.read_bytes()
    try:
        importlib.import_module("docx")
    except ImportError:
        print("python-docx is needed to fill the template: pip install python-docx")
        return 2
    reports = [r for r in generate(2 * args.reports, 0.25) if isinstance(r, Report2021)]
    documents = [template, *(fill(template, r) for r in reports[: args.reports])]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    size = sum(map(len, documents)) / len(documents) / 1024
    rate = _rate(documents, read, args.seconds)
    verdict = "ok" if rate >= TARGET else "BELOW TARGET"
    print(
        f"read docx:          {rate:6,.0f} reports/s of CPU time  (target {TARGET}; "
        f"{len(documents)} files, {size:.0f} KiB on average)  {verdict}"
    )
    print(f"  layout alone:     {_rate(documents, layout, args.seconds):6,.0f} files/s")
    for name, module, work in (
        ("python-docx, text", "docx", _python_docx),
        ("mammoth + HTML", "mammoth", _mammoth),
    ):
        try:
            importlib.import_module(module)
        except ImportError:
            print(f"  {name}: not installed")
            continue
        print(f"  {name + ':':17} {_rate(documents, work, args.seconds):6,.0f} files/s")
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
