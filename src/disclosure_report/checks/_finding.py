"""A finding: one rule that a report breaks, where, and by how much."""

from __future__ import annotations

import functools

from decimal import Decimal
from typing import Literal

import attrs

from disclosure_report.checks._rules import (
    AT_LEAST,
    ROW_IN_GROUP,
    Severity,
    rule_by_id,
)
from disclosure_report.i18n import translate
from disclosure_report.model import (
    SECTION_TITLES,
    CellAddress,
    CellSpec,
    FormatVersion,
    format_version,
)


__all__ = ["Finding"]


@attrs.frozen(kw_only=True)
class Finding:
    """A rule that a report breaks, or a warning about it.

    Attributes:
        rule: The id of the rule (see :data:`~disclosure_report.checks.RULES`).
        severity: ``error`` or ``warning``.
        cells: Every cell involved: the checked total first for a rule of the form
            ``total = sum of parts`` (then the parts in printed order), the formula's order for
            the others. Empty for guidance on narrative sections.
        expected: What the rule expects: the sum of the parts, the left side of F1, or the
            bound of an inequality. For guidance, the limit (or ``None``).
        actual: What the report has: the total as printed, the right side of F1, or the value
            the inequality bounds. For guidance, the measured value (or ``None``).
        unknown: The operands that were blank or not applicable, in the order of :attr:`cells`.
        at_least: Which of :attr:`expected` and :attr:`actual` is only a lower bound: the sum
            of the known operands of a side that also has unknown ones. ``None`` when both are
            exact.
        quote: For a rule on narrative text (X5), the sentence the finding is about, as printed;
            empty otherwise.
        years: For a finding across the reports of a series, the report year of each cell of
            :attr:`cells`, in the same order; empty for a finding on one report. The rules
            across years skip unknown operands, so :attr:`unknown` is then empty.
    """

    rule: str
    severity: Severity
    cells: tuple[CellAddress, ...]
    expected: int | Decimal | None
    actual: int | Decimal | None
    unknown: tuple[CellAddress, ...] = ()
    at_least: Literal["expected", "actual"] | None = None
    quote: str = ""
    years: tuple[int, ...] = ()

    def message(self, locale: str = "en") -> str:
        """The finding as a sentence in *locale*, with the labels of its row and column.

        Raises:
            UnsupportedLocaleError: For a locale without a catalog.
            UnknownFormatVersionError: When the rule's format version is not registered.
        """
        rule = rule_by_id(self.rule)
        values = {
            "expected": _number(self.expected, self.at_least == "expected", locale),
            "actual": _number(self.actual, self.at_least == "actual", locale),
            "section": translate(SECTION_TITLES[rule.section], locale),
        }
        if self.cells:
            spec = _specs(format_version(rule.version))[self.cells[0]]
            values["row"] = _row_name(spec, locale)
            values["column"] = translate(spec.column_label, locale)
            if len({c.row for c in self.cells}) > 1 and spec.row_groups:
                # cells of several rows of one group (X5: litigation): name the group
                values["row"] = translate(spec.row_groups[-1], locale)
        values["quote"] = self.quote
        if self.years:
            values["year"] = str(max(self.years))
            values["previous_year"] = str(min(self.years))
        return translate(rule.message, locale) % values


def _number(value: int | Decimal | None, at_least: bool, locale: str) -> str:
    text = "" if value is None else format(value, "f") if isinstance(value, Decimal) else str(value)
    if at_least:
        return translate(AT_LEAST, locale) % {"value": text}
    return text


def _row_name(spec: CellSpec, locale: str) -> str:
    row = translate(spec.row_label, locale)
    if not spec.row_groups:
        return row
    group = translate(spec.row_groups[-1], locale)
    return translate(ROW_IN_GROUP, locale) % {"group": group, "row": row}


@functools.cache
def _specs(version: FormatVersion) -> dict[CellAddress, CellSpec]:
    return {spec.address: spec for spec in version.table_layout()}
