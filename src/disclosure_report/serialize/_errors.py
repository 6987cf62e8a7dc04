"""Turning what went wrong while reading a dict into :class:`Problem` s with JSON paths.

The leaf hooks raise :class:`WireError` (what was expected, what was found); the cattrs converter
wraps those, missing keys, unknown keys and the model's own :class:`InvalidReportError` in
exception groups whose notes name the attribute. :func:`problems_from` walks such a group into
one :class:`Problem` per bad value, each with its path from the document's root (``$``).
"""

from __future__ import annotations

import math
import re

from collections.abc import Iterator
from typing import Final

import attrs

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model import lone_surrogate_at


__all__ = [
    "JsonConstant",
    "WireError",
    "child_path",
    "describe",
    "describe_error",
    "printable",
    "problems_from",
]

_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SURROGATE: Final = re.compile("[\\ud800-\\udfff]")
_MAX_SHOWN: Final = 40


class WireError(ValueError):
    """A value of the wrong shape: raised by the leaf hooks, turned into one :class:`Problem`."""

    def __init__(self, expected: str, got: str) -> None:
        super().__init__(f"expected {expected}, got {got}")
        self.expected = expected
        self.got = got


class JsonConstant(str):
    """``NaN``, ``Infinity`` or ``-Infinity`` read from JSON text.

    JSON has no such values; the JSON loader keeps them as this marker instead of a float so that
    :func:`~disclosure_report.from_json` can report each one at its path, like any other bad value.
    """

    __slots__ = ()


def child_path(path: str, key: object) -> str:
    """The JSON path of *key* inside the object at *path* (``$.a`` + ``b`` → ``$.a.b``)."""
    if isinstance(key, str) and _IDENTIFIER.fullmatch(key):
        return f"{path}.{key}"
    if isinstance(key, str):
        return f"{path}[{_quote(key)}]"
    if key is None or type(key) in (int, float, bool):
        return f"{path}[{_describe_int(key) if type(key) is int else repr(key)}]"
    return f"{path}[<a {_type_name(key)} key>]"


def describe(value: object) -> str:  # noqa: PLR0911 (one return per kind of value)
    """A short description of a value read from JSON (or passed to ``from_dict``)."""
    if value is None:
        return "null"
    if isinstance(value, JsonConstant):
        return f"{value} (not a JSON number)"
    if value is True or value is False:
        return f"{str(value).lower()} (a boolean)"
    if type(value) is int:
        return f"the integer {_describe_int(value)}"
    if type(value) is float:
        if math.isfinite(value):
            return f"the number {value!r}"
        return f"{value!r} (not a finite number)"
    if type(value) is str:
        return f"the string {_quote(value)}"
    if type(value) is dict:
        count = len(value)
        return f"an object with {count} key{'' if count == 1 else 's'}"
    if type(value) is list:
        count = len(value)
        return f"an array of {count} item{'' if count == 1 else 's'}"
    return f"a Python {_type_name(value)} object"


def _describe_int(value: int) -> str:
    try:
        return str(value)
    except ValueError:  # More digits than int → str allows (sys.get_int_max_str_digits).
        return "<an integer with too many digits to show>"


def _type_name(value: object) -> str:
    """The name of *value*'s class, as it can be shown (a class may be named anything)."""
    return printable(type(value).__name__)


def _quote(text: str) -> str:
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 1] + "…"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{printable(escaped)}"'


def printable(text: str) -> str:
    """*text* with each lone surrogate written as its escape (``\\ud800``).

    A message quotes what it found, and would otherwise carry the lone surrogate that it
    refuses (or an unknown key's) to every writer, where UTF-8 cannot encode it.
    """
    if lone_surrogate_at(text) is None:
        return text
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def problems_from(error: BaseException, path: str) -> Iterator[Problem]:
    """Every problem that *error* (raised while structuring the value at *path*) stands for."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without_notes = error.group_exceptions()
        for sub, note in with_notes:
            key = note.name if isinstance(note, str) and hasattr(note, "name") else note.index
            yield from problems_from(sub, child_path(path, key))
        for sub in without_notes:
            # Raised by the class itself (its validators), not by one attribute.
            yield from problems_from(sub, path)
    elif isinstance(error, WireError):
        yield Problem(path, error.expected, error.got)
    elif isinstance(error, InvalidReportError):
        yield from error.prefixed(path).problems
    elif isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(_field_names(error.cl))
        for key in sorted(error.extra_fields, key=_key_order):
            yield Problem(
                child_path(path, key),
                f"no such key (allowed here: {allowed})",
                "an unknown key",
            )
    elif isinstance(error, KeyError):
        # The generated structuring code reads each required key with o[key]; the leaf hooks
        # never raise KeyError, so this is a missing key.
        yield Problem(path, "a value (this key is required)", "nothing: the key is missing")
    else:  # A bug rather than bad data; still reported as a problem, never let through.
        yield Problem(path, "a valid value", describe_error(error))


def describe_error(error: BaseException) -> str:
    """``Name: message`` of an unexpected *error*, as it can be shown (its ``str`` may raise)."""
    try:
        message = str(error)
    except Exception:  # noqa: BLE001 (any error's __str__ may fail; its class is still shown)
        message = "<its message cannot be shown>"
    return printable(f"{_type_name(error)}: {message}")


def _key_order(key: object) -> tuple[str, str]:
    """The order of unknown keys in the problems: by kind, then as shown (never raises)."""
    return _type_name(key), child_path("", key)


def _field_names(cls: type) -> list[str]:
    if attrs.has(cls):
        return [field.name for field in attrs.fields(cls)]
    return []
