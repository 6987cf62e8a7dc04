"""The public names of ``disclosure_report``, imported on first use (PEP 562)."""

from __future__ import annotations

import importlib

import pytest

import disclosure_report


def test_every_public_name_has_a_home() -> None:
    assert sorted(disclosure_report._LAZY) == sorted(disclosure_report.__all__)


@pytest.mark.parametrize("name", disclosure_report.__all__)
def test_each_name_is_its_modules_object(name: str) -> None:
    module = importlib.import_module(disclosure_report._LAZY[name])

    assert getattr(disclosure_report, name) is getattr(module, name)


def test_dir_lists_the_public_names() -> None:
    assert set(disclosure_report.__all__) <= set(dir(disclosure_report))
    assert "__version__" in dir(disclosure_report)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        disclosure_report.nothing  # noqa: B018


def test_star_import_gives_every_public_name() -> None:
    namespace: dict[str, object] = {}
    exec("from disclosure_report import *", namespace)  # noqa: S102

    assert set(disclosure_report.__all__) <= set(namespace)
