"""Labels that the official tables print but that no model field carries.

The model's fields label every row, column and group of rows. Rendering the tables as the national
template lays them out also needs the header cells above the columns (``信息内容``, the rule note
and ``申请人情况`` of table 3), the units of money cells, words for the two cell marks and the report's title. They are gettext labels like the fields' (see
:mod:`disclosure_report.i18n`), keyed here by what they name.
"""

from __future__ import annotations

from typing import Final, Literal

from disclosure_report.model._cells import Unit
from disclosure_report.model._labels import NC_, Label


__all__ = [
    "APPLICANTS_HEADER",
    "FORMAT_VERSION_LABEL",
    "INFORMATION_HEADER",
    "MARK_LABELS",
    "RECONCILIATION_NOTE",
    "REPORT_TITLE",
    "REPORT_TITLE_WITHOUT_AGENCY",
    "UNIT_LABELS",
]

INFORMATION_HEADER: Final = NC_("t2.header.information", "Category of information")
"""Table 2: the first header cell of every sub-table (``信息内容``), above the row labels."""

RECONCILIATION_NOTE: Final = NC_(
    "t3.header.reconciliation",
    "(Reconciliation for each column: item 1 plus item 2 equals item 3 plus item 4)",
)
"""Table 3: the top-left header cell, which states rule F1 of the format."""

APPLICANTS_HEADER: Final = NC_("t3.header.applicants", "Applicant type")
"""Table 3: the header spanning the seven applicant columns (``申请人情况``)."""

UNIT_LABELS: Final[dict[Unit, Label]] = {
    Unit.WAN_YUAN: NC_("unit.wan_yuan", "10,000 yuan"),
    Unit.YUAN: NC_("unit.yuan", "yuan"),
}
"""The units of money cells, for display next to an amount."""

FORMAT_VERSION_LABEL: Final = NC_("meta.format_version", "Format version")
"""The label of a report's ``format_version`` (a field without metadata of its own)."""

MARK_LABELS: Final[dict[Literal["blank", "not_applicable"], Label]] = {
    "blank": NC_("mark.blank", "Blank"),
    "not_applicable": NC_("mark.not_applicable", "Not applicable"),
}
"""Words for the two cell marks, keyed like the tidy records' ``mark``.

For legends and messages only: tables render a cell as it was published (empty, or the
not-applicable symbol as printed).
"""

REPORT_TITLE: Final = NC_(
    "report.title",
    "Annual report on open government information work of {agency} for {year}",
)
"""The report's title; format it with ``agency`` and ``year`` after translating (see
:func:`disclosure_report.i18n.report_title`)."""

REPORT_TITLE_WITHOUT_AGENCY: Final = NC_(
    "report.title.no_agency", "Annual report on open government information work for {year}"
)
"""The title of a report whose agency is not known: no gap where its name would stand."""
