"""The JSON Schema (draft 2020-12) of the interchange format, generated from the model.

Tools in other languages can validate a report's shape with it before handing it to the library:
every key, every type, non-negative counts, the not-applicable marks, money as decimal strings.
The balance rules are not part of it; :func:`disclosure_report.check` judges those.
"""

from __future__ import annotations

from typing import Any

from disclosure_report.schema._generate import DIALECT, build_schema


__all__ = ["DIALECT", "json_schema"]


def json_schema(version: str | None = None) -> dict[str, Any]:
    """The JSON Schema of the interchange format, as a JSON-ready dict.

    Without *version* it accepts reports of every registered format version
    (:func:`~disclosure_report.format_versions`), the required ``format_version`` deciding
    which report class applies; with one, only reports of that version. Each call builds a new
    dict from the registry as it is then, so changing it changes nothing else and a version
    registered later is included.

    Args:
        version: The id of a registered format version (``"2019"``, ``"2021"``); ``None`` for
            every one.

    Raises:
        UnknownFormatVersionError: If *version* is not a registered format version (a
            :class:`ValueError`; the message names the registered ones).
    """
    return build_schema(version)
