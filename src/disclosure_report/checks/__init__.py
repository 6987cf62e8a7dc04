"""The balance rules (勾稽关系) of the format, and its guidance, checked on one report.

:func:`check` (also ``report.check()``) returns a :class:`Finding` for every rule that the
report breaks: its rule id, severity, cells, expected and actual values, the operands that were
blank or not applicable, and a message in any supported locale. :data:`RULES` lists every rule
with its formula and its :class:`BlankPolicy`; ``docs/rules.md`` documents them. Checks judge and
never correct: a total that does not add up is reported as printed.
"""

from __future__ import annotations

from disclosure_report.checks._finding import Finding
from disclosure_report.checks._report import check
from disclosure_report.checks._rules import RULES, BlankPolicy, Rule, Severity


__all__ = ["RULES", "BlankPolicy", "Finding", "Rule", "Severity", "check"]
