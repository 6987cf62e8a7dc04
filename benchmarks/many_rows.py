"""Benchmark a long report of many table rows: time and peak memory per input byte (issue 14).

Run from the repository root::

    python benchmarks/many_rows.py [--rows 400000] [--kinds text html] [--passes 5] [--mixed]

The input is a report's table 二 whose rows are printed over and over: the section's heading,
the item's heading and the column header, then ``--rows`` rows, as text (one row a line, its
cells parted by tabs: 400,000 rows are a 6 MB file) and as HTML (the same rows as one
``<table>``). The labels come from the library's own layout of the 2021 format
(:func:`disclosure_report.table_layout` and :func:`disclosure_report.translate`): by default the
licensing row (``行政许可``, one value) as issue 14 measured it; with ``--mixed`` every row of
table 二 in turn, each with its own values.

Each figure is measured in a fresh child process pinned to one core (the second core when there
is one, as ``taskset -c 1``), so that runs do not share caches or memory:

* time: the CPU time (:func:`time.process_time`) of ``read(path)``, ``--passes`` times, after one
  read of a small report of the same kind (imports, compiled patterns); best and median;
* peak memory: the growth of the child's peak resident set (``ru_maxrss``) over ``read(path)``,
  which counts lxml's own memory too, and the peak that :mod:`tracemalloc` traces (Python's
  objects), each as a multiple of the file's size.

Every child first checks what was read: the row's value in its cell, and the note that counts
the notes left out. Targets: under 3 s (set on a machine where the text took about 12 s) and
under 10x the file, for each kind. ``--strict`` exits with 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc

from collections.abc import Iterator
from pathlib import Path

from disclosure_report import SECTION_TITLES, Report2021, table_layout, translate
from disclosure_report.reading import read


SECONDS = 3.0
MEMORY = 10.0
_LOCALE = "zh_Hans"
_LICENSING = "article_20_5.licensing"


def _table2_rows() -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """Table 二 of the 2021 format as printed: each row's key, label, item heading and column
    headers, in printed order."""
    rows: dict[str, tuple[str, str, list[str]]] = {}
    for spec in table_layout(Report2021):
        if spec.address.table != 2:  # table 二
            continue
        row = rows.setdefault(
            spec.address.row,
            (translate(spec.row_label, _LOCALE), translate(spec.row_groups[0], _LOCALE), []),
        )
        row[2].append(translate(spec.column_label, _LOCALE))
    return [(key, label, (item,), tuple(cols)) for key, (label, item, cols) in rows.items()]


def _rows(count: int, *, mixed: bool) -> tuple[list[str], Iterator[list[str]], str, int]:
    """The header lines, *count* rows of cells, the key of the row checked and its value."""
    table = _table2_rows()
    chosen = table if mixed else [r for r in table if r[0] == _LICENSING]
    key, _, (item,), columns = chosen[0]
    head = [translate(SECTION_TITLES["active_disclosure"], _LOCALE), item, "信息内容", *columns]
    printed = [[label, *(str(7 + i) for i in range(len(cols)))] for _, label, _, cols in chosen]

    def rows() -> Iterator[list[str]]:
        for index in range(count):
            yield printed[index % len(printed)]

    return head, rows(), key, 7


def write_inputs(folder: Path, count: int, *, mixed: bool) -> dict[str, tuple[Path, str, int]]:
    """Write the text and HTML files of *count* rows; by kind, the path, the key of the row
    checked and its first value."""
    head, rows, key, value = _rows(count, mixed=mixed)
    text_path, html_path = folder / "rows.txt", folder / "rows.html"
    with (
        text_path.open("w", encoding="utf-8") as text,
        html_path.open("w", encoding="utf-8") as html,
    ):
        text.write("某局2023年政府信息公开工作年度报告\n" + "\n".join(head[:2]) + "\n")
        text.write("\t".join(head[2:]) + "\n")
        html.write("<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body>\n")
        html.write("".join(f"<p>{line}</p>\n" for line in head[:2]) + "<table>\n")
        html.write("<tr>" + "".join(f"<td>{cell}</td>" for cell in head[2:]) + "</tr>\n")
        for cells in rows:
            text.write("\t".join(cells) + "\n")
            html.write("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>\n")
        html.write("</table>\n</body></html>\n")
    return {"text": (text_path, key, value), "html": (html_path, key, value)}


def _check(path: Path, key: str, value: int) -> None:
    """Read *path* once and check the row *key* and the notes' count."""
    result = read(path)
    node: object = result.report.active_disclosure
    for name in key.split("."):
        node = getattr(node, name)
    first = getattr(node, next(iter(type(node).__attrs_attrs__)).name)  # type: ignore[attr-defined]
    assert first == value, (key, first)
    assert any(n.why.endswith("more reading notes left out") for n in result.notes)


