"""Facts about a report that are not part of its six sections."""

from __future__ import annotations

import datetime as dt
import enum

from typing import Any, Final

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model._cells import safe_repr
from disclosure_report.model._fields import meta
from disclosure_report.model._labels import NC_


__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "TEXT_EXPECTED",
    "AdministrativeLevel",
    "Metadata",
    "lone_surrogate_at",
]


class AdministrativeLevel(enum.StrEnum):
    """The tier of government that the reporting body belongs to."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"
    PREFECTURAL = "prefectural"
    COUNTY = "county"
    TOWNSHIP = "township"


LEVEL_LABELS = {
    AdministrativeLevel.NATIONAL: NC_("level.national", "National"),
    AdministrativeLevel.PROVINCIAL: NC_("level.provincial", "Provincial"),
    AdministrativeLevel.PREFECTURAL: NC_("level.prefectural", "Prefectural"),
    AdministrativeLevel.COUNTY: NC_("level.county", "County"),
    AdministrativeLevel.TOWNSHIP: NC_("level.township", "Township"),
}
"""Labels of the administrative levels."""

FIRST_YEAR: Final = 2008
"""The first report year that a report may have (the 2007 Regulations took effect on 1 May
2008, so the first annual reports covered 2008)."""

LAST_YEAR: Final = 2100
"""The last report year that a report may have: a bound against typing errors, not a fact of
the format. Readers, the schema and the validators all take the bound from here."""


TEXT_EXPECTED: Final = "text that UTF-8 can encode: no lone surrogate (U+D800 to U+DFFF)"
"""What every text of a report must be (see :func:`lone_surrogate_at`)."""


def lone_surrogate_at(text: str) -> int | None:
    """The index of the first lone surrogate in *text*, or ``None`` when it has none.

    A Python ``str`` may hold a code point from U+D800 to U+DFFF on its own: the JSON escape
    ``"\\ud800"`` gives one, and so does an undecodable byte in a file name
    (:func:`os.fsdecode`). It is half of a UTF-16 pair, not a character, and no UTF-8 (or other)
    writer can write it, so a report holds no such text: every string field refuses it, and
    every writer (JSON, CSV, Parquet, standard output) can then write every report. Encoding as
    UTF-8 fails exactly on these code points, and is some five times faster than searching for
    them with a regular expression; ASCII text is answered at once.
    """
    if text.isascii():
        return None
    try:
        text.encode()
    except UnicodeEncodeError as error:
        return error.start
    return None


def _refuse_surrogates(attribute: attrs.Attribute[Any], value: str) -> None:
    at = lone_surrogate_at(value)
    if at is not None:
        got = f"a lone surrogate, U+{ord(value[at]):04X}, at character {at}"
        raise InvalidReportError([Problem(attribute.name, TEXT_EXPECTED, got)])


def _check_str(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if type(value) is not str:
        raise InvalidReportError([Problem(attribute.name, "a string", type(value).__name__)])
    if not value.isascii():
        _refuse_surrogates(attribute, value)


def _check_optional_str(_: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    if type(value) is not str:
        raise InvalidReportError(
            [Problem(attribute.name, "a string or None", type(value).__name__)]
        )
    if not value.isascii():
        _refuse_surrogates(attribute, value)


def _check_year(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int or not FIRST_YEAR <= value <= LAST_YEAR:
        raise InvalidReportError(
            [Problem(attribute.name, f"a year from {FIRST_YEAR} to {LAST_YEAR}", safe_repr(value))]
        )


def _check_date(_: object, attribute: attrs.Attribute[dt.date | None], value: object) -> None:
    if value is not None and type(value) is not dt.date:
        raise InvalidReportError([Problem(attribute.name, "a date or None", type(value).__name__)])


def _check_level(
    _: object, attribute: attrs.Attribute[AdministrativeLevel | None], value: object
) -> None:
    if value is not None and type(value) is not AdministrativeLevel:
        raise InvalidReportError(
            [Problem(attribute.name, "an AdministrativeLevel or None", safe_repr(value))]
        )


@attrs.frozen(kw_only=True)
class Metadata:
    """Who published the report, for which year, and where it can be found.

    Attributes:
        agency: The reporting body as named in the report's title (``自治区机关事务管理局``).
        year: The year the report covers (not the year it was published).
        published: The date of publication, when known.
        source_url: Where the report was published, when known.
        level: The tier of government of the reporting body, when known.
        region: The region, as a name or an administrative division code, when known.
    """

    agency: str = attrs.field(validator=_check_str, metadata=meta(NC_("meta.agency", "Agency")))
    year: int = attrs.field(validator=_check_year, metadata=meta(NC_("meta.year", "Report year")))
    published: dt.date | None = attrs.field(
        default=None,
        validator=_check_date,
        metadata=meta(NC_("meta.published", "Date of publication")),
    )
    source_url: str | None = attrs.field(
        default=None,
        validator=_check_optional_str,
        metadata=meta(NC_("meta.source_url", "Source")),
    )
    level: AdministrativeLevel | None = attrs.field(
        default=None,
        validator=_check_level,
        metadata=meta(NC_("meta.level", "Administrative level")),
    )
    region: str | None = attrs.field(
        default=None,
        validator=_check_optional_str,
        metadata=meta(NC_("meta.region", "Region")),
    )


check_str = _check_str
"""Validator of required text fields, shared with the narrative sections."""
