"""The interchange format: reports to and from plain dicts and JSON text.

The dict of a report has exactly the report's attribute names as keys, nested as the objects
are, with ``format_version`` first; see ``docs/interchange-format.md`` for the full shape. Reading
is strict: anything that is not exactly a valid report raises
:class:`~disclosure_report.exceptions.InvalidReportError` listing every problem with its JSON path.
"""

from __future__ import annotations

import json

from typing import Any, TypeVar, overload

from disclosure_report.exceptions import InvalidReportError, Problem, UnknownFormatVersionError
from disclosure_report.model import Report, format_versions, report_class_of, version_of
from disclosure_report.serialize import _fast
from disclosure_report.serialize._converter import converter
from disclosure_report.serialize._errors import (
    JsonConstant,
    describe,
    describe_error,
    printable,
    problems_from,
)
from disclosure_report.serialize._leaves import DATE_PATTERN, DECIMAL_PATTERN


__all__ = ["DATE_PATTERN", "DECIMAL_PATTERN", "from_dict", "from_json", "to_dict", "to_json"]

R = TypeVar("R", bound=Report)


def to_dict(report: Report) -> dict[str, Any]:
    """The interchange dict of *report*: JSON-ready, with ``format_version`` first.

    Raises:
        UnknownFormatVersionError: If *report* is not a report of a registered format version
            (an :class:`~disclosure_report.InvalidReportError`).
    """
    return _fast.unstructure(report)


@overload
def from_dict(data: object) -> Report: ...
@overload
def from_dict(data: object, *, version: type[R]) -> R: ...
def from_dict(data: object, *, version: type[Any] | None = None) -> Report:
    """The report that the interchange dict *data* describes.

    The class is chosen by ``data["format_version"]``, the id of a registered format version
    (:func:`~disclosure_report.format_version`): ``"2019"`` gives a
    :class:`~disclosure_report.Report2019`, ``"2021"`` a :class:`~disclosure_report.Report2021`.
    With *version* (the report class of a registered version), the report must be of that class,
    and type checkers know it is.

    Raises:
        InvalidReportError: If *data* is not exactly a valid report, with every problem found, or
            is a report of another version than *version*.
        UnknownFormatVersionError: If *version* is not the class of a registered version.
    """
    wanted = None if version is None else version_of(version)
    try:
        report = _fast.structure(data)
    except Exception:  # noqa: BLE001 (any failure: the detailed pass below says why)
        report = _structure_detailed(data)
    if wanted is not None and type(report) is not wanted.report_class:
        raise InvalidReportError(
            [
                Problem(
                    "$.format_version",
                    f'"{wanted.id}" (a {wanted.report_class.__name__})',
                    describe(report.format_version),
                )
            ]
        )
    return report


def _structure_detailed(data: object) -> Report:
    """Structure *data* with the cattrs converter, turning every error into a problem."""
    if not isinstance(data, dict):
        raise InvalidReportError(
            [Problem("$", "an object (a dict) with the keys of a report", describe(data))]
        )
    try:
        plain: dict[Any, Any] = _plain(data)
    except RecursionError:
        raise InvalidReportError(
            [Problem("$", "objects nested as a report's are", "objects nested too deeply")]
        ) from None
    version = plain.get("format_version")
    try:
        cls = report_class_of(version)
    except UnknownFormatVersionError:
        known = " or ".join(f'"{known.id}"' for known in format_versions())
        got = describe(version) if "format_version" in plain else "nothing: the key is missing"
        raise UnknownFormatVersionError(
            [Problem("$.format_version", f"a format version: {known}", got)]
        ) from None
    try:
        report: Report = converter().structure(plain, cls)
    except Exception as error:  # noqa: BLE001 (every error becomes a problem)
        problems = list(problems_from(error, "$")) or [
            Problem("$", "a valid report", describe_error(error))
        ]
        raise InvalidReportError(problems) from None
    return report


def _plain(value: Any) -> Any:
    """*value* with every dict, of any dict class, as a plain dict of the items it holds.

    A dict subclass may answer a key it does not hold (``collections.defaultdict``); read
    through it, a missing count would become the factory's value instead of a problem. The
    fast reader takes exact dicts only, so only this detailed pass meets such dicts.
    """
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in dict.items(value)}
    return value


