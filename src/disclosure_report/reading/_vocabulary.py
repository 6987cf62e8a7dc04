"""The labels that the reader matches: the model's own, in the format's official wording.

Rows, columns and groups of rows come from :func:`~disclosure_report.table_layout` of the report
class of every registered format version (:func:`~disclosure_report.format_versions`), the header
cells that no field carries from :mod:`disclosure_report.model`, all in the official Chinese of
the notices (:func:`~disclosure_report.translate` to ``zh_Hans``; a label that no catalog has is
matched in its English). Every label is matched in the other catalog languages too: traditional
characters fold to simplified (:mod:`._normalize`), and the English catalog's wording
(``(1) Disclosed``, ``Natural persons``, ``Article 20, item (5)``) is an alias of the official
one, so that the library's own English renderings read back. Row and column keys are the model's
field paths (``article_20_1.rules``, ``outcomes.withheld.state_secret``, ``natural_persons`` …).

What the reader adds is its own knowledge of published reports: how a printed label is matched to
these (:class:`Matcher`, and the variants and normalisation of :mod:`._normalize`), how a
sub-table heading of table 2 or the caption of table 3 is recognised, and which labels tell the
format versions apart (:meth:`Vocabulary.votes`).

Nothing here names a version. :func:`version_labels` derives one version's labels on first use
and keeps them with its report class; :func:`vocabulary` gathers those of every registered
version and is derived again when the registry changes, so a version registered after import (a
plug-in, a test) is read like the built-in ones.
"""

from __future__ import annotations

import difflib
import functools
import re

from collections.abc import Callable, Iterable
from typing import Final, Literal, TypeVar

import attrs

from disclosure_report.i18n import translate
from disclosure_report.model import (
    APPLICANTS_HEADER,
    INFORMATION_HEADER,
    RECONCILIATION_NOTE,
    CellSpec,
    FormatVersion,
    Label,
    format_versions,
)
from disclosure_report.model import (
    CellKind as ModelCellKind,
)
from disclosure_report.reading._normalize import (
    TRANSLATED_LOCALES,
    Split,
    fold,
    heading_key,
    split_label,
)


__all__ = [
    "ColumnSpec",
    "Matcher",
    "RowSpec",
    "VersionLabels",
    "Vocabulary",
    "header_cores",
    "is_table3_caption",
    "version_labels",
    "vocabulary",
]

CellKind = Literal["count", "signed", "amount"]

_KINDS: Final[dict[ModelCellKind, CellKind]] = {
    ModelCellKind.COUNT: "count",
    ModelCellKind.SIGNED_COUNT: "signed",
    ModelCellKind.AMOUNT: "amount",
}
_LOCALE = "zh_Hans"
_T = TypeVar("_T")


@attrs.frozen(cache_hash=True)
class ColumnSpec:
    """A column of a table: its model key, official label and the kind of its cells."""

    key: str
    label: str
    kind: CellKind = "count"


@attrs.frozen(cache_hash=True)
class RowSpec:
    """A row of a table.

    Attributes:
        key: The model path of the row (``outcomes.withheld.state_secret``).
        label: The official label.
        columns: The row's columns; empty for a group label that spans rows and has no cells.
        needs_number: The core alone is ambiguous (``其他``, ``总计`` are also column headers):
            the item number must match too.
        aliases: The cores of the label in the other catalog languages (English), matched as
            the official core is.
    """

    key: str
    label: str
    columns: tuple[ColumnSpec, ...]
    needs_number: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def split(self) -> Split:
        return split_label(self.label)

    @property
    def is_group(self) -> bool:
        return not self.columns


def _zh(label: Label) -> str:
    return translate(label, _LOCALE)


def _wordings(label: Label) -> tuple[str, ...]:
    """*label* in the official wording, then in the other catalogs that word it otherwise."""
    official = _zh(label)
    return tuple(
        dict.fromkeys((official, *(translate(label, locale) for locale in TRANSLATED_LOCALES)))
    )


def _aliases(label: Label) -> tuple[str, ...]:
    """The cores of *label* in the other catalog languages that differ from the official one."""
    official = split_label(_zh(label)).core
    cores = (split_label(translate(label, locale)).core for locale in TRANSLATED_LOCALES)
    return tuple(dict.fromkeys(core for core in cores if core and core != official))


