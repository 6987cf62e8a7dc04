"""The start-up cost of the command line: ``disclosure-report check`` of one JSON report.

A command that is called once per file (from a shell loop, ``xargs`` or ``make``) pays its
start-up every time, so it should import only what it needs. This times, in CPU time (user +
system, of the child process), N runs of::

    disclosure-report check examples/nx-jgswglj-2023.json

against N runs of the floor that every command of this library pays::

    python -c "import attrs, cattrs, babel"

alternating the two so that a busy machine slows both alike, and reports the medians and their
ratio. The target is a ratio of at most 2. Run from the repository root, after ``pip install .``
(or ``-e .``)::

    python benchmarks/startup.py             # 30 runs of each
    python benchmarks/startup.py --runs 100 --strict   # exit 1 when over the target
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys

from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nx-jgswglj-2023.json"
TARGET = 2.0
"""The most that a check of one report may cost, in multiples of the floor."""


def _command() -> list[str]:
    script = Path(sys.executable).with_name("disclosure-report")
    if script.is_file():
        return [str(script)]
    found = shutil.which("disclosure-report")
    return [found] if found else [sys.executable, "-m", "disclosure_report"]


# As an installed command runs: from cached bytecode (the warm-up run writes it), not
# compiling every module from source again.
_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def cpu_seconds(argv: list[str]) -> float:
    """The CPU time (user + system) of one run of *argv*, which must exit 0 or 1."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, check=False, env=_ENV)  # noqa: S603
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in {0, 1}:
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _spread(seconds: list[float]) -> str:
    """The middle half of the runs, in milliseconds: how much a busy machine scatters them."""
    if len(seconds) < 2:
        return ""
    low, _, high = statistics.quantiles(seconds, n=4)
    return f", middle half {low * 1000:.1f} to {high * 1000:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="runs of each (default: 30)")
    parser.add_argument(
        "--strict", action="store_true", help=f"exit 1 when the ratio is over {TARGET}"
    )
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    floor_argv = [sys.executable, "-c", "import attrs, cattrs, babel"]
    check_argv = [*_command(), "check", str(EXAMPLE)]
    cpu_seconds(floor_argv)  # Warm the file system caches and .pyc files.
    cpu_seconds(check_argv)
    floor: list[float] = []
    check: list[float] = []
    for _ in range(args.runs):
        floor.append(cpu_seconds(floor_argv))
        check.append(cpu_seconds(check_argv))
    floor_ms = statistics.median(floor) * 1000
    check_ms = statistics.median(check) * 1000
    ratio = check_ms / floor_ms
    print(f"runs of each:                          {args.runs}")
    print(
        f'python -c "import attrs, cattrs, babel": {floor_ms:6.1f} ms CPU (median){_spread(floor)}'
    )
    print(
        f"disclosure-report check <example>:       {check_ms:6.1f} ms CPU (median){_spread(check)}"
    )
    print(f"ratio:                                  {ratio:6.2f} (target: at most {TARGET})")
    # Other jobs on the machine slow both sides, though not quite alike: say how busy it was.
    load_after = os.getloadavg()[0]
    print(f"load average (1 min), before and after: {load_before:.2f}, {load_after:.2f}")
    return 1 if args.strict and ratio > TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