def to_json(report: Report, *, indent: int | None = None) -> str:
    """The interchange dict of *report* as JSON text (UTF-8 characters kept as they are).

    Args:
        report: The report.
        indent: Indent nested objects by this many spaces; ``None`` writes one line.

    Raises:
        UnknownFormatVersionError: If *report* is not a report of a registered format version
            (an :class:`~disclosure_report.InvalidReportError`).
    """
    return json.dumps(to_dict(report), ensure_ascii=False, allow_nan=False, indent=indent)


@overload
def from_json(text: str | bytes) -> Report: ...
@overload
def from_json(text: str | bytes, *, version: type[R]) -> R: ...
def from_json(text: str | bytes, *, version: type[Any] | None = None) -> Report:
    """The report in the JSON text *text* (``bytes`` in UTF-8, UTF-16 or UTF-32).

    Besides what :func:`from_dict` rejects, the text must be valid JSON without duplicate keys;
    ``NaN`` and ``Infinity``, which JSON does not have, are reported where they stand. With
    *version*, as for :func:`from_dict`: ``from_json(text, version=Report2021)`` is a
    :class:`~disclosure_report.Report2021` or raises.

    Raises:
        InvalidReportError: If *text* is not exactly a valid report, with every problem found, or
            is a report of another version than *version*.
        UnknownFormatVersionError: If *version* is not the class of a registered version.
    """
    if not isinstance(text, str | bytes | bytearray):
        raise InvalidReportError([Problem("$", "JSON text (str or bytes)", describe(text))])
    try:
        if isinstance(text, str):
            source = text
        else:  # What json.loads does with bytes, but strict: a lone surrogate's bytes are no text.
            encoding = json.detect_encoding(text)
            source = text.decode(encoding)
        data = _DECODER.decode(source)
    except _DuplicateKeyError as error:
        raise InvalidReportError(
            [
                Problem(
                    _duplicate_path(source),
                    "JSON text without duplicate keys",
                    f"the key {error.key} twice",
                )
            ]
        ) from None
    except RecursionError:
        raise InvalidReportError(
            [Problem("$", "JSON text", "arrays or objects nested too deeply")]
        ) from None
    except UnicodeDecodeError as error:
        raise InvalidReportError(
            [
                Problem(
                    "$",
                    f"JSON text in {encoding.upper()}",
                    f"bytes that are not {encoding.upper()} at byte {error.start}: {error.reason}",
                )
            ]
        ) from None
    except ValueError as error:  # JSONDecodeError, too many digits
        raise InvalidReportError([Problem("$", "JSON text", f"invalid JSON: {error}")]) from None
    return from_dict(data) if version is None else from_dict(data, version=version)


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = printable(json.dumps(key, ensure_ascii=False))


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


class _Repeats:
    """Stands for the first object that repeats a key, when the text is decoded to find it."""


def _duplicate_path(text: str) -> str:
    """The JSON path of the first object of *text* (known to decode) that repeats a key."""
    marker = _Repeats()
    found: list[_Repeats] = []

    def mark(pairs: list[tuple[str, Any]]) -> object:
        if not found and len(dict(pairs)) != len(pairs):
            found.append(marker)
            return marker
        return dict(pairs)

    decoder = json.JSONDecoder(parse_constant=JsonConstant, object_pairs_hook=mark)
    stack: list[tuple[str, object]] = [("$", decoder.decode(text))]
    while stack:
        path, value = stack.pop()
        if value is marker:
            return path
        if isinstance(value, dict):
            stack.extend((_member(path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((f"{path}[{index}]", item) for index, item in enumerate(value))
    return "$"  # pragma: no cover (the marker is in the text that raised)


def _member(path: str, key: str) -> str:
    if key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{printable(json.dumps(key, ensure_ascii=False))}]"


# One decoder for every call: json.loads with keyword arguments builds a new one each time.
_DECODER = json.JSONDecoder(parse_constant=JsonConstant, object_pairs_hook=_unique_keys)
