"""The Dask recipe (examples/dask_parquet.py) on a local cluster of several worker processes
gives exactly the cells that one process gives.

Skipped without dask[distributed] (the ``dask`` extra; the ``tests`` group installs it).
"""

from __future__ import annotations

import importlib.util

from pathlib import Path
from types import ModuleType

import pytest


distributed = pytest.importorskip(
    "distributed", reason='needs dask[distributed]: pip install ".[dask]"'
)
pd = pytest.importorskip("pandas", reason="needs pandas (the analysis extra)")
pytest.importorskip("pyarrow", reason="needs pyarrow (the analysis extra)")

RECIPE = Path(__file__).resolve().parents[2] / "examples" / "dask_parquet.py"


def _recipe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_parquet", RECIPE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_local_cluster_equals_one_process(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from disclosure_report.batch import check_document, records_frame, walk

    recipe = _recipe()
    monkeypatch.setattr(recipe, "FILES_PER_PARTITION", 2)  # several partitions
    paths = list(walk([demo]))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        recipe.to_parquet(paths, "cells.parquet")
    assert sorted(p.name for p in Path("cells.parquet").iterdir()) == [
        "year=2022",
        "year=2023",
    ]
    clustered = pd.read_parquet("cells.parquet")
    single = records_frame(check_document(Path(p).read_bytes(), p) for p in paths)
    assert len(single) == 4 * 200  # four reports read, 200 cells each
    key = ["file", "table", "row", "column"]
    columns = list(single.columns)
    clustered = clustered.astype({"year": "Int32"})[columns]
    left = clustered.sort_values(key).reset_index(drop=True)
    right = single.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right, check_dtype=False, check_categorical=False)
    assert left.astype(str).equals(right.astype(str))
