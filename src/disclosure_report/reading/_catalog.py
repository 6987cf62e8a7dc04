"""The reader's private table of the format's official labels, per table and version.

Row and column keys are the model's field paths (``article_20_1.rules``,
``outcomes.withheld.state_secret``, ``natural_persons`` …). The Chinese labels are the official
wording of the 2019 and 2021 notices (国办公开办函 2019 No. 60, 2021 No. 30).

TODO(lead): once the model's ``zh_Hans`` catalog exists, build these tables from the field
metadata instead (one source of truth); this module is the only place the reader keeps labels.
"""

from __future__ import annotations

import functools
import re

from typing import Final, Literal

import attrs

from disclosure_report.reading._normalize import Split, fold, split_label


__all__ = [
    "TABLE2",
    "TABLE3",
    "TABLE4_COLUMNS",
    "TABLE4_ROWS",
    "ColumnSpec",
    "Matcher",
    "RowSpec",
    "Version",
    "article_heading",
    "is_table3_caption",
]

Version = Literal["2019", "2021"]
CellKind = Literal["count", "signed", "amount"]


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
    """

    key: str
    label: str
    columns: tuple[ColumnSpec, ...]
    needs_number: bool = False

    @property
    def split(self) -> Split:
        return split_label(self.label)

    @property
    def is_group(self) -> bool:
        return not self.columns


def _cols(
    *specs: tuple[str, str] | tuple[str, str, CellKind],
) -> tuple[ColumnSpec, ...]:
    return tuple(ColumnSpec(*spec) for spec in specs)


_T2_2021_PUBLISHED = _cols(
    ("issued", "本年制发件数"),
    ("repealed", "本年废止件数"),
    ("in_force", "现行有效件数"),
)
_T2_2021_DECISIONS = _cols(("decisions", "本年处理决定数量"))
_T2_2019_PUBLISHED = _cols(
    ("newly_produced", "本年新制作数量"),
    ("newly_disclosed", "本年新公开数量"),
    ("total_disclosed", "对外公开总数量"),
)
_T2_2019_ITEMS = _cols(
    ("previous_items", "上一年项目数量"),
    ("change", "本年增/减", "signed"),
    ("decisions", "处理决定数量"),
)

TABLE2: Final[dict[Version, tuple[RowSpec, ...]]] = {
    "2021": (
        RowSpec("article_20_1.rules", "规章", _T2_2021_PUBLISHED),
        RowSpec(
            "article_20_1.normative_documents",
            "行政规范性文件",
            _T2_2021_PUBLISHED,
        ),
        RowSpec("article_20_5.licensing", "行政许可", _T2_2021_DECISIONS),
        RowSpec("article_20_6.penalties", "行政处罚", _T2_2021_DECISIONS),
        RowSpec(
            "article_20_6.compulsory_measures", "行政强制", _T2_2021_DECISIONS
        ),
        RowSpec(
            "article_20_8.administrative_fees",
            "行政事业性收费",
            _cols(("amount", "本年收费金额（单位：万元）", "amount")),
        ),
    ),
    "2019": (
        RowSpec("article_20_1.rules", "规章", _T2_2019_PUBLISHED),
        RowSpec(
            "article_20_1.normative_documents",
            "规范性文件",
            _T2_2019_PUBLISHED,
        ),
        RowSpec("article_20_5.licensing", "行政许可", _T2_2019_ITEMS),
        RowSpec(
            "article_20_5.other_services",
            "其他对外管理服务事项",
            _T2_2019_ITEMS,
        ),
        RowSpec("article_20_6.penalties", "行政处罚", _T2_2019_ITEMS),
        RowSpec(
            "article_20_6.compulsory_measures", "行政强制", _T2_2019_ITEMS
        ),
        RowSpec(
            "article_20_8.administrative_fees",
            "行政事业性收费",
            _T2_2019_ITEMS[:2],
        ),
        RowSpec(
            "article_20_9.centralized_procurement",
            "政府集中采购",
            _cols(
                ("projects", "采购项目数量"),
                ("amount", "采购总金额", "amount"),
            ),
        ),
    ),
}
"""Table 2 (section 二): the rows of each version in printed order, with their columns."""

TABLE2_HEADERS: Final[dict[Version, tuple[str, ...]]] = {
    "2021": (
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年处理决定数量",
        "本年收费金额",
    ),
    "2019": (
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "处理决定数量",
        "采购项目数量",
        "采购总金额",
    ),
}
"""Column headers of table 2 that belong to one version only."""

_APPLICANTS = _cols(
    ("natural_persons", "自然人"),
    ("commercial_enterprises", "商业企业"),
    ("research_institutions", "科研机构"),
    ("public_interest_organizations", "社会公益组织"),
    ("legal_service_providers", "法律服务机构"),
    ("other", "其他"),
    ("total", "总计"),
)
_T3_HEAD = (
    RowSpec("new_received", "一、本年新收政府信息公开申请数量", _APPLICANTS),
    RowSpec("carried_over", "二、上年结转政府信息公开申请数量", _APPLICANTS),
    RowSpec("outcomes", "三、本年度办理结果", ()),
    RowSpec("outcomes.granted", "（一）予以公开", _APPLICANTS),
    RowSpec(
        "outcomes.partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        _APPLICANTS,
    ),
    RowSpec("outcomes.withheld", "（三）不予公开", ()),
    *(
        RowSpec(f"outcomes.withheld.{key}", label, _APPLICANTS)
        for key, label in (
            ("state_secret", "1.属于国家秘密"),
            ("prohibited_by_law", "2.其他法律行政法规禁止公开"),
            ("endangers_security", "3.危及“三安全一稳定”"),
            ("third_party_rights", "4.保护第三方合法权益"),
            ("internal_affairs", "5.属于三类内部事务信息"),
            ("process_information", "6.属于四类过程性信息"),
            ("enforcement_files", "7.属于行政执法案卷"),
            ("inquiry_matters", "8.属于行政查询事项"),
        )
    ),
    RowSpec("outcomes.unable_to_provide", "（四）无法提供", ()),
    *(
        RowSpec(f"outcomes.unable_to_provide.{key}", label, _APPLICANTS)
        for key, label in (
            ("not_held", "1.本机关不掌握相关政府信息"),
            ("needs_creation", "2.没有现成信息需要另行制作"),
            ("unclear_after_correction", "3.补正后申请内容仍不明确"),
        )
    ),
    RowSpec("outcomes.not_handled", "（五）不予处理", ()),
    *(
        RowSpec(f"outcomes.not_handled.{key}", label, _APPLICANTS)
        for key, label in (
            ("petition_or_complaint", "1.信访举报投诉类申请"),
            ("repeated", "2.重复申请"),
            ("publications", "3.要求提供公开出版物"),
            ("excessive", "4.无正当理由大量反复申请"),
            ("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        )
    ),
)
_T3_TAIL = (
    RowSpec("outcomes.total", "（七）总计", _APPLICANTS, needs_number=True),
    RowSpec("carried_forward", "四、结转下年度继续办理", _APPLICANTS),
)
TABLE3: Final[dict[Version, tuple[RowSpec, ...]]] = {
    "2019": (
        *_T3_HEAD,
        RowSpec("outcomes.other_handling", "（六）其他处理", _APPLICANTS),
        *_T3_TAIL,
    ),
    "2021": (
        *_T3_HEAD,
        RowSpec("outcomes.other_handling", "（六）其他处理", ()),
        RowSpec(
            "outcomes.other_handling.no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            _APPLICANTS,
        ),
        RowSpec(
            "outcomes.other_handling.unpaid_fee",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            _APPLICANTS,
        ),
        RowSpec(
            "outcomes.other_handling.other",
            "3.其他",
            _APPLICANTS,
            needs_number=True,
        ),
        *_T3_TAIL,
    ),
}
"""Table 3 (section 三): rows in printed order; group labels have no columns."""

TABLE3_HEADERS: Final = (
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
)

TABLE4_COLUMNS: Final = _cols(
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
TABLE4_ROWS: Final = (
    RowSpec("reconsideration", "行政复议", TABLE4_COLUMNS),
    RowSpec("litigation_direct", "未经复议直接起诉", TABLE4_COLUMNS),
    RowSpec("litigation_after_reconsideration", "复议后起诉", TABLE4_COLUMNS),
)
"""Table 4 (section 四): one printed row of 15 cells, three groups of five."""

TABLE4_HEADERS: Final = (
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    *(c.label for c in TABLE4_COLUMNS),
)

_ARTICLE = re.compile(r"第二十条第?\(?([一五六八九])\)?项")
_CN = {"一": 1, "五": 5, "六": 6, "八": 8, "九": 9}
_MAX_HEADING = 40
_CACHE = 4096
_MIN_PREFIX = 4  # a shorter fragment of a label is too ambiguous to match


@functools.lru_cache(maxsize=4096)
def article_heading(text: str) -> int | None:
    """The item number of a sub-table heading of table 2 (``第二十条第（五）项`` gives 5)."""
    if len(text) > _MAX_HEADING:
        return None
    match = _ARTICLE.search(fold(text))
    return _CN[match.group(1)] if match else None


@functools.lru_cache(maxsize=4096)
def is_table3_caption(text: str) -> bool:
    """Whether *text* is the top-left cell of table 3 (``（本列数据的勾稽关系为：…）``)."""
    return "勾稽关系" in fold(text[:200])


@attrs.frozen
class Matcher:
    """Matches printed labels against a table's rows and headers.

    Attributes:
        rows: The rows to match.
        headers: Header labels of the table (matched on their core, without numbers).
    """

    rows: tuple[RowSpec, ...]
    headers: frozenset[str] = frozenset()
    _by_core: dict[str, list[RowSpec]] = attrs.field(init=False, factory=dict)
    _cache: dict[str, RowSpec | None] = attrs.field(
        init=False, factory=dict, eq=False
    )

    def __attrs_post_init__(self) -> None:
        for spec in self.rows:
            self._by_core.setdefault(spec.split.core, []).append(spec)

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
        exact = [
            spec
            for spec in self._by_core.get(core, ())
            if _numbers_agree(split.number, spec)
        ]
        if exact:
            return exact[0]
        if len(core) < _MIN_PREFIX:
            return None
        prefixed = [
            spec
            for spec in self.rows
            if spec.split.core.startswith(core)
            and 2 * len(core) >= len(spec.split.core)
            and _numbers_agree(split.number, spec)
        ]
        return prefixed[0] if len(prefixed) == 1 else None

    def is_header(self, text: str) -> bool:
        """Whether *text* is one of the table's header labels."""
        return split_label(text).core in self.headers


def _numbers_agree(number: int | None, spec: RowSpec) -> bool:
    if spec.needs_number:
        return number is not None and number == spec.split.number
    return (
        number is None
        or spec.split.number is None
        or number == spec.split.number
    )


def header_cores(labels: tuple[str, ...]) -> frozenset[str]:
    """The cores of header *labels*, for :attr:`Matcher.headers`."""
    return frozenset(split_label(label).core for label in labels)
