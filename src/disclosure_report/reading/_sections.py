"""Section headings, the narrative text of each section, and the report's agency and year.

A heading is a line of its own that starts with the section's numeral and names the section:
``四、政府信息公开行政复议、行政诉讼情况`` is the heading of section 四, while the table-三 row
``四、结转下年度继续办理`` is not (it names no reconsideration or litigation), and ``三是…`` in a
narrative is no heading at all.

The headings and the title as the other catalogs word them (``I. Overview``, ``Annual report on
open government information work of … for 2023``) are read too, as the model's own labels
(:data:`~disclosure_report.model.SECTION_TITLES`, :data:`~disclosure_report.model.REPORT_TITLE`)
translated: so the library's English renderings read back.
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from typing import Final

import attrs

from disclosure_report.i18n import translate
from disclosure_report.model import REPORT_TITLE, REPORT_TITLE_WITHOUT_AGENCY, SECTION_TITLES
from disclosure_report.reading._compact import firsts
from disclosure_report.reading._normalize import TRANSLATED_LOCALES, fold, heading_key
from disclosure_report.reading._source_layout import Row


__all__ = [
    "SECTION_HEADINGS",
    "Metadata",
    "Sections",
    "find_metadata",
    "find_sections",
    "row_text",
]

SECTION_HEADINGS = (
    re.compile(r"^一[、.,:]?总体情况"),
    re.compile(r"^二[、.,:]?(?:行政机关)?主动公开"),
    re.compile(r"^三[、.,:]?(?:行政机关)?(?:收到和处理|收到|处理).{0,12}申请"),
    re.compile(r"^四[、.,:]?.{0,30}(?:复议|诉讼)"),
    re.compile(r"^五[、.,:]?.{0,20}(?:问题|改进)"),
    re.compile(r"^六[、.,:]?.{0,10}(?:其他|事项)"),
)
_MAX_HEADING = 60
_TRANSLATED_HEADINGS: Final = {
    heading_key(translate(label, locale)): section
    for section, label in enumerate(SECTION_TITLES.values())
    for locale in TRANSLATED_LOCALES
}
"""The section headings as the other catalogs word them (:func:`heading_key`), by index."""
_TRANSLATED_FIRST: Final = "".join(
    sorted({c for key in _TRANSLATED_HEADINGS for c in (key[0], key[0].upper())})
)
"""The characters that a translated heading starts with (``I`` and ``V``, either case)."""
_HEADING_START = re.compile(rf"[\s#*\u3000]*[一二三四五六{re.escape(_TRANSLATED_FIRST)}]")
_MAX_AGENCY = 40
_MAX_TITLE = 300  # a longer line is no title; only its start may hold one
_MAX_PARAGRAPH = 2000
_OPENING_ROWS = 40
# Lines of a site page that follow the report: links, sharing, printing, the site's footer.
_FOOTER = re.compile(
    r"^(?:附件|相关附件|附件下载|扫一扫|分享到|相关链接|打印|【打印|关闭|【关闭|上一篇|下一篇|责任编辑|"
    r"版权所有|主办单位|网站标识码|友情链接|返回顶部|我要纠错|政务服务)"
)
_TITLE = re.compile(
    r"(?P<before>[^《》]{0,60}?)(?P<year>(?:19|20)\d{2})年度?(?P<after>[^《》]{0,40}?(?:人民政府)?)"
    r"(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度报告|年报)"
)
"""A report's title. An agency after the year keeps the 人民政府 that ends its name, though the
title does not print the 政府 of 政府信息公开 again: 人民 alone names no agency."""


def _title_pattern(template: str) -> re.Pattern[str]:
    """A title template of a catalog (``… of {agency} for {year}``) as a pattern."""
    pattern = re.escape(" ".join(template.split()))
    for name, group in (("agency", r"(?P<agency>.+)"), ("year", r"(?P<year>\d{4})")):
        pattern = pattern.replace(re.escape("{" + name + "}"), group)
    return re.compile(pattern, re.IGNORECASE)


_TRANSLATED_TITLES: Final = tuple(
    _title_pattern(translate(label, locale))
    for locale in TRANSLATED_LOCALES
    for label in (REPORT_TITLE, REPORT_TITLE_WITHOUT_AGENCY)
)
"""The report's title as the other catalogs word it, with and without the agency."""
_PERIOD = re.compile(
    r"(?P<year>(?:19|20)\d{2})年1月1日(?:起)?(?:至|到|-|—)(?:(?P=year)年)?12月31日"
)
_SITE_SUFFIX = re.compile(r"[_|\uff5c\-—]+[^_|\uff5c]*$")
_AGENCY_JUNK = re.compile(r"^[#>\s《“\"]+|[》”\"：:\s]+$|^关于")
_CLAUSE = re.compile(r"[,.:;!?。，：；、)）]")
_VERB = re.compile(r"^(?:现将|现予|现|特|特此|予以|向社会)?(?:公布|发布|公开|编制|印发)?")


