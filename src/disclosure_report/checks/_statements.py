"""Rule X5: the numbers that the overview states about the tables, against the tables.

Section 一 often restates table figures in words: ``共收到政府信息公开申请15件，办结13件，结转下年度
2件``; ``发生行政复议1起``; ``未发生政府信息公开行政诉讼``; ``现行有效规范性文件22件``. Each such
statement is compared with its cell (or, for litigation, the sum of both kinds of suit); a
mismatch is a warning that quotes the sentence. Real reports contradict their tables this way.

Only unambiguous statements are read, sentence by sentence, so that a finding is worth a look:

* a sentence that names a year other than the report's (``较2022年``) is skipped: it compares;
* a count of applications that includes those carried over (``（含上年结转2件）``) is skipped;
* a statement is compared only when its cells hold numbers (blank or not applicable: skipped);
* the applications "received" (受理) may include those carried over from the previous year:
  both readings are accepted.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from collections.abc import Callable, Iterator
from typing import Final

import attrs

from disclosure_report.checks._finding import Finding
from disclosure_report.checks._rules import Rule
from disclosure_report.model import CellAddress, FormatVersion, Report, format_version


__all__ = ["Statement", "check_statements", "statements", "statements_of"]

_NUM: Final = r"(?P<n>\d{1,7}|[零\u3007一二两三四五六七八九十]{1,3})"
_GAP: Final = r"[^,;。:!?\d、]"
_UNIT: Final = r"\s*(?:件|个|宗|条|份|起|次|部)"
_NEGATION: Final = r"(?:未|没有|无)(?:发生|收到|出现|产生|涉及|接到|被提起|受理)?"
_SENTENCE: Final = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
_OTHER_YEAR: Final = re.compile(r"((?:19|20)\d{2})\s*年")
_KEYWORDS: Final = ("申请", "办结", "结转", "复议", "诉讼", "现行有效")
_MAX_QUOTE: Final = 200

_RECEIVED: Final = (CellAddress(3, "new_received", "total"),)
_CARRIED_OVER: Final = (CellAddress(3, "carried_over", "total"),)
_HANDLED: Final = (CellAddress(3, "outcomes.total", "total"),)
_CARRIED_FORWARD: Final = (CellAddress(3, "carried_forward", "total"),)
_RECONSIDERATION: Final = (CellAddress(4, "reconsideration", "total"),)
_LITIGATION: Final = (
    CellAddress(4, "litigation_direct", "total"),
    CellAddress(4, "litigation_after_reconsideration", "total"),
)
_RULES_IN_FORCE: Final = (CellAddress(2, "article_20_1.rules", "in_force"),)
_DOCUMENTS_IN_FORCE: Final = (CellAddress(2, "article_20_1.normative_documents", "in_force"),)


class _Pattern:
    """A statement's regular expression, compiled on its first search.

    Compiling all of them costs a run of the command line some 6 ms, and an overview needs few:
    the regular expression of a pattern can only match a sentence that holds one of the words
    in :attr:`needs`, and a sentence that holds none is not searched.
    """

    __slots__ = ("_compiled", "also", "cells", "excluded", "needs", "source")

    def __init__(
        self,
        cells: tuple[CellAddress, ...],
        source: str,
        needs: tuple[str, ...],
        excluded: tuple[str, ...] = (),
        also: tuple[CellAddress, ...] = (),
    ) -> None:
        self.cells = cells
        self.source = source
        self.needs = needs
        self.excluded = excluded
        self.also = also
        self._compiled: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled regular expression."""
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def search(self, folded: str) -> re.Match[str] | None:
        """The first match in *folded*; a sentence without any of :attr:`needs` is not searched."""
        for word in self.needs:
            if word in folded:
                return self.regex.search(folded)
        return None


def _p(
    cells: tuple[CellAddress, ...],
    pattern: str,
    excluded: tuple[str, ...] = (),
    *,
    needs: tuple[str, ...],
    also: tuple[CellAddress, ...] = (),
) -> _Pattern:
    return _Pattern(cells, pattern, needs, excluded, also)


