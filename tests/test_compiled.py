"""The optional compiled reader and writer of the interchange dict (``_speedups.c``).

They follow the plans that :mod:`disclosure_report.serialize._compiled` derives from the model.
Both writers (generated Python and compiled) must write exactly what the cattrs converter
writes, key order included; the readers are held to the converter in ``test_serialize.py`` and
``test_fast_leaves.py``. Here: the module is built wherever a C compiler is there (so that CI
notices a build that silently fell back), it keeps reference counts, and it refuses bad plans.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig

from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, given, settings

from disclosure_report import from_json, testing, to_dict
from disclosure_report.model import (
    BLANK,
    MAX_COUNT,
    ApplicantCounts,
    Metadata,
    NotApplicable,
    Report,
    Report2019,
    Report2021,
)
from disclosure_report.serialize import _fast
from disclosure_report.serialize._compiled import (
    _MISSING,
    PURE_PYTHON_VARIABLE,
    SPEEDUPS,
    compiled_reader,
    compiled_writer,
)
from disclosure_report.serialize._converter import converter
from disclosure_report.serialize._leaves import MARK_CELLS, unstructure_cell
from disclosure_report.serialize._steps import WriteStep


EXAMPLE = Path(__file__).parents[1] / "examples" / "nx-jgswglj-2023.json"

needs_speedups = pytest.mark.skipif(SPEEDUPS is None, reason="the compiled module is not built")


def _compiler() -> str | None:
    """The C compiler that the build would use (``CC``, as setuptools reads it)."""
    command = os.environ.get("CC") or sysconfig.get_config_var("CC") or ""
    words = shlex.split(command)
    return shutil.which(words[0]) if words else None


def _ordered(data: Any) -> str:
    """JSON text that differs when keys differ in order, not only in content."""
    return json.dumps(data, ensure_ascii=False)


def test_built_where_a_compiler_is() -> None:
    if os.environ.get(PURE_PYTHON_VARIABLE):
        assert SPEEDUPS is None
    elif _compiler() is None:
        pytest.skip("no C compiler: the pure-Python writer is the only one")
    else:
        assert SPEEDUPS is not None, "a C compiler is there, but the compiled module was not built"


@needs_speedups
def test_the_c_kinds_are_the_steps() -> None:
    assert {step.name: step.value for step in WriteStep} == {
        name.removeprefix("KIND_"): value
        for name, value in vars(SPEEDUPS).items()
        if name.startswith("KIND_")
    }


@needs_speedups
@settings(max_examples=5)
@given(testing.reports())
def test_to_dict_uses_the_compiled_writer(report: Report) -> None:
    to_dict(report)

    assert type(_fast._UNSTRUCTURE[type(report)]).__name__ == "Writer"


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(testing.reports(marks=True))
def test_both_writers_write_what_the_converter_writes(report: Report) -> None:
    expected = _ordered(converter().unstructure(report))

    assert _ordered(_fast._unstructure_function(type(report), {})(report)) == expected
    if SPEEDUPS is not None:
        assert _ordered(compiled_writer(type(report))(report)) == expected  # type: ignore[misc]


# --- the compiled writer's own behaviour ------------------------------------------------------


@needs_speedups
def test_compiled_writer_keeps_reference_counts() -> None:
    """Writing and dropping dicts leaves every value's reference count where it was."""
    big, mark = MAX_COUNT - 5, NotApplicable("—")
    row = ApplicantCounts(
        natural_persons=big,
        commercial_enterprises=BLANK,
        research_institutions=mark,
        public_interest_organizations=0,
        legal_service_providers=0,
        other=0,
        total=big,
    )
    writer = compiled_writer(ApplicantCounts)
    assert writer is not None
    before = sys.getrefcount(big), sys.getrefcount(mark.symbol), sys.getrefcount(row)

    for _ in range(1000):
        writer(row)

    assert (sys.getrefcount(big), sys.getrefcount(mark.symbol), sys.getrefcount(row)) == before
    assert writer(row) == {
        "natural_persons": big,
        "commercial_enterprises": None,
        "research_institutions": "—",
        "public_interest_organizations": 0,
        "legal_service_providers": 0,
        "other": 0,
        "total": big,
    }


@needs_speedups
@settings(max_examples=5)
@given(testing.reports(version="2021"), testing.reports(version="2019"))
def test_compiled_writer_refuses_another_class(report: Report2021, other: Report2019) -> None:
    writer = compiled_writer(Report2021)
    assert writer is not None
    broken = attrs.evolve(report)
    object.__setattr__(broken, "metadata", "not metadata")

    with pytest.raises(TypeError, match=r"expected a .*Report2021, got .*Report2019"):
        writer(other)
    with pytest.raises(TypeError, match=r"expected a .*Metadata, got str"):
        writer(broken)


@needs_speedups
def test_compiled_writer_calls_cell_for_what_is_not_a_number() -> None:
    """A value that is neither an int nor a mark reaches ``unstructure_cell``, which refuses it."""
    row = ApplicantCounts(
        natural_persons=1,
        commercial_enterprises=0,
        research_institutions=0,
        public_interest_organizations=0,
        legal_service_providers=0,
        other=0,
        total=1,
    )
    object.__setattr__(row, "other", 1.5)
    writer = compiled_writer(ApplicantCounts)
    assert writer is not None

    with pytest.raises(TypeError, match=r"not a cell value: 1\.5"):
        writer(row)


