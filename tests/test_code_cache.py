"""The cache of compiled generated code: used when it holds the code, never a reason to fail."""

from __future__ import annotations

import marshal
import os
import types

from pathlib import Path

import pytest

from disclosure_report.serialize import _code_cache
from disclosure_report.serialize._code_cache import CACHE_VARIABLE, cache_folder, compile_cached


SOURCE = "def double(x):\n    return 2 * x\n"
NAME = "<disclosure_report generated double>"


def _run(code: types.CodeType) -> object:
    namespace: dict[str, object] = {}
    exec(code, namespace)  # noqa: S102 (the test's own code)
    return namespace["double"](21)  # type: ignore[operator]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_first_compile_stores_the_code_and_the_second_loads_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = compile_cached(SOURCE, NAME)
    [stored] = folder.iterdir()
    assert marshal.loads(stored.read_bytes()) == first  # noqa: S302 (our own file)

    def no_compile(*_: object) -> None:
        raise AssertionError("compiled although the cache holds the code")

    monkeypatch.setattr(_code_cache, "compile", no_compile, raising=False)
    second = compile_cached(SOURCE, NAME)

    assert second == first
    assert _run(second) == 42


def test_another_source_is_another_entry(folder: Path) -> None:
    compile_cached(SOURCE, NAME)
    other = compile_cached(SOURCE.replace("2 *", "3 *"), NAME)

    assert len(list(folder.iterdir())) == 2
    assert _run(other) == 63


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps(12), marshal.dumps("x")])
def test_an_unreadable_entry_is_compiled_again_and_replaced(folder: Path, content: bytes) -> None:
    compile_cached(SOURCE, NAME)
    [stored] = folder.iterdir()
    stored.write_bytes(content)

    assert _run(compile_cached(SOURCE, NAME)) == 42
    assert marshal.loads(stored.read_bytes()).co_filename == NAME  # noqa: S302 (our own file)


def test_code_of_another_name_is_not_taken(folder: Path) -> None:
    compile_cached(SOURCE, NAME)
    [stored] = folder.iterdir()
    stored.write_bytes(marshal.dumps(compile(SOURCE, "<elsewhere>", "exec")))

    assert compile_cached(SOURCE, NAME).co_filename == NAME


def test_a_folder_that_cannot_be_made_only_costs_the_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocker / "cache"))

    assert _run(compile_cached(SOURCE, NAME)) == 42


@pytest.mark.parametrize("value", ["off", "", "0", "OFF"])
def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, value)

    assert cache_folder() is None
    assert _run(compile_cached(SOURCE, NAME)) == 42


def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    assert cache_folder() == tmp_path / "disclosure-report"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners on this system")
def test_a_folder_others_may_write_to_is_not_used(folder: Path) -> None:
    folder.mkdir()
    folder.chmod(0o777)

    assert _run(compile_cached(SOURCE, NAME)) == 42
    assert list(folder.iterdir()) == []


def test_the_folder_is_made_for_its_owner_only(folder: Path) -> None:
    compile_cached(SOURCE, NAME)

    assert folder.stat().st_mode & 0o077 == 0
