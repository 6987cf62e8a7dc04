"""disclosure-report: China's annual report on open government information, as typed data.

The model mirrors the national format (《中华人民共和国政府信息公开工作年度报告格式》) in both of
its versions, checks its balance rules, converts it to and from plain dicts and JSON, and labels
every part of it in Chinese and English.
"""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING


# The public names are imported on first use (PEP 562), so that ``import disclosure_report``
# and a command such as ``disclosure-report check report.json`` load only the parts they need:
# not the reader, rendering, lxml or the many-report tools. The imports below are for type
# checkers and readers; ``_LAZY`` says where each name lives (tests/test_lazy.py holds both to
# ``__all__``).
if TYPE_CHECKING:
    from disclosure_report.checks import (
        RULES,
        BlankPolicy,
        Finding,
        Rule,
        Severity,
        check,
    )
    from disclosure_report.exceptions import (
        DisclosureReportError,
        InvalidReportError,
        Problem,
        UnknownFormatVersionError,
        UnsupportedLocaleError,
    )
    from disclosure_report.i18n import SUPPORTED_LOCALES, translate
    from disclosure_report.many import check_series, sum_reports
    from disclosure_report.model import (
        APPLICANTS_HEADER,
        BLANK,
        FORMAT_DOCUMENTS,
        FORMAT_NAMES,
        FORMAT_VERSION_LABEL,
        FORMAT_VERSIONS,
        INFORMATION_HEADER,
        LEVEL_LABELS,
        MARK_LABELS,
        MAX_COUNT,
        NOT_APPLICABLE_SYMBOLS,
        RECONCILIATION_NOTE,
        REPORT_TITLE,
        SECTION_TITLES,
        TABLE_SECTIONS,
        UNIT_LABELS,
        ActiveDisclosure2019,
        ActiveDisclosure2021,
        AdministrativeLevel,
        Amount,
        AmountCell,
        ApplicantCounts,
        Applications,
        Blank,
        CaseOutcomes,
        CellAddress,
        CellKind,
        CellSpec,
        Count,
        Decisions2021,
        DocumentCounts2019,
        DocumentCounts2021,
        Documents2019,
        Documents2021,
        FeeAmount2021,
        FeeItems2019,
        Fees2019,
        Fees2021,
        FormatVersion,
        ItemCounts2019,
        Label,
        Licensing2019,
        Licensing2021,
        Metadata,
        NotApplicable,
        NotHandled,
        OtherHandling,
        OtherMatters,
        Outcomes,
        ProcessingFees,
        Procurement2019,
        ProcurementTotals2019,
        ReconsiderationAndLitigation,
        Report,
        Report2019,
        Report2021,
        Sanctions2019,
        Sanctions2021,
        SignedCount,
        UnableToProvide,
        Unit,
        Withheld,
        blank_report,
        cell_values,
        format_version,
        format_versions,
        register_format_version,
        replace_cell,
        table_layout,
        version_of,
    )
    from disclosure_report.reading import NoteCode, ReadingNote, ReadResult, read
    from disclosure_report.rendering import render
    from disclosure_report.schema import json_schema
    from disclosure_report.serialize import from_dict, from_json, to_dict, to_json
    from disclosure_report.tidy import cell_records


__version__: str
"""The installed version of the distribution ``disclosure-report`` (from its metadata)."""

