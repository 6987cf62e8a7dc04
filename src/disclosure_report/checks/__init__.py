"""The balance rules (勾稽关系) of the format, and its guidance, checked on one report.

:func:`check` (also ``report.check()``) returns a :class:`Finding` for every rule that the
report breaks: its rule id, severity, cells, expected and actual values, the operands that were
blank or not applicable, and a message in any supported locale. :data:`RULES` lists every rule
with its formula and its :class:`BlankPolicy`; ``docs/rules.md`` documents them. Checks judge and
never correct: a total that does not add up is reported as printed.
"""

from __future__ import annotations

from disclosure_report.checks._applications import table3_plan
from disclosure_report.checks._finding import Finding
from disclosure_report.checks._litigation import table4_plan
from disclosure_report.checks._report import check, check_part
from disclosure_report.checks._rows import rows_with
from disclosure_report.checks._rules import (
    RULES,
    SERIES_RULES,
    BlankPolicy,
    Rule,
    Severity,
    all_rules,
    all_series_rules,
    rule_by_id,
    rules_of,
    series_rules_of,
    x1_rule,
)


__all__ = [
    "RULES",
    "SERIES_RULES",
    "BlankPolicy",
    "Finding",
    "Rule",
    "Severity",
    "all_rules",
    "all_series_rules",
    "check",
    "check_part",
    "rows_with",
    "rule_by_id",
    "rules_of",
    "series_rules_of",
    "table3_plan",
    "table4_plan",
    "x1_rule",
]
