"""The typed model of the annual report, in both format versions.

The classes here are the single source of truth for the format: every section, table, row and
column, with its label in field metadata. See :mod:`disclosure_report` for the public names.
"""

from __future__ import annotations

import attrs

from disclosure_report.model import (
    _applications,
    _cells,
    _disclosure,
    _layout,
    _litigation,
    _metadata,
    _narrative,
    _report,
)
from disclosure_report.model._applications import (
    ApplicantCounts,
    Applications,
    NotHandled,
    OtherHandling,
    Outcomes,
    UnableToProvide,
    Withheld,
)
from disclosure_report.model._cells import (
    BLANK,
    MAX_COUNT,
    NOT_APPLICABLE_SYMBOLS,
    Amount,
    AmountCell,
    Blank,
    Count,
    NotApplicable,
    SignedCount,
    Unit,
    is_amount,
    is_count,
    is_signed_count,
)
from disclosure_report.model._disclosure import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Decisions2021,
    DocumentCounts2019,
    DocumentCounts2021,
    Documents2019,
    Documents2021,
    FeeAmount2021,
    FeeItems2019,
    Fees2019,
    Fees2021,
    ItemCounts2019,
    Licensing2019,
    Licensing2021,
    Procurement2019,
    ProcurementTotals2019,
    Sanctions2019,
    Sanctions2021,
)
from disclosure_report.model._edit import blank_report, replace_cell
from disclosure_report.model._fields import IsPart, is_part, label_of, meta
from disclosure_report.model._headers import (
    APPLICANTS_HEADER,
    FORMAT_VERSION_LABEL,
    INFORMATION_HEADER,
    MARK_LABELS,
    RECONCILIATION_NOTE,
    REPORT_TITLE,
    REPORT_TITLE_WITHOUT_AGENCY,
    UNIT_LABELS,
)
from disclosure_report.model._labels import NC_, Label
from disclosure_report.model._layout import (
    TABLE_SECTIONS,
    CellAddress,
    CellKind,
    CellSpec,
    cell_kind,
    cell_values,
    table_layout,
    version_id_of,
)
from disclosure_report.model._litigation import (
    CaseOutcomes,
    ReconsiderationAndLitigation,
)
from disclosure_report.model._metadata import (
    FIRST_YEAR,
    LAST_YEAR,
    LEVEL_LABELS,
    TEXT_EXPECTED,
    AdministrativeLevel,
    Metadata,
    lone_surrogate_at,
)
from disclosure_report.model._narrative import OtherMatters, ProcessingFees
from disclosure_report.model._report import (
    SECTION_TITLES,
    Report,
    Report2019,
    Report2021,
    ReportMethods,
)
from disclosure_report.model._types import attrs_class, optional_of, substitute
from disclosure_report.model._versions import (
    FORMAT_DOCUMENTS,
    FORMAT_NAMES,
    FORMAT_VERSIONS,
    FormatVersion,
    format_version,
    format_versions,
    register_format_version,
    registered_format_version,
    report_class_of,
    unregister_format_version,
    version_of,
)


def _resolve_types() -> None:
    """Turn the string annotations of every model class into types, once, at import."""
    modules = (
        _applications,
        _cells,
        _disclosure,
        _litigation,
        _metadata,
        _narrative,
        _report,
        _layout,
    )
    for module in modules:
        for obj in list(vars(module).values()):
            if isinstance(obj, type) and attrs.has(obj) and obj.__module__ == module.__name__:
                attrs.resolve_types(obj, globalns=vars(module))


_resolve_types()

__all__ = [
    "APPLICANTS_HEADER",
    "BLANK",
    "FIRST_YEAR",
    "FORMAT_DOCUMENTS",
    "FORMAT_NAMES",
    "FORMAT_VERSIONS",
    "FORMAT_VERSION_LABEL",
    "INFORMATION_HEADER",
    "LAST_YEAR",
    "LEVEL_LABELS",
    "MARK_LABELS",
    "MAX_COUNT",
    "NC_",
    "NOT_APPLICABLE_SYMBOLS",
    "RECONCILIATION_NOTE",
    "REPORT_TITLE",
    "REPORT_TITLE_WITHOUT_AGENCY",
    "SECTION_TITLES",
    "TABLE_SECTIONS",
    "TEXT_EXPECTED",
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
    "IsPart",
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
    "ReportMethods",
    "Sanctions2019",
    "Sanctions2021",
    "SignedCount",
    "UnableToProvide",
    "Unit",
    "Withheld",
    "attrs_class",
    "blank_report",
    "cell_kind",
    "cell_values",
    "format_version",
    "format_versions",
    "is_amount",
    "is_count",
    "is_part",
    "is_signed_count",
    "label_of",
    "lone_surrogate_at",
    "meta",
    "optional_of",
    "register_format_version",
    "registered_format_version",
    "replace_cell",
    "report_class_of",
    "substitute",
    "table_layout",
    "unregister_format_version",
    "version_id_of",
    "version_of",
]
