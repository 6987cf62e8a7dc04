"""The registry of format versions: each version of the national format, described once.

A :class:`FormatVersion` holds everything that differs between versions: its id, the notice
that issued it, the report years it was issued for, its report class (and so its table layouts
and labels), the rules a report of it is checked against and its official title. Every part of
the library that depends on the version asks this registry (:func:`format_version`,
:func:`version_of`, :func:`format_versions`) instead of naming versions itself, so a new version
is one :func:`register_format_version` call away. An id or class that is not registered is an
:class:`~disclosure_report.exceptions.UnknownFormatVersionError` naming the registered ones.
"""

from __future__ import annotations

import contextlib

from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from disclosure_report.exceptions import Problem, UnknownFormatVersionError
from disclosure_report.model._cells import safe_repr
from disclosure_report.model._labels import NC_, Label
from disclosure_report.model._layout import CellSpec, table_layout, version_id_of
from disclosure_report.model._report import Report, Report2019, Report2021


__all__ = [
    "FORMAT_DOCUMENTS",
    "FORMAT_NAMES",
    "FORMAT_VERSIONS",
    "FormatVersion",
    "format_version",
    "format_versions",
    "register_format_version",
    "registered_format_version",
    "unregister_format_version",
    "version_of",
]


@attrs.frozen(kw_only=True, cache_hash=True)
class FormatVersion:
    """One version of the national format.

    Attributes:
        id: The version's id, the value of a report's ``format_version`` (``"2021"``).
        name: The format's official title in this version.
        notice: The document number of the notice that issued it (``国办公开办函〔2021〕30号``).
        first_year: The first report year it was issued for.
        last_year: The last report year it was issued for; ``None`` while it is in force. Bodies
            sometimes keep an older version for later years: the years are a guide for readers
            of published reports, not a rule.
        report_class: The class of its reports; its fields give the tables' rows, columns and
            labels (:meth:`table_layout`).
        rules: The names of the rules that one report of this version is checked against, in the
            order of the parts they check (``T3.F1``: rule F1 on table 三; ``S1.LENGTH``: guidance
            on section 一). A rule's id is the version's id and its name (``2021.T3.F1``); the
            rules themselves are defined once, in ``disclosure_report.checks``.
        series_rules: The names of the rules across two reports of one body in consecutive years
            whose later report is of this version (``T3.X1``, ``T2.X3``). X1 across two versions
            gets the suffix ``FROM<id>`` of the earlier one.
        formulas: The formula of a rule where this version words it differently from the rule's
            own (the 2019 I2 has one row （六）, the 2021 I2 three), keyed by rule name.
    """

    id: str
    name: Label
    notice: Label
    first_year: int
    last_year: int | None
    report_class: type[Any]
    rules: tuple[str, ...]
    series_rules: tuple[str, ...] = ()
    formulas: Mapping[str, Label] = attrs.field(factory=dict, eq=False, hash=False)

    def rule_id(self, name: str) -> str:
        """The id of this version's rule *name* (``2021.T3.F1`` for ``T3.F1``)."""
        return f"{self.id}.{name}"

    def covers(self, year: int) -> bool:
        """Whether *year* is one of the report years the version was issued for."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def table_layout(self) -> tuple[CellSpec, ...]:
        """Every cell of the version's three tables, in printed order (see :func:`table_layout`)."""
        return table_layout(self.report_class)


_REGISTRY: dict[str, FormatVersion] = {}
_BY_CLASS: dict[type, FormatVersion] = {}


def register_format_version(version: FormatVersion) -> FormatVersion:
    """Add *version* to the registry and return it.

    Raises:
        ValueError: When its id or its report class is registered already, or the class's
            ``format_version`` default is not the id.
    """
    if version.id in _REGISTRY or version.report_class in _BY_CLASS:
        msg = f"format version {version.id!r} or its report class is registered already"
        raise ValueError(msg)
    if version_id_of(version.report_class) != version.id:
        msg = f"{version.report_class.__name__}.format_version must default to {version.id!r}"
        raise ValueError(msg)
    _REGISTRY[version.id] = version
    _BY_CLASS[version.report_class] = version
    return version


def unregister_format_version(version_id: str) -> None:
    """Remove the version with id *version_id* from the registry (for tests and plug-ins).

    Raises:
        UnknownFormatVersionError: When no such version is registered.
    """
    version = format_version(version_id)
    del _REGISTRY[version.id]
    del _BY_CLASS[version.report_class]


@contextlib.contextmanager
def registered_format_version(version: FormatVersion) -> Iterator[FormatVersion]:
    """Register *version* for the duration of a ``with`` block (for tests)."""
    register_format_version(version)
    try:
        yield version
    finally:
        unregister_format_version(version.id)


