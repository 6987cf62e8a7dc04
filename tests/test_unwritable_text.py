"""Text that no writer can write never gets into a report, and every problem can be shown.

Issue 13, point 2 and issue 14, point 2: a lone surrogate (U+D800 to U+DFFF) is refused in
every text of a report, with the path, and a problem describes any key or value without
raising. The fuzz tests feed each entry point odd values and count: no exception comes out
but the library's own, and whatever is read can be written as UTF-8.
"""

from __future__ import annotations

import copy
import io
import json
import sys

from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_report import Metadata, OtherMatters, from_dict, from_json, read, to_json
from disclosure_report.cli import main
from disclosure_report.exceptions import DisclosureReportError, InvalidReportError
from disclosure_report.model import TEXT_EXPECTED, lone_surrogate_at
from disclosure_report.serialize import _fast


EXAMPLE = Path(__file__).parent.parent / "examples" / "nx-jgswglj-2023.json"
TEXT_PATHS = [
    ("metadata", "agency"),
    ("metadata", "source_url"),
    ("metadata", "region"),
    ("overview",),
    ("problems_and_improvements",),
    ("other_matters", "text"),
]


def _example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def _set(data: dict[str, Any], path: tuple[Any, ...], value: object) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _writable(error: BaseException) -> None:
    """The message of *error*, and each of its problems, can be written as UTF-8."""
    str(error).encode()
    for problem in getattr(error, "problems", ()):
        f"{problem.path} {problem.expected} {problem.got}".encode()


def test_lone_surrogate_at() -> None:
    assert lone_surrogate_at("") is None
    assert lone_surrogate_at("ascii") is None
    assert lone_surrogate_at("自治区，机关😀") is None  # a pair in UTF-16 is one code point here
    assert lone_surrogate_at("机关\ud800事务") == 2
    assert lone_surrogate_at("a\udfff") == 1


@pytest.mark.parametrize("path", TEXT_PATHS, ids=".".join)
@pytest.mark.parametrize("text", ["\ud800", "机关\udcff", "a\udfffb"])
def test_every_text_refuses_a_lone_surrogate(path: tuple[str, ...], text: str) -> None:
    data = _example()
    _set(data, path, text)
    with pytest.raises(UnicodeEncodeError):
        _fast.structure(data)  # the fast reader gives up (with anything) ...
    with pytest.raises(InvalidReportError) as info:
        from_dict(data)  # ... and the converter says why, at the path
    [problem] = info.value.problems
    assert problem.path == "$." + ".".join(path)
    assert problem.expected == TEXT_EXPECTED
    assert "lone surrogate" in problem.got
    _writable(info.value)
    with pytest.raises(InvalidReportError) as from_text:  # "\ud800" escapes in JSON text
        from_json(json.dumps(data))
    assert from_text.value.problems == info.value.problems


def test_the_model_refuses_a_lone_surrogate_in_code() -> None:
    with pytest.raises(InvalidReportError, match="agency: expected text that UTF-8 can encode"):
        Metadata(agency="机关\ud800", year=2023)
    with pytest.raises(InvalidReportError, match="region"):
        Metadata(agency="机关", year=2023, region="\udc80")
    report = from_dict(_example())
    with pytest.raises(InvalidReportError, match="text"):
        attrs.evolve(report, other_matters=OtherMatters(text="\ud800"))
    with pytest.raises(InvalidReportError, match="overview"):
        attrs.evolve(report, overview="x\udfff")


def _unshowable() -> object:
    class Unshowable:
        def __repr__(self) -> str:
            raise RuntimeError

        __str__ = __repr__

    return Unshowable()


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        (10**5000, "$[<an integer with too many digits to show>]"),
        ("\ud800", '$["\\ud800"]'),
        ("键\udcff", '$["键\\udcff"]'),
        (1.5, "$[1.5]"),
        (b"x", "$[<a bytes key>]"),
    ],
    ids=["huge int", "surrogate", "text with a surrogate", "float", "bytes"],
)
def test_an_unknown_key_is_described_whatever_it_is(key: object, shown: str) -> None:
    data: dict[Any, Any] = _example()
    data[key] = 1
    data[_unshowable()] = 2
    with pytest.raises(InvalidReportError) as info:
        from_dict(data)
    paths = [problem.path for problem in info.value.problems]
    assert sorted(paths) == sorted([shown, "$[<a Unshowable key>]"])
    _writable(info.value)


def test_a_repeated_key_with_a_lone_surrogate_is_shown_escaped() -> None:
    with pytest.raises(InvalidReportError) as info:
        from_json('{"format_version": "2021", "\\ud800": 1, "\\ud800": 2}')
    assert info.value.problems[0].got == 'the key "\\ud800" twice'
    _writable(info.value)


# --- fuzzing every entry point -----------------------------------------------------------------