def _descriptor(cls: type, name: str) -> object:
    return vars(cls)[name]


@needs_speedups
@pytest.mark.parametrize(
    ("plan", "error", "message"),
    [
        ("plan", TypeError, "a plan is a tuple"),
        ((Metadata,), TypeError, "a plan is a tuple"),
        ((Metadata, (("agency",),)), TypeError, "a plan entry is a tuple"),
        (
            (Metadata, (("agency", _descriptor(ApplicantCounts, "other"), 0, None),)),
            TypeError,
            "not a slot of",
        ),
        ((Metadata, (("agency", "agency", 0, None),)), TypeError, "not a slot of"),
        (
            (Metadata, (("agency", _descriptor(Metadata, "agency"), 9, None),)),
            ValueError,
            "unknown kind 9",
        ),
        (
            (Metadata, (("agency", _descriptor(Metadata, "agency"), WriteStep.HOOK, "no"),)),
            TypeError,
            "the hook is not callable",
        ),
        (
            (Metadata, (("agency", _descriptor(Metadata, "agency"), WriteStep.PART, "no"),)),
            TypeError,
            "a plan is a tuple",
        ),
    ],
)
def test_compile_refuses_bad_plans(plan: Any, error: type[Exception], message: str) -> None:
    assert SPEEDUPS is not None
    with pytest.raises(error, match=message):
        SPEEDUPS.compile(plan, unstructure_cell)


@needs_speedups
def test_compile_refuses_plans_nested_too_deeply() -> None:
    assert SPEEDUPS is not None
    descriptor = _descriptor(Metadata, "agency")
    plan: Any = (Metadata, ())
    for _ in range(100):
        plan = (Metadata, (("agency", descriptor, WriteStep.PART, plan),))

    with pytest.raises(ValueError, match="nested too deeply"):
        SPEEDUPS.compile(plan, unstructure_cell)


def test_the_variable_leaves_the_compiled_writer_out() -> None:
    script = (
        "import json, sys\n"
        "from disclosure_report import from_json, to_dict\n"
        "from disclosure_report.serialize import _compiled\n"
        "report = from_json(sys.stdin.read())\n"
        "print(json.dumps([_compiled.SPEEDUPS is None, to_dict(report)], ensure_ascii=False))\n"
    )
    text = EXAMPLE.read_text(encoding="utf-8")
    env = {**os.environ, PURE_PYTHON_VARIABLE: "1"}

    done = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script], input=text, env=env, capture_output=True,
        text=True, check=True,
    )  # fmt: skip

    pure, data = json.loads(done.stdout)
    assert pure is True
    assert _ordered(data) == _ordered(to_dict(from_json(text)))


# --- the compiled reader ----------------------------------------------------------------------


@needs_speedups
@pytest.mark.parametrize("cls", [Report2019, Report2021])
def test_from_dict_uses_the_compiled_reader(cls: type[Report]) -> None:
    assert type(_fast.fast_readers(cls)[-1]).__name__ == "Reader"


@needs_speedups
def test_compiled_reader_keeps_reference_counts() -> None:
    """Reading, failing and dropping objects leaves every value's reference count alone."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    big = MAX_COUNT - 5
    row = data["applications"]["new_received"]
    row["natural_persons"] = row["total"] = big
    row["other"] = "—"
    bad = json.loads(json.dumps(data))
    bad["reconsideration_and_litigation"]["reconsideration"]["total"] = -1
    reader = compiled_reader(Report2021)
    assert reader is not None
    mark, blank = MARK_CELLS["—"], BLANK
    counted = (big, mark, blank, data, bad)
    before = [sys.getrefcount(value) for value in counted]

    for _ in range(500):
        reader(data)
        with pytest.raises(ValueError, match="not a valid value for 'total'"):
            reader(bad)

    assert [sys.getrefcount(value) for value in counted] == before
    report = reader(data)
    assert report.applications.new_received.other is mark
    assert report.applications.new_received.total == big


@needs_speedups
@pytest.mark.parametrize(
    ("plan", "error", "message"),
    [
        ((Metadata, ()), TypeError, "a read plan is a tuple"),
        ((Metadata, (("agency",),), ()), TypeError, "a read plan entry is a tuple"),
        (
            (Metadata, (("agency", _descriptor(ApplicantCounts, "other"), 1, None, _MISSING),), ()),
            TypeError,
            "not a slot of",
        ),
        (
            (Metadata, (("agency", _descriptor(Metadata, "agency"), 12, None, _MISSING),), ()),
            ValueError,
            "unknown kind 12",
        ),
        (
            (Metadata, (("agency", _descriptor(Metadata, "agency"), 6, [], _MISSING),), ()),
            TypeError,
            "the choices are not a dict",
        ),
        (
            (Metadata, (("agency", _descriptor(Metadata, "agency"), 7, "no", _MISSING),), ()),
            TypeError,
            "the reader is not callable",
        ),
        (
            (Metadata, (), (("no", None, _descriptor(Metadata, "agency")),)),
            TypeError,
            "a validator is not callable",
        ),
        ((Metadata, (), (("no",),)), TypeError, "a check is a tuple"),
    ],
)
def test_compile_reader_refuses_bad_plans(plan: Any, error: type[Exception], message: str) -> None:
    assert SPEEDUPS is not None
    with pytest.raises(error, match=message):
        SPEEDUPS.compile_reader(plan, BLANK, MARK_CELLS, _MISSING, MAX_COUNT)
