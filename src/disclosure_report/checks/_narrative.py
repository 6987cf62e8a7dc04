"""The 2021 format's own guidance on sections 一 and 六, checked as warnings.

- ``2021.S1.LENGTH``: the overview should be "in principle no longer than 1,000 characters"
  (篇幅原则上不超过一千字). Measured as the number of characters that are not whitespace
  (:meth:`str.isspace`: spaces, line breaks, the ideographic space U+3000 …); punctuation, digits
  and Latin letters count one each. A warning when that number exceeds
  :data:`~disclosure_report.checks._rules.OVERVIEW_LIMIT`.
- ``2021.S6.FEES``: section 六 must report the information-processing fees (信息处理费). A
  warning when there is no :class:`~disclosure_report.ProcessingFees` record and the text
  mentions none of :data:`FEE_TERMS`; a report saying that no fees were collected mentions them.
"""

from __future__ import annotations

from typing import Final

from disclosure_report.checks._finding import Finding
from disclosure_report.checks._rules import OVERVIEW_LIMIT, Rule
from disclosure_report.model import Report


__all__ = ["FEE_TERMS", "check_other_matters", "check_overview", "visible_length"]

FEE_TERMS: Final = ("处理费", "處理費")
"""Words that show section 六 speaks of the fees: 处理费, which 信息处理费 contains, in simplified
and traditional characters."""
_SIMPLIFIED, _TRADITIONAL = FEE_TERMS


def visible_length(text: str) -> int:
    """The number of characters of *text* that are not whitespace."""
    return len("".join(text.split()))


def check_overview(report: Report, rule: Rule) -> tuple[Finding, ...]:
    """A warning when the overview is longer than the format's guidance."""
    text = report.overview
    if len(text) <= OVERVIEW_LIMIT:
        return ()
    length = visible_length(text)
    if length <= OVERVIEW_LIMIT:
        return ()
    return (
        Finding(
            rule=rule.id,
            severity=rule.severity,
            cells=(),
            expected=OVERVIEW_LIMIT,
            actual=length,
        ),
    )


def check_other_matters(report: Report, rule: Rule) -> tuple[Finding, ...]:
    """A warning when section 六 says nothing of the information-processing fees."""
    other = report.other_matters
    text = other.text
    if other.processing_fees is not None or _SIMPLIFIED in text or _TRADITIONAL in text:
        return ()
    return (
        Finding(
            rule=rule.id,
            severity=rule.severity,
            cells=(),
            expected=None,
            actual=None,
        ),
    )