_CARRY_FORWARD: Final = ("结转", "转入")
"""The words of which every way of saying "carried forward to next year" holds one."""

_PATTERNS: Final = (
    _p(
        _RECEIVED,
        rf"(?:收到|受理|新收|接收|接到){_GAP}{{0,15}}?申请{_GAP}{{0,4}}?{_NUM}{_UNIT}"
        r"(?![^,;。]{0,3}(?:含|其中))",
        ("结转", "咨询", "复议", "诉讼"),
        needs=("申请",),
        also=_CARRIED_OVER,
    ),
    _p(
        _RECEIVED,
        rf"(?:未|没有)(?:收到|受理|接到){_GAP}{{0,12}}?申请",
        ("复议", "诉讼"),
        needs=("申请",),
        also=_CARRIED_OVER,
    ),
    _p(_HANDLED, rf"办结(?!率){_GAP}{{0,10}}?{_NUM}{_UNIT}", ("结转", "率"), needs=("办结",)),
    _p(
        _CARRIED_FORWARD,
        rf"(?:结转(?:至|到)?下一?年度?|转入下一?年度?){_GAP}{{0,10}}?{_NUM}{_UNIT}",
        needs=_CARRY_FORWARD,
    ),
    _p(
        _CARRIED_FORWARD,
        rf"{_NUM}{_UNIT}{_GAP}{{0,6}}?(?:结转(?:至|到)?下一?年度?|转入下一?年度?)",
        needs=_CARRY_FORWARD,
    ),
    _p(_CARRIED_OVER, rf"上一?年度?结转{_GAP}{{0,10}}?{_NUM}{_UNIT}", needs=("结转",)),
    _p(
        _RECONSIDERATION,
        rf"行政复议(?:案件|申请)?(?:共|共计|合计)?{_NUM}{_UNIT}",
        needs=("行政复议",),
    ),
    _p(
        _RECONSIDERATION,
        rf"{_NUM}{_UNIT}{_GAP}{{0,12}}?行政复议",
        ("诉讼",),
        needs=("行政复议",),
    ),
    _p(
        _LITIGATION,
        rf"行政诉讼(?:案件)?(?:共|共计|合计)?{_NUM}{_UNIT}",
        needs=("行政诉讼",),
    ),
    _p(
        _LITIGATION,
        rf"{_NUM}{_UNIT}{_GAP}{{0,12}}?行政诉讼",
        ("复议",),
        needs=("行政诉讼",),
    ),
    _p(
        _RECONSIDERATION,
        rf"{_NEGATION}{_GAP}{{0,16}}?行政复议",
        needs=("行政复议",),
    ),
    _p(
        _LITIGATION,
        rf"{_NEGATION}{_GAP}{{0,16}}?(?:行政复议[、和及与或])?行政诉讼",
        needs=("行政诉讼",),
    ),
    _p(
        _DOCUMENTS_IN_FORCE,
        rf"现行有效的?(?:行政)?规范性文件{_GAP}{{0,6}}?{_NUM}{_UNIT}",
        needs=("现行有效",),
    ),
    _p(
        _RULES_IN_FORCE,
        rf"现行有效的?(?:部门|政府)?规章{_GAP}{{0,6}}?{_NUM}{_UNIT}",
        ("规范性",),
        needs=("现行有效",),
    ),
)