def header_cores(labels: Iterable[str]) -> frozenset[str]:
    """The cores of header *labels*, for :attr:`Matcher.headers`."""
    return frozenset(split_label(label).core for label in labels)


def _label_cores(labels: Iterable[Label]) -> frozenset[str]:
    """The cores of *labels* in every catalog language."""
    return header_cores(wording for label in labels for wording in _wordings(label))


_TABLE3 = 3
_TABLE4 = 4
_ITEM = re.compile(r"\(([一二三四五六七八九十]{1,3})\)")


def _table_rows(cells: list[CellSpec], table: int) -> tuple[RowSpec, ...]:
    """The rows of *table* in printed order, from the model's *cells* of it.

    Table 3 prints its groups of rows (``三、本年度办理结果``, ``（三）不予公开`` …) as rows of
    their own, without cells: they become group rows, keyed by their part of the row path.
    (Table 2's groups are sub-table headings, found by :meth:`Vocabulary.article_heading`; table
    4's is a header.) A row whose label is also a column header of the table needs its item
    number to match.
    """
    columns = _label_cores(spec.column_label for spec in cells)
    by_row: dict[str, list[CellSpec]] = {}
    for spec in cells:
        by_row.setdefault(spec.address.row, []).append(spec)
    rows: list[RowSpec] = []
    groups: set[str] = set()
    for key, row in by_row.items():
        first = row[0]
        if table == _TABLE3:
            path = key.split(".")
            for depth, group in enumerate(first.row_groups):
                group_key = ".".join(path[: depth + 1])
                if group_key not in groups:
                    groups.add(group_key)
                    rows.append(RowSpec(group_key, _zh(group), (), aliases=_aliases(group)))
        label = _zh(first.row_label)
        aliases = _aliases(first.row_label)
        rows.append(
            RowSpec(
                key,
                label,
                tuple(
                    ColumnSpec(
                        spec.address.column,
                        _zh(spec.column_label),
                        _KINDS[spec.kind],
                    )
                    for spec in row
                ),
                needs_number=not columns.isdisjoint((split_label(label).core, *aliases)),
                aliases=aliases,
            )
        )
    return tuple(rows)


def _article_items(cells: list[CellSpec]) -> tuple[dict[str, int], dict[str, int]]:
    """The items of article 20 that table 2 has sub-tables for, by numeral
    (``第二十条第（五）项``: ``{"五": 5}``), and by their headings in the other catalog
    languages, folded (:func:`heading_key`; ``Article 20, item (5)``: ``article20,item(5)``)."""
    items: dict[str, int] = {}
    headings: dict[str, int] = {}
    for spec in cells:
        for group in spec.row_groups:
            match = _ITEM.search(fold(_zh(group)))
            number = split_label(match.group()).number if match else None
            if match and number is not None:
                items[match.group(1)] = number
                for wording in _wordings(group)[1:]:
                    headings[heading_key(wording)] = number
    return items, headings


@attrs.frozen(eq=False)
class VersionLabels:
    """What the reader matches for one format version, from its report class.

    Attributes:
        version: The format version.
        table2: Table 2 (section 二): the rows in printed order, with their columns.
        table3: Table 3 (section 三): rows in printed order; group labels have no columns.
        table4: Table 4 (section 四): its rows, each with its columns (printed as one row).
        table2_columns: The cores of table 2's column headers.
        table3_headers: Header cells of table 3: the applicant columns and their group.
        table4_headers: Labels printed in the header of table 4: its rows, their group
            (``行政诉讼``) and its columns.
        amount_headers: The cores of the money columns' headers (``本年收费金额``).
        row_cores: The cores of the row and group labels of tables 2 and 3 (those that need
            no item number to match).
        article_items: The items of article 20 with a sub-table in table 2, by numeral.
        article_headings: The same items by their headings in the other catalog languages
            (:func:`heading_key` of ``Article 20, item (5)``).

    Every label is here in each catalog language (:data:`TRANSLATED_LOCALES`) besides the
    official one.
    """

    version: FormatVersion
    table2: tuple[RowSpec, ...]
    table3: tuple[RowSpec, ...]
    table4: tuple[RowSpec, ...]
    table2_columns: frozenset[str]
    table3_headers: tuple[str, ...]
    table4_headers: tuple[str, ...]
    amount_headers: frozenset[str]
    row_cores: frozenset[str]
    article_items: dict[str, int]
    article_headings: dict[str, int] = attrs.field(factory=dict)


