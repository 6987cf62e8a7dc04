"""Section 六's record of the information-processing fees, read back from the lines that state it.

The model keeps the fees as data (:class:`~disclosure_report.ProcessingFees`), and the renderers
print them as the section's last lines, each a label and a value (``收取信息处理费金额：0元``,
``收取信息处理费的申请件数：3``). The labels are the model's own, in any catalog language; a
Markdown list's ``-`` is allowed. Only lines at the very end of the section are taken, and only
when every such line reads: otherwise the section's text stays as printed, untouched.
"""

from __future__ import annotations

import functools
import re

from typing import Any, Final

import attrs

from disclosure_report.i18n import translate
from disclosure_report.model import UNIT_LABELS, ProcessingFees, Unit, label_of
from disclosure_report.reading._values import classify


__all__ = ["split_fees"]

_LOCALES: Final = ("zh_Hans", "zh_Hant", "en")
_LINE: Final = re.compile(r"(?:[-*]\s+)?(?P<label>[^:：]{1,60})\s*[:：]\s*(?P<value>.{1,80})")
_UNITS: Final = frozenset({None, *(unit.value for unit in Unit)})
"""The units an amount may be printed in (or none)."""
_EN_UNIT: Final = re.compile(r"(?P<number>\S+)\s+\((?P<unit>[^()]{1,20})\)")


@functools.cache
def _labels() -> dict[str, str]:
    """Each fee field's label in every catalog language, to the field's name."""
    labels: dict[str, str] = {}
    for field in attrs.fields(ProcessingFees):
        for locale in _LOCALES:
            labels[translate(label_of(field), locale)] = field.name
    return labels


@functools.cache
def _units() -> dict[str, str]:
    """The units as printed in every catalog language, to the unit's value (``元``)."""
    return {
        translate(label, locale): unit.value
        for unit, label in UNIT_LABELS.items()
        for locale in _LOCALES
    }


def split_fees(text: str) -> tuple[str, dict[str, Any] | None]:
    """*text* without the fee lines that end it, and the fees they state (as the interchange
    format's dict), or *text* unchanged and ``None`` when it does not end with fee lines that
    all read, the amount among them."""
    lines = text.split("\n")
    found: dict[str, Any] = {}
    end = len(lines)
    while end > 0:
        match = _LINE.fullmatch(lines[end - 1].strip())
        name = None if match is None else _labels().get(match.group("label").strip())
        if match is None or name is None or name in found:
            break
        value = _amount(match.group("value")) if name == "amount" else _count(match.group("value"))
        if value is None:
            return text, None
        found[name] = value
        end -= 1
    if "amount" not in found:
        return text, None
    return "\n".join(lines[:end]), found


def _amount(printed: str) -> dict[str, Any] | None:
    printed = printed.strip()
    english = _EN_UNIT.fullmatch(printed)
    if english is not None:
        unit = _units().get(english.group("unit"))
        if unit is None:
            return None
        printed = english.group("number") + unit
    value = classify(printed)
    if value.kind != "number" or value.number is None or value.unit not in _UNITS:
        return None
    return {"value": format(value.number, "f"), "unit": value.unit}


def _count(printed: str) -> int | None:
    value = classify(printed.strip())
    if value.kind != "number" or value.number is None or value.unit is not None:
        return None
    count = int(value.number)
    return count if count == value.number and count >= 0 else None