def _child(args: argparse.Namespace) -> dict[str, float]:
    """Measure one file in this process (the child)."""
    if hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cores[1] if len(cores) > 1 else cores[0]})
    small = args.path.with_name("small" + args.path.suffix)
    read(small)  # imports, compiled patterns, the vocabulary
    if args.measure == "time":
        times = []
        for _ in range(args.passes):
            start = time.process_time()
            read(args.path)
            times.append(time.process_time() - start)
        return {"best": min(times), "median": statistics.median(times)}
    if args.measure == "rss":
        before = _resident()
        read(args.path)
        return {"bytes": _peak_resident() - before}
    tracemalloc.start()
    read(args.path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"bytes": float(peak)}


_STATUS = Path("/proc/self/status")


def _resident() -> float:
    """The resident set now, in bytes; and the peak reset to it, where Linux allows
    (``/proc/self/clear_refs``), so that the peak after is that of what follows."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return _status("VmRSS")
    except OSError:  # not Linux: the peak so far, which the imports may have set
        return _peak_resident()


def _peak_resident() -> float:
    """The peak resident set, in bytes."""
    try:
        return _status("VmHWM")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024.0  # KiB on Linux


def _status(field: str) -> float:
    for line in _STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return float(line.split()[1]) * 1024  # in kB
    raise OSError(field)


def _run_child(path: Path, measure: str, passes: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", measure, "--path", str(path)]
    out = subprocess.run(  # noqa: S603 (this script, with this interpreter)
        [*command, "--passes", str(passes)], check=True, capture_output=True, text=True
    )
    return dict(json.loads(out.stdout))


def main() -> int:
    """Write the inputs, measure each kind in its own processes, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=400_000)
    parser.add_argument("--kinds", nargs="+", choices=("text", "html"), default=["text", "html"])
    parser.add_argument("--passes", type=int, default=5, help="timed reads, best and median")
    parser.add_argument("--mixed", action="store_true", help="every row of table 二 in turn")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--child", dest="measure", choices=("time", "rss", "trace"))
    parser.add_argument("--path", type=Path)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_child(args)))
        return 0
    missed = False
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small = write_inputs(folder, 10, mixed=args.mixed)
        for path, _, _ in small.values():
            path.rename(path.with_name("small" + path.suffix))
        inputs = write_inputs(folder, args.rows, mixed=args.mixed)
        print(
            f"{args.rows:,} rows ({'every row of table 二' if args.mixed else '行政许可'}), "
            f"one core, Python {sys.version.split()[0]}"
        )
        for kind in args.kinds:
            path, key, value = inputs[kind]
            _check(path, key, value)
            size = path.stat().st_size
            timed = _run_child(path, "time", args.passes)
            rss = _run_child(path, "rss", 1)["bytes"] / size
            traced = _run_child(path, "trace", 1)["bytes"] / size
            slow = timed["best"] >= SECONDS or max(rss, traced) >= MEMORY
            missed |= slow
            print(
                f"{kind:4} {size / 1e6:5.1f} MB: {timed['best']:.2f} s best, "
                f"{timed['median']:.2f} s median of {args.passes} (target {SECONDS:.0f} s); "
                f"peak memory {rss:.1f}x the file resident, {traced:.1f}x traced "
                f"(target {MEMORY:.0f}x)  {'BELOW TARGET' if slow else 'ok'}"
            )
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
