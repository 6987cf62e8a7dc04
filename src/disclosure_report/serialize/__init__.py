"""The interchange format: reports to and from plain dicts and JSON text.

The dict of a report has exactly the report's attribute names as keys, nested as the objects
are, with ``format_version`` first; see ``docs/interchange-format.md`` for the full shape. Reading
is strict: anything that is not exactly a valid report raises
:class:`~disclosure_report.exceptions.InvalidReportError` listing every problem with its JSON path.
"""

from __future__ import annotations

import json

from typing import Any, TypeVar, overload

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model import Report
from disclosure_report.serialize import _fast
from disclosure_report.serialize._converter import converter
from disclosure_report.serialize._errors import (
    JsonConstant,
    describe,
    problems_from,
)


__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

R = TypeVar("R", bound=Report)

_VERSIONS = " or ".join(f'"{version}"' for version in _fast.REPORT_CLASSES)


def to_dict(report: Report) -> dict[str, Any]:
    """The interchange dict of *report*: JSON-ready, with ``format_version`` first.

    Raises:
        TypeError: If *report* is not a :class:`~disclosure_report.Report2019` or
            :class:`~disclosure_report.Report2021`.
    """
    return _fast.unstructure(report)


@overload
def from_dict(data: object) -> Report: ...
@overload
def from_dict(data: object, *, version: type[R]) -> R: ...
def from_dict(data: object, *, version: type[Any] | None = None) -> Report:
    """The report that the interchange dict *data* describes.

    The class is chosen by ``data["format_version"]``: ``"2019"`` gives a
    :class:`~disclosure_report.Report2019`, ``"2021"`` a :class:`~disclosure_report.Report2021`.
    With *version* (one of those classes), the report must be of that class, and type checkers
    know it is.

    Raises:
        InvalidReportError: If *data* is not exactly a valid report, with every problem found, or
            is a report of another version than *version*.
    """
    try:
        report = _fast.structure(data)
    except Exception:  # noqa: BLE001 (any failure: the detailed pass below says why)
        report = _structure_detailed(data)
    if version is not None and type(report) is not version:
        _wrong_version(report, version)
    return report


def _wrong_version(report: Report, version: type[Any]) -> None:
    wanted = [name for name, cls in _fast.REPORT_CLASSES.items() if cls is version]
    if not wanted:
        raise TypeError(f"version must be a report class, not {version!r}")
    raise InvalidReportError(
        [
            Problem(
                "$.format_version",
                f'"{wanted[0]}" (a {version.__name__})',
                describe(report.format_version),
            )
        ]
    )


def _structure_detailed(data: object) -> Report:
    """Structure *data* with the cattrs converter, turning every error into a problem."""
    if not isinstance(data, dict):
        raise InvalidReportError(
            [Problem("$", "an object (a dict) with the keys of a report", describe(data))]
        )
    version = data.get("format_version")
    cls = _fast.REPORT_CLASSES.get(version) if type(version) is str else None
    if cls is None:
        got = describe(version) if "format_version" in data else "nothing: the key is missing"
        raise InvalidReportError(
            [Problem("$.format_version", f"a format version: {_VERSIONS}", got)]
        )
    try:
        report: Report = converter().structure(data, cls)
    except Exception as error:  # noqa: BLE001 (every error becomes a problem)
        problems = list(problems_from(error, "$")) or [
            Problem("$", "a valid report", f"{type(error).__name__}: {error}")
        ]
        raise InvalidReportError(problems) from None
    return report


def to_json(report: Report, *, indent: int | None = None) -> str:
    """The interchange dict of *report* as JSON text (UTF-8 characters kept as they are).

    Args:
        report: The report.
        indent: Indent nested objects by this many spaces; ``None`` writes one line.

    Raises:
        TypeError: If *report* is not a :class:`~disclosure_report.Report2019` or
            :class:`~disclosure_report.Report2021`.
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
    """
    if not isinstance(text, str | bytes | bytearray):
        raise InvalidReportError([Problem("$", "JSON text (str or bytes)", describe(text))])
    try:
        if not isinstance(text, str):  # What json.loads does with bytes.
            text = text.decode(json.detect_encoding(text), "surrogatepass")
        data = _DECODER.decode(text)
    except _DuplicateKeyError as error:
        raise InvalidReportError(
            [Problem("$", "JSON text without duplicate keys", f"the key {error.key} twice")]
        ) from None
    except RecursionError:
        raise InvalidReportError(
            [Problem("$", "JSON text", "arrays or objects nested too deeply")]
        ) from None
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, too many digits
        raise InvalidReportError([Problem("$", "JSON text", f"invalid JSON: {error}")]) from None
    return from_dict(data) if version is None else from_dict(data, version=version)


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = json.dumps(key, ensure_ascii=False)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


# One decoder for every call: json.loads with keyword arguments builds a new one each time.
_DECODER = json.JSONDecoder(parse_constant=JsonConstant, object_pairs_hook=_unique_keys)
