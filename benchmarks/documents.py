"""Benchmark reading PDF documents against ``pdftotext -layout`` (poppler), on one core.

Run from the repository root::

    taskset -c 1 python benchmarks/documents.py [FILE.pdf ...] [--passes 5]

Without files, the PDFs of ``../shared/corpus/more/raw`` and of ``/tmp/samples`` are read. Each
file is read with :func:`disclosure_report.reading.read` (bytes in memory: the whole reader,
layout to typed report) and converted with ``pdftotext -layout FILE -`` (a process, its start
included, as a user runs it) in the same run; the best of ``--passes`` passes counts, in wall
time. Target (issue 9): a typical 6-page report in at most 3 times the time of ``pdftotext
-layout``. Without ``pdftotext`` on PATH, the comparison is skipped with a message.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time

from pathlib import Path

from disclosure_report.reading import read


TARGET = 3.0
DEFAULTS = (Path("../shared/corpus/more/raw"), Path("/tmp/samples"))  # noqa: S108 (documented)


def _pages(data: bytes) -> int:
    import pypdfium2  # type: ignore[import-untyped]

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def _best(action: object, passes: int) -> float:
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    files = args.files or sorted(
        p for folder in DEFAULTS if folder.is_dir() for p in folder.glob("*.pdf")
    )
    if not files:
        print("no PDF to read: name some, or provide ../shared/corpus/more/raw", file=sys.stderr)
        return 1
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        print("pdftotext not found (poppler-utils): the comparison is skipped", file=sys.stderr)
    total_ours = total_theirs = 0.0
    total_pages = 0
    print(f"{'file':44} {'pages':>5} {'ours ms':>8} {'ms/page':>8} {'pdftotext':>9} {'ratio':>6}")
    for path in files:
        data = path.read_bytes()
        pages = _pages(data)
        ours = _best(lambda data=data: read(data), args.passes)
        theirs = float("nan")
        if pdftotext is not None:
            command = [pdftotext, "-layout", str(path), "-"]
            theirs = _best(
                lambda command=command: subprocess.run(command, capture_output=True, check=True),  # noqa: S603
                args.passes,
            )
            total_theirs += theirs
        total_ours += ours
        total_pages += pages
        print(
            f"{path.name[:44]:44} {pages:5d} {ours * 1000:8.1f} {ours * 1000 / pages:8.1f}"
            f" {theirs * 1000:9.1f} {ours / theirs:6.2f}"
        )
    print(
        f"{'all':44} {total_pages:5d} {total_ours * 1000:8.1f}"
        f" {total_ours * 1000 / total_pages:8.1f} {total_theirs * 1000:9.1f}"
        f" {total_ours / total_theirs if total_theirs else float('nan'):6.2f}"
    )
    if total_theirs:
        ratio = total_ours / total_theirs
        verdict = "met" if ratio <= TARGET else "NOT met"
        print(f"target: at most {TARGET:.0f}x pdftotext -layout: {ratio:.2f}x, {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
