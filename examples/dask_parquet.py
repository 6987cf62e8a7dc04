"""Check many reports on a Dask cluster and write every cell as Parquet, partitioned by year.

The recipe of docs/check-many-bodies.md: each worker runs the library's per-document step,
:func:`disclosure_report.batch.check_document`, on a share of the files, and Dask writes the tidy
records (:func:`disclosure_report.batch.records_frame`) as one Parquet dataset with a folder per
year (``year=2023/part.0.parquet`` …). Needs ``pip install "disclosure-report[dask]"``.

    python examples/dask_parquet.py reports/ cells.parquet              # a local cluster
    python examples/dask_parquet.py reports/ cells.parquet --scheduler tcp://host:8786

The files must be readable by every worker under the same path (a shared file system); for
object stores, read them with ``fsspec.open`` in :func:`check_files` instead.
"""

# ruff: noqa: INP001 (an example script, not a package)

from __future__ import annotations

import argparse

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dask.dataframe as dd

from disclosure_report.batch import check_document, records_frame, walk


FILES_PER_PARTITION = 64


def check_files(paths: Sequence[str]) -> Any:
    """One partition: the tidy records of the reports in *paths*, a pandas DataFrame."""
    return records_frame(
        check_document(Path(path).read_bytes(), path, records=True) for path in paths
    )


def to_parquet(paths: Sequence[str], target: str) -> None:
    """Check the reports in *paths* on the current Dask cluster; write their cells to *target*,
    partitioned by year."""
    chunks = [
        list(paths[i : i + FILES_PER_PARTITION]) for i in range(0, len(paths), FILES_PER_PARTITION)
    ]
    frame = dd.from_map(check_files, chunks, meta=records_frame([]), enforce_metadata=False)
    frame.to_parquet(target, partition_on=["year"], write_index=False)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="folders or files of reports")
    parser.add_argument("target", help="the Parquet dataset to write (a folder)")
    parser.add_argument("--scheduler", help="address of a running scheduler")
    args = parser.parse_args(argv)
    from distributed import Client, LocalCluster

    paths = list(walk(args.folders))
    if args.scheduler:
        with Client(args.scheduler):
            to_parquet(paths, args.target)
    else:
        with LocalCluster(processes=True) as cluster, Client(cluster):
            to_parquet(paths, args.target)


if __name__ == "__main__":
    main()