_HUGE_INTS = st.integers(4300, 4400).map(lambda digits: 10**digits)
"""Ints whose repr raises (more digits than ``sys.get_int_max_str_digits()``)."""
_ODD_CHARACTERS = st.sampled_from("\ud800\udbff\udc80\udfff") | st.characters(
    codec=None, exclude_categories=()
)
"""Any code points, lone surrogates often (among all code points, they are rarely drawn)."""
_ODD_TEXT = st.text(_ODD_CHARACTERS, max_size=8)
_ODD_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | _HUGE_INTS
    | st.floats()
    | _ODD_TEXT
    | st.sampled_from(["/", "—", "0", "2023-01-01", "万元"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ODD_TEXT, inner, max_size=3),
    max_leaves=6,
)


def _leaf_paths(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        found = [path] if path else []
        for key, item in value.items():
            found += _leaf_paths(item, (*path, key))
        return found
    return [path]


_PATHS = _leaf_paths(_example())


@st.composite
def _broken_dicts(draw: st.DrawFn) -> dict[Any, Any]:
    """The example report with a few values replaced, or keys added, anywhere."""
    data = copy.deepcopy(_example())
    paths = st.sampled_from(_PATHS) | st.sampled_from(TEXT_PATHS)  # the texts half the time
    for path in draw(st.lists(paths, min_size=1, max_size=3, unique=True)):
        target: Any = data
        for key in path[:-1]:
            target = target.get(key) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            continue  # an earlier change replaced a part on the way
        if draw(st.booleans()):
            target[path[-1]] = draw(_ODD_TEXT | _ODD_VALUES)
        else:
            target[draw(_ODD_TEXT | st.integers() | _HUGE_INTS)] = draw(_ODD_VALUES)
    return data


@st.composite
def _odd_texts(draw: st.DrawFn) -> dict[str, Any]:
    """The example report with some of its texts replaced by any code points."""
    data = _example()
    for path in draw(st.lists(st.sampled_from(TEXT_PATHS), min_size=1, max_size=3, unique=True)):
        _set(data, path, draw(_ODD_TEXT))
    return data


_DICTS = _broken_dicts() | _odd_texts()
"""Reports broken anywhere, or (as often) only in their texts, which stay valid otherwise."""


def _dumps(data: object, *, ensure_ascii: bool = True) -> str:
    """*data* as JSON text, however many digits its ints have."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return json.dumps(data, ensure_ascii=ensure_ascii)
    finally:
        sys.set_int_max_str_digits(limit)


def _read_back(report: object) -> None:
    """What was read can be written, as JSON text in UTF-8, and reads back as itself."""
    text = to_json(report)  # type: ignore[arg-type]
    text.encode()
    assert from_json(text.encode()) == report


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(_DICTS)
def test_fuzz_from_dict(data: dict[Any, Any]) -> None:
    try:
        report = from_dict(data)
    except DisclosureReportError as error:
        _writable(error)
    else:
        _read_back(report)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(_DICTS, st.booleans(), st.booleans())
def test_fuzz_from_json(data: dict[Any, Any], ascii_only: bool, as_bytes: bool) -> None:
    keys = {key for key in _iter_keys(data) if type(key) is not str}
    text = _dumps(data, ensure_ascii=ascii_only) if not keys else _dumps({"a": 1})
    try:
        report = from_json(text.encode("utf-8", "surrogatepass") if as_bytes else text)
    except DisclosureReportError as error:
        _writable(error)
    else:
        _read_back(report)


def _iter_keys(value: object) -> list[object]:
    if isinstance(value, dict):
        return [*value, *(key for item in value.values() for key in _iter_keys(item))]
    return []


_PAGES = st.one_of(
    _ODD_TEXT.map(lambda text: f"某局2023年政府信息公开工作年度报告\n一、总体情况\n{text}"),
    _ODD_TEXT.map(lambda text: f"<html><title>某局2023年{text}</title><p>&#xD800;{text}</p>"),
    st.binary(max_size=64),
    st.text(_ODD_CHARACTERS, max_size=64),
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=100)
@given(_PAGES)
def test_fuzz_read(page: str | bytes) -> None:
    try:
        result = read(page)
    except DisclosureReportError as error:
        _writable(error)
    else:
        _read_back(result.report)
        for note in result.notes:
            str(note).encode()


_COMMANDS = [
    ["check"],
    ["check", "--format", "json"],
    ["cells"],
    ["render", "--to", "text"],
    ["render", "--to", "html"],
    ["parse"],
    ["export"],
    ["sum"],
]


@settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    max_examples=60,
    deadline=None,
)
@given(
    _DICTS | _PAGES,
    st.sampled_from(_COMMANDS),
    st.sampled_from([".json", ".txt", ".html"]),
)
def test_fuzz_every_command(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    data: dict[Any, Any] | str | bytes,
    command: list[str],
    suffix: str,
) -> None:
    """Each command ends with an exit code, writing its output as strict UTF-8."""
    if isinstance(data, dict):
        plain = not any(type(key) is not str for key in _iter_keys(data))
        content = _dumps(data if plain else {"a": 1}).encode()
    elif isinstance(data, str):
        content = data.encode("utf-8", "surrogatepass")
    else:
        content = data
    path = tmp_path / f"input{suffix}"
    path.write_bytes(content)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main([*command, str(path)])
    out.flush()
    assert code in (0, 1, 2)
