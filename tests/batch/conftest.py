"""The demonstration folder of ``scripts/summary_screenshots.py``, for the tests of the folder
check: three bodies' reports as JSON, HTML and text (errors, a mismatch across years, a missing
table) and two files that are no report."""

from __future__ import annotations

import importlib.util

from pathlib import Path
from types import ModuleType

import pytest


SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "summary_screenshots.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("summary_screenshots", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demonstration folder ``年度报告`` in a fresh working folder (names relative to it)."""
    if not SCRIPT.exists():
        pytest.skip("scripts/ is not there")
    monkeypatch.chdir(tmp_path)
    folder: Path = _script().demo_folder(Path("年度报告"))
    return folder