def format_versions() -> tuple[FormatVersion, ...]:
    """Every registered format version, oldest first (in the order of registration)."""
    return tuple(_REGISTRY.values())


def _known() -> str:
    return ", ".join(repr(known) for known in _REGISTRY) or "none"


def format_version(version_id: object) -> FormatVersion:
    """The registered format version whose id is *version_id* (``"2021"``).

    Raises:
        UnknownFormatVersionError: When there is none; the message names the registered ones.
    """
    found = _REGISTRY.get(version_id) if type(version_id) is str else None
    if found is None:
        raise UnknownFormatVersionError(
            [
                Problem(
                    "format_version",
                    f"one of the format versions {_known()}",
                    safe_repr(version_id),
                )
            ]
        )
    return found


def version_of(report: object) -> FormatVersion:
    """The format version of *report*, a report or a report class.

    Raises:
        UnknownFormatVersionError: When *report* is neither an instance nor a class of a
            registered version's report class.
    """
    cls = report if isinstance(report, type) else type(report)
    found = _BY_CLASS.get(cls)
    if found is None:
        classes = " or ".join(v.report_class.__name__ for v in _REGISTRY.values())
        raise UnknownFormatVersionError(
            [Problem("$", f"a report of a registered format version ({classes})", cls.__name__)]
        )
    return found


register_format_version(
    FormatVersion(
        id="2019",
        name=NC_(
            "format.2019.name",
            "Format of the Annual Report on Open Government Information Work "
            "of the People's Republic of China (Trial)",
        ),
        notice=NC_("format.2019.document", "Guo Ban Gong Kai Ban Han [2019] No. 60"),
        first_year=2019,
        last_year=2020,
        report_class=Report2019,
        rules=(
            "S1.X5",
            "T2.I5",
            "T2.X4.TOTAL",
            "T2.X4.PRODUCED",
            "T3.F1",
            "T3.I1",
            "T3.I2",
            "T4.I4",
        ),
        series_rules=("T3.X1", "T2.X2"),
        formulas={
            "T3.I2": NC_(
                "rule.I2.2019.formula",
                "For each column: (7) Total = (1) + (2) + (3) items 1–8 + (4) items 1–3 "
                "+ (5) items 1–5 + (6)",
            ),
            "T3.X1.FROM2021": NC_(
                "rule.X1.FROM2021.formula",
                "For each column, same body, year N-1 in the 2021 format and year N in the "
                "2019 format: item 2 of year N = item 4 of year N-1",
            ),
        },
    )
)
register_format_version(
    FormatVersion(
        id="2021",
        name=NC_(
            "format.2021.name",
            "Format of the Annual Report on Open Government Information Work "
            "of the People's Republic of China",
        ),
        notice=NC_("format.2021.document", "Guo Ban Gong Kai Ban Han [2021] No. 30"),
        first_year=2021,
        last_year=None,
        report_class=Report2021,
        rules=(
            "S1.LENGTH",
            "S1.X5",
            "T3.F1",
            "T3.I1",
            "T3.I2",
            "T4.I4",
            "S6.FEES",
        ),
        series_rules=("T3.X1", "T2.X3"),
        formulas={
            "T3.I2": NC_(
                "rule.I2.2021.formula",
                "For each column: (7) Total = (1) + (2) + (3) items 1–8 + (4) items 1–3 "
                "+ (5) items 1–5 + (6) items 1–3",
            ),
            "T3.X1.FROM2019": NC_(
                "rule.X1.FROM2019.formula",
                "For each column, same body, year N-1 in the 2019 format and year N in the "
                "2021 format: item 2 of year N = item 4 of year N-1",
            ),
        },
    )
)

_BUILT_IN: Final = format_versions()

FORMAT_VERSIONS: Final[tuple[str, ...]] = tuple(version.id for version in _BUILT_IN)
"""The ids of the built-in format versions, oldest first: ``("2019", "2021")``.

:func:`format_versions` lists every registered version, those added later included.
"""

FORMAT_NAMES: Final[dict[str, Label]] = {version.id: version.name for version in _BUILT_IN}
"""The official names of the built-in format versions, by id (see :attr:`FormatVersion.name`)."""

FORMAT_DOCUMENTS: Final[dict[str, Label]] = {v.id: v.notice for v in _BUILT_IN}
"""The notices that issued the built-in format versions, by id (see :attr:`FormatVersion.notice`)."""


def report_class_of(version_id: object) -> type[Report]:
    """The report class of the registered version *version_id* (see
    :func:`~disclosure_report.format_version`)."""
    cls: type[Report] = format_version(version_id).report_class
    return cls