_VERSION_LABELS: dict[type, VersionLabels] = {}


def version_labels(version: FormatVersion) -> VersionLabels:
    """The labels of *version*, derived from its report class on first use, then kept."""
    found = _VERSION_LABELS.get(version.report_class)
    if found is None or found.version is not version:
        found = _VERSION_LABELS[version.report_class] = _derive(version)
    return found


def _derive(version: FormatVersion) -> VersionLabels:
    tables: dict[int, list[CellSpec]] = {2: [], 3: [], 4: []}
    for spec in version.table_layout():
        tables[spec.address.table].append(spec)
    table2 = _table_rows(tables[2], 2)
    table3 = _table_rows(tables[_TABLE3], _TABLE3)
    items, headings = _article_items(tables[2])
    return VersionLabels(
        version=version,
        table2=table2,
        table3=table3,
        table4=_table_rows(tables[_TABLE4], _TABLE4),
        table2_columns=_label_cores(spec.column_label for spec in tables[2]),
        table3_headers=tuple(
            dict.fromkeys(
                wording
                for spec in tables[_TABLE3]
                for label in (
                    spec.column_label,
                    *([spec.column_group] if spec.column_group else []),
                )
                for wording in _wordings(label)
            )
        ),
        table4_headers=tuple(
            dict.fromkeys(
                wording
                for spec in tables[_TABLE4]
                for label in (spec.row_label, *spec.row_groups, spec.column_label)
                for wording in _wordings(label)
            )
        ),
        amount_headers=_label_cores(
            spec.column_label for spec in tables[2] if spec.kind is ModelCellKind.AMOUNT
        ),
        row_cores=frozenset(
            core
            for spec in (*table2, *table3)
            if not spec.needs_number
            for core in (spec.split.core, *spec.aliases)
        ),
        article_items=items,
        article_headings=headings,
    )


INFORMATION_HEADERS: Final = _wordings(INFORMATION_HEADER)
"""The header printed above the row labels of every sub-table of table 2 (``信息内容``)."""

APPLICANTS_HEADERS: Final = _wordings(APPLICANTS_HEADER)
"""The header spanning the applicant columns of table 3 (``申请人情况``)."""

_CAPTIONS: Final = tuple(
    dict.fromkeys(("勾稽关系", *(heading_key(w) for w in _wordings(RECONCILIATION_NOTE)[1:])))
)
"""What the top-left cell of table 3 holds: the official caption's key word, and the caption
in the other catalog languages, folded (:func:`heading_key`)."""

_MAX_HEADING = 40
_CACHE = 4096
_MIN_PREFIX = 4  # a shorter fragment of a label is too ambiguous to match
_NEAR = 0.75  # how alike a misprinted label and the official one are, at least
_MAX_NEAR = 80


def _no_heading(_: str) -> int | None:
    return None


@attrs.frozen(eq=False)
class Vocabulary:
    """What the reader matches, for every registered format version (see :func:`vocabulary`).

    Attributes:
        versions: The registered format versions, oldest first.
        labels: The labels of each, by id.
        matchers: The matcher of tables 2 and 3 of each version, by table number and id.
        table4_matcher: The matcher of table 4's headers (of every version).
        table2_anchors: Cores that start table 2 when its heading is missing.
        table3_anchors: Cores that start table 3 when its heading is missing.
        table4_anchors: Cores of table 4's headers that table 3 does not print.
        amount_headers: The cores of every money column's header, sorted.
        article_heading: The item number of a sub-table heading of table 2 of any version
            (``第二十条第（五）项`` gives 5), ``None`` for other text.
        votes: The ids of the versions that a printed label belongs to and others do not.
    """

    versions: tuple[FormatVersion, ...]
    labels: dict[str, VersionLabels]
    matchers: dict[tuple[int, str], Matcher]
    table4_matcher: Matcher
    table2_anchors: frozenset[str]
    table3_anchors: frozenset[str]
    table4_anchors: frozenset[str]
    amount_headers: tuple[str, ...]
    article_heading: Callable[[str], int | None]
    votes: Callable[[str], tuple[str, ...]]

    def is_current(self, versions: tuple[FormatVersion, ...]) -> bool:
        """Whether this vocabulary was derived from exactly *versions*."""
        return len(versions) == len(self.versions) and all(
            a is b for a, b in zip(versions, self.versions, strict=True)
        )