_DIGITS: Final = {
    "零": 0, "\u3007": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_TEN: Final = 10


@attrs.frozen
class Statement:
    """A number that the overview states about the tables.

    Attributes:
        cells: The cells it speaks of (their sum, for litigation).
        value: The number stated (0 for ``未发生…``).
        sentence: The sentence, as printed.
        also: Cells that the number may include besides :attr:`cells` (applications
            "received" may count those carried over): the sum with them matches too.
    """

    cells: tuple[CellAddress, ...]
    value: int
    sentence: str
    also: tuple[CellAddress, ...] = ()


@functools.cache
def _patterns_of(version: FormatVersion) -> tuple[_Pattern, ...]:
    """The patterns whose cells the version's tables have (documents in force: 2021 on)."""
    cells = {spec.address for spec in version.table_layout()}
    return tuple(p for p in _PATTERNS if cells.issuperset((*p.cells, *p.also)))


def statements(text: str, year: int, *, version: str) -> Iterator[Statement]:
    """The statements about table figures in *text*, the overview of a report for *year* in the
    format version with id *version* (a statement about a cell the version lacks is not read).

    Raises:
        UnknownFormatVersionError: When *version* is not registered.
    """
    return _statements(text, year, _patterns_of(format_version(version)))


def _statements(text: str, year: int, patterns: tuple[_Pattern, ...]) -> Iterator[Statement]:
    if not any(word in text for word in _KEYWORDS):
        return
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        folded = unicodedata.normalize("NFKC", sentence)
        if not any(word in folded for word in _KEYWORDS):
            continue
        if any(int(y) != year for y in _OTHER_YEAR.findall(folded)):
            continue
        seen: set[tuple[CellAddress, ...]] = set()
        for pattern in patterns:
            if pattern.cells in seen:
                continue
            found = pattern.search(folded)
            if found is None or any(word in found.group() for word in pattern.excluded):
                continue
            number = found.groupdict().get("n")
            value = 0 if number is None else _number(number)
            if value is not None:
                seen.add(pattern.cells)
                yield Statement(pattern.cells, value, sentence[:_MAX_QUOTE], pattern.also)


_CACHED_TEXTS: Final = 4096
"""How many (overview, year, version) keys :func:`statements_of` keeps, least recently used out."""


@functools.lru_cache(maxsize=_CACHED_TEXTS)
def statements_of(text: str, year: int, version: FormatVersion) -> tuple[Statement, ...]:
    """:func:`statements` of *text*, *year* and *version*, worked out once and then remembered.

    Normalizing the overview and searching every sentence for statements is most of the work of
    :func:`~disclosure_report.checks.check`, and its result depends only on these three values.
    A report is frozen, so its overview, year and version never change: checking the same report
    again (or another report with the same overview, as when one is read twice) finds its
    statements here instead of reading the text again. The cache is keyed on the values
    themselves rather than attached to the report, which a frozen, slotted attrs class does not
    allow; strings cache their own hash, so a lookup costs no pass over the text. Only the
    :data:`_CACHED_TEXTS` most recently used keys are kept, so that checking many reports does
    not hold every overview.
    """
    return tuple(_statements(text, year, _patterns_of(version)))


def check_statements(report: Report, rule: Rule) -> tuple[Finding, ...]:
    """Rule X5: a warning for each overview statement that its table contradicts."""
    findings: list[Finding] = []
    reported: set[tuple[tuple[CellAddress, ...], int]] = set()
    version = format_version(rule.version)
    for statement in statements_of(report.overview, report.metadata.year, version):
        table = _table_value(report, statement.cells)
        key = (statement.cells, statement.value)
        if table is None or table == statement.value or key in reported:
            continue
        if statement.also:
            wider = _table_value(report, statement.cells + statement.also)
            if wider == statement.value:
                continue
        reported.add(key)
        findings.append(
            Finding(
                rule=rule.id,
                severity=rule.severity,
                cells=statement.cells,
                expected=table,
                actual=statement.value,
                quote=statement.sentence,
            )
        )
    return tuple(findings)


_SECTIONS: Final[dict[int, Callable[[Report], object]]] = {
    2: lambda r: r.active_disclosure,
    3: lambda r: r.applications,
    4: lambda r: r.reconsideration_and_litigation,
}


def _table_value(report: Report, cells: tuple[CellAddress, ...]) -> int | None:
    total = 0
    for cell in cells:
        value: object = _SECTIONS[cell.table](report)
        for name in (*cell.row.split("."), cell.column):
            value = getattr(value, name)
        if type(value) is not int:
            return None
        total += value
    return total


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in _DIGITS:
        return _DIGITS[text]
    tens, ten, units = text.partition("十")
    if not ten or (tens and tens not in _DIGITS) or (units and units not in _DIGITS):
        return None
    return (_DIGITS[tens] if tens else 1) * _TEN + (_DIGITS[units] if units else 0)
