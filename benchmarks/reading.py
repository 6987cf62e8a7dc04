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

One long file of many table rows (issue 14) is measured by ``many_rows.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from pathlib import Path

from disclosure_report.reading import read


TARGETS = {"text": 1000, "html": 300}
PASSES = 5


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


def main() -> int:
    """Print reports read per second for each kind, next to its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--seconds", type=float, default=3.0)
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
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
