"""Benchmark the reader: published reports read per second, text and HTML, on one core.

Run from the repository root::

    python benchmarks/reading.py [--corpus ../shared/corpus] [--seconds 3]

Every report of ``<corpus>/raw`` (its header block up to the first line ``---`` removed) is read
with :func:`disclosure_report.reading.read` from UTF-8 bytes, the way the command line reads a
file, over and over for about ``--seconds`` per kind; the best pass counts. Time is the CPU time
of this process (:func:`time.process_time`), pinned to one core, so that other jobs on a shared
machine count less. The corpus is read again and again, so the reader's label caches are warm, as
they are after the first reports of a batch. Targets (issue 3): at least 1,000 text reports/s and
300 HTML reports/s.

Then one long file (issue 14): ``--many-rows`` repeated table-二 rows (400,000 by default, a
6 MB text file) read with ``read(path)``, timed in CPU seconds (best of three) and, in a
separate run, its peak memory traced (:mod:`tracemalloc`) as a multiple of the file's size.
Targets: under 3 s (on the machine of issue 14, where it took about 12 s) and under 10x.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc

from pathlib import Path

from disclosure_report.reading import read


TARGETS = {"text": 1000, "html": 300}
PASSES = 5
MANY_ROWS_SECONDS = 3.0
MANY_ROWS_MEMORY = 10.0
_HEAD = "某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t本年处理决定数量\n"
_ROW = "行政许可\t7\n"


def _corpus(root: Path) -> dict[str, list[bytes]]:
    found: dict[str, list[bytes]] = {"text": [], "html": []}
    for path in sorted((root / "raw").iterdir()):
        text = path.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n---\n")
        kind = "html" if path.suffix in {".html", ".htm"} else "text"
        found[kind].append((body if sep else head).encode("utf-8"))
    return found


def _rate(documents: list[bytes], kind: str, seconds: float) -> float:
    for document in documents:  # warm caches once
        read(document, kind=kind)  # type: ignore[arg-type]
    start = time.process_time()
    for document in documents:
        read(document, kind=kind)  # type: ignore[arg-type]
    once = time.process_time() - start
    rounds = max(1, int(seconds / PASSES / max(once, 1e-9)))
    best = 0.0
    for _ in range(PASSES):
        start = time.process_time()
        for _ in range(rounds):
            for document in documents:
                read(document, kind=kind)  # type: ignore[arg-type]
        elapsed = time.process_time() - start
        best = max(best, rounds * len(documents) / max(elapsed, 1e-9))
    return best


def _many_rows(rows: int) -> tuple[float, float, int]:
    """CPU seconds (best of three) and peak memory per byte of reading a file of *rows*
    repeated table rows, and its size."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.txt"
        path.write_bytes((_HEAD + _ROW * rows).encode("utf-8"))
        size = path.stat().st_size
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            read(path)
            best = min(best, time.process_time() - start)
        tracemalloc.start()
        read(path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return best, peak / size, size


def main() -> int:
    """Print reports read per second for each kind, next to its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--many-rows", type=int, default=400_000, help="0 to skip")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    corpus = _corpus(args.corpus)
    missed = False
    for kind, documents in corpus.items():
        if not documents:
            print(f"{kind}: no report in {args.corpus / 'raw'}")
            continue
        size = sum(map(len, documents)) / len(documents) / 1024
        rate = _rate(documents, kind, args.seconds)
        target = TARGETS[kind]
        verdict = "ok" if rate >= target else "BELOW TARGET"
        missed |= rate < target
        print(
            f"read {kind:4}: {rate:8,.0f} reports/s of CPU time  (target {target:,}; {len(documents)} "
            f"reports, {size:.0f} KiB on average)  {verdict}"
        )
    if args.many_rows:
        seconds, ratio, size = _many_rows(args.many_rows)
        slow = seconds >= MANY_ROWS_SECONDS or ratio >= MANY_ROWS_MEMORY
        missed |= slow
        print(
            f"read {args.many_rows:,} rows ({size / 1e6:.1f} MB file): {seconds:.2f} s of CPU "
            f"time (target {MANY_ROWS_SECONDS:.0f} s), peak memory {ratio:.1f}x the file "
            f"(target {MANY_ROWS_MEMORY:.0f}x)  {'BELOW TARGET' if slow else 'ok'}"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
