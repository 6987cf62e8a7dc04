"""Field types of the model's attrs classes, some of them generic, resolved to classes.

:class:`~disclosure_report.Outcomes` and :class:`~disclosure_report.Applications` take the
shape of （六）其他处理 as a type parameter, so every walk over the model's fields (the layout, the
serializers, the JSON Schema) substitutes type variables on the way down. It is done here once.
"""

from __future__ import annotations

import types
import typing

from typing import Any, TypeVar, get_args, get_origin

import attrs


__all__ = ["attrs_class", "optional_of", "substitute"]


def substitute(tp: Any, typevars: dict[Any, Any]) -> Any:
    """*tp*, or what *typevars* binds it to when it is a type variable."""
    return typevars.get(tp, tp) if isinstance(tp, TypeVar) else tp


def attrs_class(tp: Any, typevars: dict[Any, Any]) -> tuple[type, dict[Any, Any]] | None:
    """The attrs class of a (possibly generic) field type, with the type variables it binds.

    ``None`` when the type is not an attrs class (a cell, a string, a date …).
    """
    tp = substitute(tp, typevars)
    origin = get_origin(tp)
    if origin is None:
        return (tp, {}) if isinstance(tp, type) and attrs.has(tp) else None
    if isinstance(origin, type) and attrs.has(origin):
        params = getattr(origin, "__parameters__", ())
        args = [substitute(arg, typevars) for arg in get_args(tp)]
        return origin, dict(zip(params, args, strict=True))
    return None


def optional_of(tp: Any) -> Any | None:
    """``X`` for ``X | None`` (or ``Optional[X]``), else ``None``."""
    if get_origin(tp) in (types.UnionType, typing.Union):
        args = get_args(tp)
        rest = [arg for arg in args if arg is not type(None)]
        if len(args) == 2 and len(rest) == 1:  # noqa: PLR2004 (X and None)
            return rest[0]
    return None