_CURRENT: list[Vocabulary] = []


def vocabulary() -> Vocabulary:
    """The vocabulary of the registered format versions: derived on first use, and again
    whenever a version has been registered or unregistered since."""
    versions = format_versions()
    if _CURRENT and _CURRENT[0].is_current(versions):
        return _CURRENT[0]
    found = _gather(versions)
    _CURRENT[:] = [found]
    return found


def _held_by(sets: dict[str, frozenset[_T]]) -> dict[_T, frozenset[str]]:
    """For each element of some of *sets*, the ids of the sets that hold it, when not all do."""
    holders: dict[_T, set[str]] = {}
    for version, elements in sets.items():
        for element in elements:
            holders.setdefault(element, set()).add(version)
    return {e: frozenset(ids) for e, ids in holders.items() if len(ids) < len(sets)}


def _gather(versions: tuple[FormatVersion, ...]) -> Vocabulary:
    labels = {v.id: version_labels(v) for v in versions}
    every = tuple(labels.values())
    numerals = {n: i for one in every for n, i in one.article_items.items()}
    headings = {h: i for one in every for h, i in one.article_headings.items()}
    heading = _heading_reader(numerals, headings) if numerals else _no_heading
    t2_columns = frozenset().union(*(one.table2_columns for one in every))
    t2_common = header_cores(INFORMATION_HEADERS)
    t3_headers = header_cores(
        (*APPLICANTS_HEADERS, *(h for one in every for h in one.table3_headers))
    )
    t4_headers = header_cores(h for one in every for h in one.table4_headers)
    matchers: dict[tuple[int, str], Matcher] = {}
    for one in every:
        matchers[2, one.version.id] = Matcher(one.table2, t2_common | t2_columns, heading)
        matchers[3, one.version.id] = Matcher(one.table3, t3_headers, heading)
    return Vocabulary(
        versions=versions,
        labels=labels,
        matchers=matchers,
        table4_matcher=Matcher((), t4_headers, heading),
        table2_anchors=t2_common
        | {core for one in every for s in one.table2 for core in (s.split.core, *s.aliases)},
        table3_anchors=header_cores(APPLICANTS_HEADERS)
        | {
            core
            for one in every
            for s in one.table3
            if not s.needs_number
            for core in (s.split.core, *s.aliases)
        },
        table4_anchors=t4_headers - t3_headers,  # 总计 heads columns of both tables
        amount_headers=tuple(sorted(frozenset().union(*(o.amount_headers for o in every)))),
        article_heading=heading,
        votes=_vote_reader(every, heading),
    )


def _heading_reader(
    numerals: dict[str, int], headings: dict[str, int]
) -> Callable[[str], int | None]:
    # The heading as published: 第二十条第（五）项, with or without 第 or the parentheses; in
    # another catalog language, as that catalog words it (Article 20, item (5)).
    pattern = re.compile(rf"第二十条第?\(?([{''.join(numerals)}])\)?项")

    @functools.lru_cache(maxsize=_CACHE)
    def article_heading(text: str) -> int | None:
        if len(text) > _MAX_HEADING:
            return None
        folded = fold(text)
        match = pattern.search(folded)
        if match:
            return numerals[match.group(1)]
        return headings.get(folded.casefold())

    return article_heading


def _vote_reader(
    every: tuple[VersionLabels, ...], heading: Callable[[str], int | None]
) -> Callable[[str], tuple[str, ...]]:
    """How a printed label votes for the format versions that print it and others do not.

    The labels compared are those that tell versions apart in practice: table 2's column
    headers, the row labels of tables 2 and 3, and the items of article 20 that table 2 has a
    sub-table for. A label that every version prints says nothing.
    """
    columns = _held_by({one.version.id: one.table2_columns for one in every})
    rows = _held_by({one.version.id: one.row_cores for one in every})
    items = _held_by({one.version.id: frozenset(one.article_items.values()) for one in every})
    order = [one.version.id for one in every]

    @functools.lru_cache(maxsize=_CACHE)
    def votes(text: str) -> tuple[str, ...]:
        core = split_label(text).core
        item = heading(text)
        found = columns.get(core, frozenset()) | rows.get(core, frozenset())
        if item is not None:
            found |= items.get(item, frozenset())
        return tuple(v for v in order if v in found)

    return votes


