"""The folder check (``disclosure-report check DIR --summary OUT``): reports per second on one
core and on all cores, and peak memory, at 100 and 1000 files.

    python benchmarks/folder.py                    # 100 and 1000 files, 1 job and all cores
    python benchmarks/folder.py --files 100 1000 5000 --summary html
    python benchmarks/folder.py --kinds docx xlsx  # only some kinds (one mix per run)

A mixed folder of generated reports (the random builder of ``_builder.py``: balanced, chained
from year to year, so the series checks run too) is written once per size, the kinds in turn:
the interchange format (JSON), an HTML page, text, a Word document and an Excel workbook, the
renderings of ``disclosure_report.render``, and PDF where LibreOffice (``soffice``) is
installed. Converting takes LibreOffice a second or more per file, so the PDFs are a few
(:data:`PDF_SOURCES`) rendered Word documents of bodies of their own, converted once per run
(cached in the run's temporary folder) and copied into the PDF slots: every copy is read and
checked in full (without ``--resume`` nothing is taken from a previous result), and the copies
of one report count once in its body's series, as a report published twice does.

Each measurement runs in a fresh process (``--one``), so that its peak memory is its own: the
peak resident set of the main process (which streams the results into the state file and writes
the summary from it) and of the largest worker process (``resource.getrusage``). Neither must
grow with the number of files. Also printed: the CPU seconds of the run (main process and
workers, user and system) and the reports per CPU second, the rate of one core that a shared or
busy machine does not distort; the wall-clock rate on all cores is what a user waits.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from _builder import generate

from disclosure_report import Metadata, Report, render, to_json
from disclosure_report.batch import check_files, walk


KINDS: dict[str, Callable[[Report], str | bytes]] = {
    "json": to_json,
    "html": lambda report: render(report, to="html"),
    "txt": lambda report: render(report, to="text"),
    "docx": lambda report: render(report, to="docx"),
    "xlsx": lambda report: render(report, to="xlsx"),
}
PDF_SOURCES = 6
"""How many distinct PDFs the PDF slots are copies of."""


def make_pdfs(cache: Path) -> list[bytes]:
    """:data:`PDF_SOURCES` generated reports, each of a body of its own, rendered as Word and
    converted to PDF by LibreOffice, once: kept in *cache* for the next size."""
    pdfs = sorted(cache.glob("*.pdf"))
    if len(pdfs) < PDF_SOURCES:
        cache.mkdir(parents=True, exist_ok=True)
        docx = []
        for index, report in enumerate(generate(PDF_SOURCES, marks=0.1, seed=11)):
            meta = Metadata(agency=f"PDF机关{index:02d}", year=report.metadata.year)
            path = cache / f"{index:02d}.docx"
            path.write_bytes(render(attrs.evolve(report, metadata=meta), to="docx"))
            docx.append(str(path))
        soffice = shutil.which("soffice") or "soffice"
        subprocess.run(  # noqa: S603 (LibreOffice, on files this script wrote)
            [
                soffice,
                f"-env:UserInstallation={(cache / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(cache),
                *docx,
            ],
            capture_output=True,
            check=True,
            timeout=600,
        )
        pdfs = sorted(cache.glob("*.pdf"))
    return [path.read_bytes() for path in pdfs]


def make_folder(folder: Path, count: int, kinds: Sequence[str], pdfs: Sequence[bytes]) -> None:
    """*count* generated reports in *folder*, one body per subfolder, kinds in turn; a PDF slot
    gets a copy of one of *pdfs*, in a folder of PDF copies."""
    for index, report in enumerate(generate(count, marks=0.1)):
        suffix = kinds[index % len(kinds)]
        if suffix == "pdf":
            copies = folder / "pdf"
            copies.mkdir(parents=True, exist_ok=True)
            (copies / f"{index:06d}.pdf").write_bytes(pdfs[index % len(pdfs)])
            continue
        body = folder / report.metadata.agency
        body.mkdir(parents=True, exist_ok=True)
        content = KINDS[suffix](report)
        path = body / f"{report.metadata.year}.{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def one(folder: Path, jobs: int, summary: str) -> dict[str, float]:
    """Check *folder* once with *jobs* workers; the time, the rate and the peak memory."""
    files = list(walk([folder]))
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        result = check_files(files, Path(out, f"summary.{summary}"), jobs=jobs)
        seconds = time.perf_counter() - start
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in usage)
    assert result.files == len(files)
    assert result.statuses["balanced"] + result.statuses["not_fully_read"] == len(files)
    kib = 1024 if sys.platform != "darwin" else 1
    return {
        "files": len(files),
        "seconds": seconds,
        "rate": len(files) / seconds,
        "cpu": cpu,
        "per_cpu": len(files) / cpu,
        "main_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib / 2**20,
        "worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kib / 2**20,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--summary", choices=("csv", "html", "xlsx"), default="csv")
    parser.add_argument(
        "--kinds",
        nargs="+",
        choices=(*KINDS, "pdf"),
        help="the kinds of file in the mix (default: all, PDF where soffice is installed)",
    )
    parser.add_argument("--one", nargs=2, metavar=("FOLDER", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(Path(args.one[0]), int(args.one[1]), args.summary)))
        return 0
    cores = len(os.sched_getaffinity(0))
    kinds = args.kinds or [*KINDS, *(["pdf"] if shutil.which("soffice") else [])]
    print(f"folder check, summary .{args.summary}, {cores} cores, kinds: {' '.join(kinds)}")
    print(
        f"{'files':>6} {'jobs':>4} {'seconds':>8} {'reports/s':>10} {'CPU s':>7}"
        f" {'per CPU s':>9} {'main MiB':>9} {'worker MiB':>10}"
    )
    with tempfile.TemporaryDirectory() as work:
        pdfs = make_pdfs(Path(work, "pdf-cache")) if "pdf" in kinds else []
        for count in args.files:
            folder = Path(work, str(count))
            make_folder(folder, count, kinds, pdfs)
            for jobs in sorted({1, cores}):
                run = subprocess.run(  # noqa: S603 (this script, again)
                    [
                        sys.executable,
                        __file__,
                        "--one",
                        str(folder),
                        str(jobs),
                        "--summary",
                        args.summary,
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                m = json.loads(run.stdout)
                print(
                    f"{m['files']:>6} {jobs:>4} {m['seconds']:>8.2f} {m['rate']:>10.0f}"
                    f" {m['cpu']:>7.2f} {m['per_cpu']:>9.0f}"
                    f" {m['main_mib']:>9.0f} {m['worker_mib']:>10.0f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