@attrs.frozen
class Sections:
    """Where each section starts.

    Attributes:
        starts: For sections 一 … 六 (index 0 … 5), the index of the heading's row, or ``None``.
        end: The index of the first row after the report (a site's footer), or ``len(rows)``.
    """

    starts: tuple[int | None, ...]
    end: int

    def region(self, section: int, count: int) -> tuple[int, int]:
        """Rows ``[start, stop)`` of *section* (1-based): from its heading (or the end of the
        previous section found) to the next heading found (or the end)."""
        start = self.starts[section - 1]
        if start is None:
            previous = [s for s in self.starts[: section - 1] if s is not None]
            start = max(previous) + 1 if previous else 0
        later = [s for s in self.starts[section:] if s is not None and s > start]
        stop = min(later) if later else (self.end if section == len(self.starts) else count)
        return start, stop


@attrs.frozen
class Metadata:
    """What the title and the opening text say about the report."""

    agency: str | None
    year: int | None


def row_text(row: Row) -> str:
    """The text of a row: its non-empty cells joined by spaces."""
    return " ".join(c.text for c in row.cells if c.text)


def find_sections(rows: Sequence[Row]) -> Sections:
    """Find the six section headings, in order."""
    starts: list[int | None] = [None] * 6
    next_section = 0
    for index, row in firsts(rows):  # a repeated line is no heading where its first was none
        text = _heading_text(row)
        if text is None:
            continue
        translated = _TRANSLATED_HEADINGS.get(text.casefold())
        for section in range(next_section, 6):
            if section == translated or SECTION_HEADINGS[section].match(text):
                starts[section] = index
                next_section = section + 1
                break
    end = len(rows)
    if starts[5] is not None:
        after = starts[5] + 1
        for index, row in firsts(rows[after:]):
            if _FOOTER.match(fold(row_text(row))[:12]):
                end = after + index
                break
    return Sections(tuple(starts), end)


def find_metadata(rows: Sequence[Row], title: str | None, opening_end: int) -> Metadata:
    """Find the agency and the year in the HTML *title* and the rows before section 一."""
    limit = min(opening_end or len(rows), _OPENING_ROWS)
    candidates: list[tuple[str, str | None]] = []
    if title:
        candidates.append((_SITE_SUFFIX.sub("", title) or title, None))
    previous: str | None = None
    for row in rows[:limit]:
        text = row_text(row)
        candidates.append((text, previous))
        previous = text
    agency, year = _from_titles(candidates)
    if year is None:
        for row in rows[: max(limit, 2 * _OPENING_ROWS)]:
            folded = fold(row_text(row)[:_MAX_PARAGRAPH])
            match = _PERIOD.search(folded) if "12月31日" in folded else None
            if match:
                year = int(match.group("year"))
                break
    return Metadata(agency, year)


def _from_titles(
    candidates: list[tuple[str, str | None]],
) -> tuple[str | None, int | None]:
    """The agency and year of the first lines that read like a report's title."""
    agency: str | None = None
    year: int | None = None
    for text, before in candidates:
        translated = _translated_title(text)
        if translated is not None:
            year = year or translated.year
            agency = agency or translated.agency
            if agency and year:
                break
            continue
        folded = fold(text[:_MAX_TITLE])
        match = (
            _TITLE.search(folded)
            if "年报" in folded or "年度报告" in folded  # what _TITLE ends with
            else None
        )
        if match is None:
            continue
        year = year or int(match.group("year"))
        name = _clean_agency(match.group("before")) or _clean_agency(match.group("after"))
        if not name and before is not None and len(fold(before)) <= _MAX_AGENCY:
            name = _clean_agency(fold(before))  # the agency on the line above the title
        agency = agency or name
        if agency and year:
            break
    return agency, year


def _translated_title(text: str) -> Metadata | None:
    """The agency and year of *text* when it is the title as another catalog words it."""
    if len(text) > _MAX_TITLE or " " not in text:  # every translated title has spaces
        return None
    line = " ".join(text.lstrip("#* ").split())
    for pattern in _TRANSLATED_TITLES:
        match = pattern.fullmatch(line)
        if match:
            agency = match.groupdict().get("agency")
            return Metadata(agency.strip() if agency else None, int(match.group("year")))
    return None


def _heading_text(row: Row) -> str | None:
    texts = [c.text for c in row.cells if c.text]
    if len(texts) != 1 or (row.table is not None and len(row.cells) > 1):
        return None
    if not _HEADING_START.match(texts[0]):
        return None
    folded = fold(texts[0])
    if len(folded) <= _MAX_HEADING or folded.casefold() in _TRANSLATED_HEADINGS:
        return folded
    return None


def _clean_agency(text: str) -> str | None:
    text = _VERB.sub("", _CLAUSE.split(text)[-1])
    text = _AGENCY_JUNK.sub("", text)
    if "《" in text or "根据" in text or "发布" in text or not 1 < len(text) <= _MAX_AGENCY:
        return None
    return text or None
