"""The library's one cattrs converter: strict, detailed, and derived from the model's fields.

It forbids unknown keys, keeps cattrs' detailed validation on (every bad value is collected,
with the attribute it belongs to) and replaces cattrs' coercing primitive hooks with the strict
ones of :mod:`._leaves`. Cells are typed ``int | Blank | NotApplicable`` whether or not they
may be negative, so their hooks are chosen per field from the field's validator (``is_count``,
``is_signed_count``, ``is_amount``) rather than from the type.

:func:`~disclosure_report.from_dict` first tries the generated fast path (:mod:`._fast`), and
uses this converter only when that fails, to find and report every problem.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, TypeVar, get_args

import attrs
import cattrs

from cattrs.gen import make_dict_structure_fn, override

from disclosure_report.exceptions import InvalidReportError
from disclosure_report.model import (
    Amount,
    Blank,
    NotApplicable,
    is_amount,
    is_count,
    is_signed_count,
)
from disclosure_report.serialize._errors import WireError, describe
from disclosure_report.serialize._leaves import (
    enum_hook,
    exact_hook,
    make_amount_cell_hook,
    structure_count,
    structure_date,
    structure_decimal,
    structure_signed_count,
    structure_text,
    unstructure_cell,
    unstructure_date,
    unstructure_decimal,
)


__all__ = ["CELL_VALIDATORS", "cell_hook", "converter"]

CELL_VALIDATORS: Final = (is_count, is_signed_count, is_amount)
"""The validators that mark a field as a table cell."""


def cell_hook(
    validator: object, structure_amount: Callable[[dict[Any, Any]], Amount]
) -> Callable[[object], object] | None:
    """The leaf hook of a cell field, chosen by its validator; ``None`` for other fields."""
    if validator is is_count:
        return structure_count
    if validator is is_signed_count:
        return structure_signed_count
    if validator is is_amount:
        return make_amount_cell_hook(structure_amount)
    return None


def _two_args(hook: Callable[[object], Any]) -> Callable[[object, Any], Any]:
    """Adapt a one-argument leaf hook to cattrs' ``(value, type)`` signature."""

    def structure(value: object, _: Any) -> Any:
        return hook(value)

    return structure


_enum_hook = functools.cache(enum_hook)


def _structure_enum(value: object, tp: type[enum.Enum]) -> enum.Enum:
    member: enum.Enum = _enum_hook(tp)(value)
    return member


def _unstructure_enum(member: enum.Enum) -> Any:
    return member.value


def _is_leaf_type(tp: Any) -> bool:
    """Whether *tp* is a scalar type (or a union of them) rather than a part of the report."""
    return not isinstance(tp, TypeVar) and not any(attrs.has(part) for part in (tp, *get_args(tp)))


def _validated_early(
    hook: Callable[[object, Any], Any], field: attrs.Attribute[Any]
) -> Callable[[object, Any], Any]:
    """Structure a scalar field and run its validator at once.

    The model's validators (such as the year's range) otherwise run only in ``__init__``, which
    cattrs calls only when every field of the object could be structured; run here, their
    problems are listed together with the others. ``__init__`` still runs them all again.
    """

    def structure(value: object, tp: Any) -> Any:
        result = hook(value, tp)
        try:
            field.validator(None, field, result)  # type: ignore[misc]
        except InvalidReportError as error:
            relative = _relative_to(error, field.name)
            if relative is not None:
                raise relative from None
        except Exception:  # noqa: BLE001, S110 (a validator that needs the instance: __init__ runs it)
            pass
        return result

    return structure


def _relative_to(error: InvalidReportError, name: str) -> InvalidReportError | None:
    """*error*'s problems with paths relative to the field *name*, if they all lie under it."""
    problems = []
    for problem in error.problems:
        if problem.path == name:
            problems.append(attrs.evolve(problem, path=""))
        elif problem.path.startswith((f"{name}.", f"{name}[")):
            problems.append(attrs.evolve(problem, path=problem.path[len(name) :]))
        else:
            return None
    return InvalidReportError(problems)


def _class_hook_factory(cls: Any, conv: cattrs.Converter) -> Callable[[object, Any], Any]:
    """Structure an attrs class from a dict: cell hooks per field, then cattrs' generated code."""

    def structure_amount(value: dict[Any, Any]) -> Amount:
        result: Amount = conv.structure(value, Amount)
        return result

    overrides = {}
    for field in attrs.fields(cls):
        hook = cell_hook(field.validator, structure_amount)
        if hook is not None:
            overrides[field.name] = override(struct_hook=_two_args(hook))
        elif field.validator is not None and _is_leaf_type(field.type):
            leaf = conv.get_structure_hook(field.type)
            overrides[field.name] = override(struct_hook=_validated_early(leaf, field))
    generated = make_dict_structure_fn(cls, conv, **overrides)  # type: ignore[arg-type]
    name = getattr(cls, "__name__", str(cls))
    keys = ", ".join(field.name for field in attrs.fields(cls))
    expected = f"an object with the keys of {name} ({keys})"

    def structure(value: object, tp: Any) -> Any:
        if not isinstance(value, dict):
            raise WireError(expected, describe(value))
        return generated(value, tp)

    return structure


@functools.cache
def converter() -> cattrs.Converter:
    """The converter between report objects and the interchange dict (created once)."""
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)

    conv.register_structure_hook(int, _two_args(exact_hook(int)))
    conv.register_structure_hook(str, _two_args(structure_text))
    conv.register_structure_hook(Decimal, _two_args(structure_decimal))
    conv.register_structure_hook(dt.date, _two_args(structure_date))
    # Class hooks dispatch on the MRO: a StrEnum is a str before it is an Enum, so both bases
    # need the enum hook to win over the str hook above.
    conv.register_structure_hook(enum.Enum, _structure_enum)
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    conv.register_structure_hook_factory(attrs.has, _class_hook_factory)

    conv.register_unstructure_hook(Decimal, unstructure_decimal)
    conv.register_unstructure_hook(dt.date, unstructure_date)
    conv.register_unstructure_hook(Blank, unstructure_cell)
    conv.register_unstructure_hook(NotApplicable, unstructure_cell)
    conv.register_unstructure_hook(enum.Enum, _unstructure_enum)
    conv.register_unstructure_hook(enum.StrEnum, _unstructure_enum)
    return conv
