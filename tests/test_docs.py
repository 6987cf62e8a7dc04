"""The API reference (docs/api.md) documents every public name of every public module."""

from __future__ import annotations

import importlib
import re

from pathlib import Path
from types import ModuleType

import pytest


API = Path(__file__).resolve().parents[1] / "docs" / "api.md"

PUBLIC_MODULES = (
    "disclosure_report",
    "disclosure_report.exceptions",
    "disclosure_report.i18n",
    "disclosure_report.reading",
    "disclosure_report.rendering",
    "disclosure_report.schema",
    "disclosure_report.testing",
)

_DIRECTIVE = re.compile(r"^\.\. auto(\w+):: (\S+)((?:\n   .*)*)", re.MULTILINE)


def _resolve(dotted: str) -> object:
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            obj = getattr(obj, name)
        return obj
    raise LookupError(dotted)


def documented() -> set[tuple[str, int]]:
    """(name, id of the object) of everything that an autodoc directive of the page documents."""
    found = set()
    for kind, target, options in _DIRECTIVE.findall(API.read_text(encoding="utf-8")):
        obj = _resolve(target)
        found.add((target.rsplit(".", 1)[-1], id(obj)))
        if kind == "module" and re.search(r":members:\s*$", options, re.MULTILINE):
            assert isinstance(obj, ModuleType)
            found.update((name, id(getattr(obj, name))) for name in obj.__all__)
    return found


def _public_names() -> list[tuple[str, str]]:
    return [
        (module, name)
        for module in PUBLIC_MODULES
        for name in importlib.import_module(module).__all__
    ]


@pytest.mark.parametrize(
    ("module", "name"),
    _public_names(),
    ids=lambda pair: ".".join(pair) if isinstance(pair, tuple) else str(pair),
)
def test_every_public_name_is_in_the_api_reference(module: str, name: str) -> None:
    obj = getattr(importlib.import_module(module), name)
    assert (name, id(obj)) in documented(), (
        f"docs/api.md has no autodoc directive for {module}.{name}"
    )


def test_every_directive_names_something_that_exists() -> None:
    targets = [target for _, target, _ in _DIRECTIVE.findall(API.read_text(encoding="utf-8"))]
    assert targets
    for target in targets:
        _resolve(target)


def _documents_member(options: str, member: str) -> bool:
    found = re.search(r":members:(.*)$", options, re.MULTILINE)
    return found is not None and (not found.group(1).strip() or member in found.group(1))


def test_every_from_parts_is_in_the_api_reference() -> None:
    # The constructors that make a balanced row or group are the way most readers build tables.
    with_from_parts = {
        name
        for name in importlib.import_module("disclosure_report").__all__
        if callable(
            getattr(getattr(importlib.import_module("disclosure_report"), name), "from_parts", None)
        )
    }
    documented = {
        target.rsplit(".", 1)[-1]
        for kind, target, options in _DIRECTIVE.findall(API.read_text(encoding="utf-8"))
        if kind == "class" and _documents_member(options, "from_parts")
    }
    assert with_from_parts
    assert with_from_parts <= documented
