"""The folder check (``disclosure-report check DIR --summary OUT``): reports per second on one
core and on all cores, and peak memory, at 100 and 1000 files.

    python benchmarks/folder.py                    # 100 and 1000 files, 1 job and all cores
    python benchmarks/folder.py --files 100 1000 5000 --summary html

A mixed folder of generated reports (the random builder of ``_builder.py``: balanced, chained
from year to year, so the series checks run too) is written once per size, a third each as the
interchange format (JSON), an HTML page and text, the renderings of ``disclosure_report.render``.
(PDF, Word and Excel files join the mix when their readers are on main: add them to ``KINDS``.)

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
import subprocess
import sys
import tempfile
import time

from collections.abc import Callable, Sequence
from pathlib import Path

from _builder import generate

from disclosure_report import Report, render, to_json
from disclosure_report.batch import check_files, walk


KINDS: dict[str, Callable[[Report], str]] = {
    "json": to_json,
    "html": lambda report: render(report, to="html"),
    "txt": lambda report: render(report, to="text"),
}


def make_folder(folder: Path, count: int) -> None:
    """*count* generated reports in *folder*, one body per subfolder, kinds in turn."""
    kinds = list(KINDS.items())
    for index, report in enumerate(generate(count, marks=0.1)):
        suffix, write = kinds[index % len(kinds)]
        body = folder / report.metadata.agency
        body.mkdir(parents=True, exist_ok=True)
        (body / f"{report.metadata.year}.{suffix}").write_text(write(report), encoding="utf-8")


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
    parser.add_argument("--one", nargs=2, metavar=("FOLDER", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(Path(args.one[0]), int(args.one[1]), args.summary)))
        return 0
    cores = len(os.sched_getaffinity(0))
    print(f"folder check, summary .{args.summary}, {cores} cores")
    print(
        f"{'files':>6} {'jobs':>4} {'seconds':>8} {'reports/s':>10} {'CPU s':>7}"
        f" {'per CPU s':>9} {'main MiB':>9} {'worker MiB':>10}"
    )
    with tempfile.TemporaryDirectory() as work:
        for count in args.files:
            folder = Path(work, str(count))
            make_folder(folder, count)
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
