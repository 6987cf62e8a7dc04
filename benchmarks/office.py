"""Benchmark the Word and Excel outputs: docx and xlsx rendered, and xlsx read, per report.

Run from the repository root::

    python benchmarks/office.py [--reports 50] [--passes 3] [--compare]

Generated reports of both format versions (:mod:`disclosure_report.testing`) are rendered with
``render(report, to="docx")`` and ``to="xlsx"``, and the workbooks read back with
``read(bytes)``; each figure is the best of ``--passes`` passes over the pool, in CPU seconds
of this process per report. ``--compare`` also times the alternatives the design notes weigh
(``docs/design-notes.md``): the same tables written with python-docx, and a workbook read with
openpyxl and with python-calamine (each only when installed).
"""

from __future__ import annotations

import argparse
import io
import time

from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from disclosure_report import Report, render
from disclosure_report.reading import read
from disclosure_report.testing import reports


def _pool(count: int) -> list[Report]:
    found: list[Report] = []

    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(st.sampled_from(["2019", "2021"]).flatmap(reports))
    def collect(report: Report) -> None:
        found.append(report)

    collect()
    return found[:count]


def _per_item(items: list[Any], work: Callable[[Any], object], passes: int) -> float:
    for item in items[:2]:
        work(item)  # imports and caches warm
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for item in items:
            work(item)
        best = min(best, (time.process_time() - start) / len(items))
    return best


def _python_docx(report: Report) -> bytes:
    """The three tables with python-docx: cells merged as the template merges them."""
    import docx

    from disclosure_report.i18n import translate
    from disclosure_report.rendering._grid import Head, grids_of

    document = docx.Document()
    for grid in grids_of(type(report)):
        table = document.add_table(rows=grid.height, cols=grid.width)
        covered: dict[int, int] = {}
        for r, row in enumerate(x for section in grid.sections for x in section.rows):
            column = 0
            for cell in row:
                while column in covered:
                    column += 1
                rowspan = cell.rowspan if isinstance(cell, Head) else 1
                target = table.cell(r, column)
                if rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + rowspan - 1, column + cell.colspan - 1))
                target.text = translate(cell.label, "zh_Hans") if isinstance(cell, Head) else "0"
                for c in range(column, column + cell.colspan):
                    if rowspan > 1:
                        covered[c] = rowspan
                column += cell.colspan
            covered = {c: n - 1 for c, n in covered.items() if n > 1}
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _openpyxl_read(data: bytes) -> int:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    return sum(
        1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for _ in row
    )


def _calamine_read(data: bytes) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return sum(
        len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=50)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    pool = _pool(args.reports)
    books = [render(report, to="xlsx") for report in pool]
    figures = {
        "render docx": _per_item(pool, lambda r: render(r, to="docx"), args.passes),
        "render xlsx": _per_item(pool, lambda r: render(r, to="xlsx"), args.passes),
        "read xlsx": _per_item(books, read, args.passes),
    }
    if args.compare:
        import importlib.util

        if importlib.util.find_spec("docx"):
            figures["python-docx, tables only"] = _per_item(pool, _python_docx, args.passes)
        figures["openpyxl read-only, values only"] = _per_item(books, _openpyxl_read, args.passes)
        if importlib.util.find_spec("python_calamine"):
            figures["python-calamine, values only"] = _per_item(books, _calamine_read, args.passes)
    print(f"{len(pool)} generated reports (2019 and 2021), best of {args.passes} passes, CPU time")
    for name, seconds in figures.items():
        print(f"{name:<34} {seconds * 1000:8.2f} ms/report  {1 / seconds:8.0f} reports/s")


if __name__ == "__main__":
    main()
