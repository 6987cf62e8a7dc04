"""Field types of the model's attrs classes, some of them generic, resolved to classes.

:class:`~disclosure_report.Outcomes` and :class:`~disclosure_report.Applications` take the
shape of （六）其他处理 as a type parameter, so every walk over the model's fields (the layout, the
serializers, the JSON Schema) substitutes type variables on the way down. It is done here once.
"""

from __future__ import annotations

from typing import Any, TypeVar, get_args, get_origin

import attrs


__all__ = ["attrs_class", "substitute"]


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
