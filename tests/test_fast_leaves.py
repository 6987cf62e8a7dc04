"""The fast readers read every leaf exactly as the converter's hooks read it.

Money, dates, enums, the format version and optional strings are read by the generated code of
:mod:`disclosure_report.serialize._fast` without cattrs' hooks, and the model's validators that
only repeat its type checks are not called. Each such leaf is given values of every JSON kind (and
a few that JSON never gives) here, and the fast reader must build the same report as the detailed
converter, or fail where it fails.
"""

from __future__ import annotations

import datetime as dt
import enum
import json

from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from disclosure_report import to_dict
from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import (
    AdministrativeLevel,
    Amount,
    ProcessingFees,
    Report2019,
    Report2021,
    Unit,
)
from disclosure_report.serialize import _fast, _structure_detailed
from disclosure_report.serialize._leaves import DECIMAL_PATTERN
from disclosure_report.serialize._steps import TYPE_ONLY_VALIDATORS


Report = Report2019 | Report2021

_FEES: dict[str, Any] = {"amount": {"value": "12.50", "unit": "元"}, "applications": 3}


class _Str(str):
    """A str subclass: never produced by JSON, equal to the string it holds."""

    __slots__ = ()


_ODD_VALUES: list[object] = [
    None,
    True,
    0,
    7,
    -1,
    1.5,
    "",
    "x",
    "\ud800",  # a lone surrogate: no text (issue 13)
    "机关\udfff",
    "😀",  # a pair in UTF-16, one character here
    "/",
    "2019",
    "2021",
    _Str("2021"),
    "county",
    _Str("county"),
    "nation",
    "元",
    "万元",
    _Str("元"),
    "2024-01-19",
    "2024-02-30",
    "20240119",
    "2024-1-19",
    _Str("2024-01-19"),
    "0",
    "5949.088667",
    "01",
    "1e3",
    "-1",
    "NaN",
    "١٢",
    Decimal(1),
    dt.date(2024, 1, 19),
    [],
    ["2021"],
    {},
    {"value": "1", "unit": "元"},
    {"value": "1", "unit": None},
    {"value": "1"},
    {"value": 1, "unit": "元"},
    {"value": "1", "unit": "元", "x": 1},
]

_LEAF_PATHS: list[tuple[str, ...]] = [
    ("format_version",),
    ("metadata", "agency"),
    ("metadata", "year"),
    ("metadata", "published"),
    ("metadata", "source_url"),
    ("metadata", "level"),
    ("metadata", "region"),
    ("overview",),
    ("other_matters", "text"),
    ("other_matters", "processing_fees"),
    ("other_matters", "processing_fees", "applications"),
    ("other_matters", "processing_fees", "amount"),
    ("other_matters", "processing_fees", "amount", "value"),
    ("other_matters", "processing_fees", "amount", "unit"),
    ("active_disclosure", "article_20_8", "administrative_fees", "amount"),
    ("active_disclosure", "article_20_8", "administrative_fees", "amount", "value"),
    ("active_disclosure", "article_20_8", "administrative_fees", "amount", "unit"),
]


_EXAMPLE = Path(__file__).parents[1] / "examples" / "nx-jgswglj-2023.json"


def _base() -> dict[str, Any]:
    """The example 2021 report, with every optional leaf present."""
    data: dict[str, Any] = json.loads(_EXAMPLE.read_text(encoding="utf-8"))
    data["metadata"]["published"] = "2024-01-19"
    data["other_matters"]["processing_fees"] = {**_FEES, "amount": {**_FEES["amount"]}}
    data["active_disclosure"]["article_20_8"]["administrative_fees"]["amount"] = {
        "value": "3.5",
        "unit": "万元",
    }
    return data


def _report_with(path: tuple[str, ...], value: object) -> dict[str, Any]:
    data = _base()
    parent: Any = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return data


def _fast_result(data: dict[str, Any]) -> Report | None:
    """What the fast reader makes of *data* (``None``: it gives up)."""
    try:
        report: Report = _fast.fast_reader(Report2021)(data)
    except Exception:  # noqa: BLE001 (any failure of the fast reader)
        return None
    return report


