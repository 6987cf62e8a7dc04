"""The JSON Schema (draft 2020-12) of the interchange format, generated from the model.

Tools in other languages can validate a report's shape with it before handing it to the library:
every key, every type, non-negative counts, the not-applicable marks, money as decimal strings.
The balance rules are not part of it; :func:`disclosure_report.check` judges those.
"""

from __future__ import annotations

from typing import Any, Literal

from disclosure_report.schema._generate import DIALECT, build_schema


__all__ = ["DIALECT", "json_schema"]


def json_schema(version: Literal["2019", "2021"] | None = None) -> dict[str, Any]:
    """The JSON Schema of the interchange format, as a JSON-ready dict.

    Without *version* it accepts reports of both format versions, the required
    ``format_version`` deciding which report class applies; with one, only reports of that
    version. Each call builds a new dict, so changing it changes nothing else.

    Args:
        version: ``"2019"`` or ``"2021"``; ``None`` for both.

    Raises:
        ValueError: If *version* is not a format version.
    """
    return build_schema(version)