@functools.lru_cache(maxsize=4096)
def is_table3_caption(text: str) -> bool:
    """Whether *text* is the top-left cell of table 3 (``（本列数据的勾稽关系为：…）``)."""
    folded = heading_key(text[:200])
    return any(caption in folded for caption in _CAPTIONS)


@attrs.frozen
class Matcher:
    """Matches printed labels against a table's rows and headers.

    Attributes:
        rows: The rows to match.
        headers: Header labels of the table (matched on their core, without numbers).
        article_heading: Recognises a sub-table heading of table 2 (see
            :attr:`Vocabulary.article_heading`).
    """

    rows: tuple[RowSpec, ...]
    headers: frozenset[str] = frozenset()
    article_heading: Callable[[str], int | None] = _no_heading
    _by_core: dict[str, list[RowSpec]] = attrs.field(init=False, factory=dict)
    _cache: dict[str, RowSpec | None] = attrs.field(init=False, factory=dict, eq=False)

    def __attrs_post_init__(self) -> None:
        for spec in self.rows:
            for core in dict.fromkeys((spec.split.core, *spec.aliases)):
                self._by_core.setdefault(core, []).append(spec)

    def row(self, text: str) -> RowSpec | None:
        """The row whose label *text* is, or ``None``."""
        if text in self._cache:
            return self._cache[text]
        found = self._row(text)
        if len(self._cache) < _CACHE:
            self._cache[text] = found
        return found

    def _row(self, text: str) -> RowSpec | None:
        split = split_label(text)
        core = split.core
        if not core:
            return None
        exact = [spec for spec in self._by_core.get(core, ()) if _numbers_agree(split.number, spec)]
        if exact:
            return exact[0]
        if len(core) < _MIN_PREFIX:
            return None
        # A label cut short (its start), else a label without its leading qualifier: the other
        # version's wording (规范性文件 for 行政规范性文件). Only where one row's words begin
        # (or end) so, at least half of them, and no row's words are those exactly.
        for part_of in (str.startswith, str.endswith):
            found = [
                spec
                for spec in self.rows
                if part_of(spec.split.core, core)
                and 2 * len(core) >= len(spec.split.core)
                and _numbers_agree(split.number, spec)
            ]
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def members(self, group: RowSpec) -> tuple[RowSpec, ...]:
        """The data rows that the format prints under *group* (a group label)."""
        prefix = group.key + "."
        return tuple(s for s in self.rows if s.key.startswith(prefix) and not s.is_group)

    def near(self, text: str, after: RowSpec | None) -> RowSpec | None:
        """The row printed next after *after* when *text* is its label misprinted or cut short:
        a label with the same item number whose words are mostly the official ones
        (``2.其他法律行政止公开`` for ``2.其他法律行政法规禁止公开``) or begin them (a label cut
        at a page break), ``None`` otherwise.

        Only the row in that place is considered: a misprint is read where the format puts it,
        never matched against every row.
        """
        if after is None or len(text) > _MAX_NEAR:
            return None
        split = split_label(text)
        if split.number is None or len(split.core) < _MIN_PREFIX:
            return None
        index = self.rows.index(after) if after in self.rows else -1
        following = next((s for s in self.rows[index + 1 :] if not s.is_group), None)
        if following is None or following.split.number != split.number:
            return None
        if following.split.core.startswith(split.core):
            return following  # cut short: at a page break, or by the cell's edge
        ratio = difflib.SequenceMatcher(None, split.core, following.split.core).ratio()
        return following if ratio >= _NEAR else None

    def is_header(self, text: str) -> bool:
        """Whether *text* is one of the table's header labels."""
        return split_label(text).core in self.headers


def _numbers_agree(number: int | None, spec: RowSpec) -> bool:
    if spec.needs_number:
        return number is not None and number == spec.split.number
    return number is None or spec.split.number is None or number == spec.split.number