def _detailed(data: dict[str, Any]) -> Report | None:
    try:
        return _structure_detailed(data)
    except InvalidReportError:
        return None


@pytest.mark.parametrize("path", _LEAF_PATHS, ids="/".join)
@pytest.mark.parametrize("value", _ODD_VALUES, ids=repr)
def test_each_leaf_is_read_by_every_path_alike(path: tuple[str, ...], value: object) -> None:
    data = _report_with(path, value)
    detailed = _detailed(data)
    fast = _fast_result(data)
    assert fast == detailed
    if fast is not None and detailed is not None:
        assert to_dict(fast) == to_dict(detailed)
        assert type(fast.format_version) is type(detailed.format_version)


def test_the_leaves_that_are_read_inline_keep_their_types() -> None:
    report = _fast.fast_reader(Report2021)(_base())
    assert isinstance(report, Report2021)
    metadata, fees = report.metadata, report.other_matters.processing_fees
    assert metadata.published == dt.date(2024, 1, 19)
    assert metadata.level is AdministrativeLevel.PROVINCIAL
    assert fees == ProcessingFees(
        amount=Amount(value=Decimal("12.50"), unit=Unit.YUAN), applications=3
    )
    assert fees.amount.unit is Unit.YUAN
    assert report == _structure_detailed(_base())


@given(st.from_regex(DECIMAL_PATTERN, fullmatch=True))
def test_money_read_inline_is_what_the_converter_reads(text: str) -> None:
    data = _report_with(("other_matters", "processing_fees", "amount", "value"), text)
    detailed = _detailed(data)
    assert detailed is not None
    assert _fast_result(data) == detailed


# --- validators left out --------------------------------------------------------------------


def _samples_of(tp: Any) -> list[object]:
    """Values of exactly the type *tp* that the generated code can build."""
    members = [arg for arg in (get_args(tp) or (tp,)) if arg is not type(None)]
    samples: list[object] = [None] if type(None) in get_args(tp) else []
    known: dict[Any, list[object]] = {
        str: ["", "x", "某市"],
        dt.date: [dt.date(2021, 1, 1), dt.date(2100, 12, 31)],
        Decimal: [Decimal(0), Decimal("0.000"), Decimal("123456789.987654321")],
        ProcessingFees: [ProcessingFees(amount=Amount(value=Decimal(1), unit=None))],
    }
    for member in members:
        samples.extend(known.get(member) or (list(member) if issubclass(member, enum.Enum) else []))
    return samples


_OTHER_CLASSES: list[object] = [1, 1.5, True, b"x", Decimal(1), dt.date(2021, 1, 1), "x", []]


@pytest.mark.parametrize(
    ("validator", "tp"), list(TYPE_ONLY_VALIDATORS.items()), ids=lambda x: repr(x)[:40]
)
def test_a_left_out_validator_checks_only_its_type(validator: Any, tp: Any) -> None:
    """It accepts every value of its type and rejects values of any other class.

    Text also wants no lone surrogate, which the fast readers check inline.
    """
    allowed = set(get_args(tp) or (tp,))
    field = attrs.fields(Amount).value  # any attribute: only its name is used in messages
    samples = _samples_of(tp)
    assert samples
    for value in samples:
        validator(None, field, value)
    for value in _OTHER_CLASSES:
        if type(value) not in allowed:
            with pytest.raises(InvalidReportError):
                validator(None, field, value)
    if str in allowed:  # text: no lone surrogate, which the fast readers refuse in every string
        for value in ("\ud800", "机关\udfff"):
            with pytest.raises(InvalidReportError, match="lone surrogate"):
                validator(None, field, value)


def test_no_validator_of_the_inline_leaves_is_left_in_the_fast_readers() -> None:
    """Only the year's range and the version's applications kind remain, for a 2021 report."""
    expected = {
        "_check_year",
        "_check_optional_count",
        "_check_version.<locals>.validate",
        "_other_handling_of.<locals>.validate",
    }
    function = _fast._structure_function(Report2021)
    called = {
        getattr(value, "__qualname__", "")
        for name, value in function.__globals__.items()
        if name.startswith("_V")
    }
    assert called == expected