_LAZY: dict[str, str] = {
    name: module
    for module, names in {
        "disclosure_report.checks": (
            "RULES",
            "BlankPolicy",
            "Finding",
            "Rule",
            "Severity",
            "check",
        ),
        "disclosure_report.exceptions": (
            "DisclosureReportError",
            "InvalidReportError",
            "Problem",
            "UnknownFormatVersionError",
            "UnsupportedLocaleError",
        ),
        "disclosure_report.i18n": (
            "SUPPORTED_LOCALES",
            "translate",
        ),
        "disclosure_report.many": (
            "check_series",
            "sum_reports",
        ),
        "disclosure_report.model": (
            "APPLICANTS_HEADER",
            "BLANK",
            "FORMAT_DOCUMENTS",
            "FORMAT_NAMES",
            "FORMAT_VERSION_LABEL",
            "FORMAT_VERSIONS",
            "INFORMATION_HEADER",
            "LEVEL_LABELS",
            "MARK_LABELS",
            "MAX_COUNT",
            "NOT_APPLICABLE_SYMBOLS",
            "RECONCILIATION_NOTE",
            "REPORT_TITLE",
            "SECTION_TITLES",
            "TABLE_SECTIONS",
            "UNIT_LABELS",
            "ActiveDisclosure2019",
            "ActiveDisclosure2021",
            "AdministrativeLevel",
            "Amount",
            "AmountCell",
            "ApplicantCounts",
            "Applications",
            "Blank",
            "CaseOutcomes",
            "CellAddress",
            "CellKind",
            "CellSpec",
            "Count",
            "Decisions2021",
            "DocumentCounts2019",
            "DocumentCounts2021",
            "Documents2019",
            "Documents2021",
            "FeeAmount2021",
            "FeeItems2019",
            "Fees2019",
            "Fees2021",
            "FormatVersion",
            "ItemCounts2019",
            "Label",
            "Licensing2019",
            "Licensing2021",
            "Metadata",
            "NotApplicable",
            "NotHandled",
            "OtherHandling",
            "OtherMatters",
            "Outcomes",
            "ProcessingFees",
            "Procurement2019",
            "ProcurementTotals2019",
            "ReconsiderationAndLitigation",
            "Report",
            "Report2019",
            "Report2021",
            "Sanctions2019",
            "Sanctions2021",
            "SignedCount",
            "UnableToProvide",
            "Unit",
            "Withheld",
            "blank_report",
            "cell_values",
            "format_version",
            "format_versions",
            "register_format_version",
            "replace_cell",
            "table_layout",
            "version_of",
        ),
        "disclosure_report.reading": (
            "NoteCode",
            "ReadingNote",
            "ReadResult",
            "read",
        ),
        "disclosure_report.rendering": ("render",),
        "disclosure_report.schema": ("json_schema",),
        "disclosure_report.serialize": (
            "from_dict",
            "from_json",
            "to_dict",
            "to_json",
        ),
        "disclosure_report.tidy": ("cell_records",),
    }.items()
    for name in names
}
"""Each public name, and the module it is imported from on first use."""


def __getattr__(name: str) -> object:
    if name == "__version__":
        value: object = _version()
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # Looked up once.
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("disclosure-report")
    except PackageNotFoundError:  # Imported from a source tree that was never installed.
        return "0.0.0"


__all__ = [
    "APPLICANTS_HEADER",
    "BLANK",
    "FORMAT_DOCUMENTS",
    "FORMAT_NAMES",
    "FORMAT_VERSIONS",
    "FORMAT_VERSION_LABEL",
    "INFORMATION_HEADER",
    "LEVEL_LABELS",
    "MARK_LABELS",
    "MAX_COUNT",
    "NOT_APPLICABLE_SYMBOLS",
    "RECONCILIATION_NOTE",
    "REPORT_TITLE",
    "RULES",
    "SECTION_TITLES",
    "SUPPORTED_LOCALES",
    "TABLE_SECTIONS",
    "UNIT_LABELS",
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "AdministrativeLevel",
    "Amount",
    "AmountCell",
    "ApplicantCounts",
    "Applications",
    "Blank",
    "BlankPolicy",
    "CaseOutcomes",
    "CellAddress",
    "CellKind",
    "CellSpec",
    "Count",
    "Decisions2021",
    "DisclosureReportError",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "Documents2019",
    "Documents2021",
    "FeeAmount2021",
    "FeeItems2019",
    "Fees2019",
    "Fees2021",
    "Finding",
    "FormatVersion",
    "InvalidReportError",
    "ItemCounts2019",
    "Label",
    "Licensing2019",
    "Licensing2021",
    "Metadata",
    "NotApplicable",
    "NotHandled",
    "NoteCode",
    "OtherHandling",
    "OtherMatters",
    "Outcomes",
    "Problem",
    "ProcessingFees",
    "Procurement2019",
    "ProcurementTotals2019",
    "ReadResult",
    "ReadingNote",
    "ReconsiderationAndLitigation",
    "Report",
    "Report2019",
    "Report2021",
    "Rule",
    "Sanctions2019",
    "Sanctions2021",
    "Severity",
    "SignedCount",
    "UnableToProvide",
    "Unit",
    "UnknownFormatVersionError",
    "UnsupportedLocaleError",
    "Withheld",
    "blank_report",
    "cell_records",
    "cell_values",
    "check",
    "check_series",
    "format_version",
    "format_versions",
    "from_dict",
    "from_json",
    "json_schema",
    "read",
    "register_format_version",
    "render",
    "replace_cell",
    "sum_reports",
    "table_layout",
    "to_dict",
    "to_json",
    "translate",
    "version_of",
]
