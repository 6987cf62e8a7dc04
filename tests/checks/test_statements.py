"""Rule X5: the numbers the overview states about the tables, against the tables."""

from __future__ import annotations

import unicodedata

from pathlib import Path

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from disclosure_report import (
    ApplicantCounts,
    CaseOutcomes,
    Report2019,
    Report2021,
    from_json,
)
from disclosure_report.checks import Finding, Severity, check
from disclosure_report.checks._statements import (
    _PATTERNS,
    _RECEIVED,
    _Pattern,
    statements,
    statements_of,
)
from disclosure_report.model import CellAddress, format_version


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"


def _example() -> Report2021:
    report = from_json(EXAMPLE.read_bytes())
    assert isinstance(report, Report2021)
    return report


def _with(report: Report2021, overview: str, **changes: ApplicantCounts) -> Report2021:
    report = attrs.evolve(report, overview=overview)
    for name, row in changes.items():
        applications = attrs.evolve(report.applications, **{name: row})  # type: ignore[arg-type]
        report = attrs.evolve(report, applications=applications)
    return report


def _x5(report: Report2021 | Report2019) -> list[Finding]:
    return [f for f in check(report) if f.rule.endswith(".S1.X5")]


def test_a_contradicted_statement_is_a_warning_quoting_the_sentence() -> None:
    sentence = "本年度,共受理政府信息公开申请2件,都在法定期限内予以答复。"
    report = _with(
        _example(),
        "（一）主动公开情况。略。" + sentence,
        new_received=ApplicantCounts.from_parts(natural_persons=3),
    )

    [finding] = _x5(report)

    assert finding.rule == "2021.S1.X5"
    assert finding.severity is Severity.WARNING
    assert finding.cells == (CellAddress(3, "new_received", "total"),)
    assert (finding.expected, finding.actual) == (3, 2)
    assert finding.quote == sentence
    assert sentence in finding.message("zh_Hans")
    assert "一、本年新收政府信息公开申请数量" in finding.message("zh_Hans")
    assert "New applications" in finding.message("en")


def test_a_matching_statement_is_no_finding() -> None:
    report = _with(_example(), "2023年度我局未收到依申请公开事项。全年共收到申请0件。")

    assert _x5(report) == []


def test_litigation_is_compared_with_both_kinds_of_suit() -> None:
    report = _example()
    table = attrs.evolve(
        report.reconsideration_and_litigation,
        litigation_direct=CaseOutcomes.from_parts(upheld=2),
        litigation_after_reconsideration=CaseOutcomes.from_parts(upheld=1),
    )
    report = attrs.evolve(
        report,
        reconsideration_and_litigation=table,
        overview="因政府信息公开引起的行政复议案件0件、行政诉讼案件4件。",
    )

    [finding] = _x5(report)

    assert (finding.expected, finding.actual) == (3, 4)
    assert "行政诉讼" in finding.message("zh_Hans")


def test_a_negated_statement_is_zero() -> None:
    report = _example()
    table = attrs.evolve(
        report.reconsideration_and_litigation,
        reconsideration=CaseOutcomes.from_parts(upheld=1),
    )
    report = attrs.evolve(
        report,
        reconsideration_and_litigation=table,
        overview="全年未发生因政府信息公开引起的行政复议、行政诉讼。",
    )

    [finding] = _x5(report)

    assert finding.cells == (CellAddress(4, "reconsideration", "total"),)
    assert (finding.expected, finding.actual) == (1, 0)


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年收到政府信息公开申请5件。",  # another year: a comparison
        "办结率100%。",  # a rate, not a count
        "共收到政府信息公开咨询5件。",  # enquiries, not applications
    ],
)
def test_ambiguous_sentences_are_not_read(sentence: str) -> None:
    assert list(statements(sentence, 2023, version="2021")) == []


def test_a_count_including_those_carried_over_is_not_read_as_received() -> None:
    found = statements("共收到政府信息公开申请5件（含上年结转2件）。", 2023, version="2021")

    assert [s.cells for s in found] == [(CellAddress(3, "carried_over", "total"),)]


def test_received_may_include_those_carried_over() -> None:
    report = _with(
        _example(),
        "全年共受理政府信息公开申请5件。",
        new_received=ApplicantCounts.from_parts(natural_persons=3),
        carried_over=ApplicantCounts.from_parts(natural_persons=2),
    )

    assert _x5(report) == []


def test_chinese_numerals_are_read() -> None:
    [statement] = statements("全年办结政府信息公开申请十二件。", 2023, version="2021")

    assert statement.value == 12
    assert statement.cells == (CellAddress(3, "outcomes.total", "total"),)


def test_a_blank_cell_is_not_compared() -> None:
    report = _with(
        _example(),
        "共收到政府信息公开申请9件。",
        new_received=ApplicantCounts.blank(),
    )

    assert _x5(report) == []


def test_statements_of_remembers_what_statements_finds() -> None:
    text = "2023年共收到政府信息公开申请15件，办结13件，结转下年度2件。发生行政复议1起。"
    statements_of.cache_clear()

    first = statements_of(text, 2023, format_version("2021"))
    again = statements_of(text, 2023, format_version("2021"))

    assert first == tuple(statements(text, 2023, version="2021"))
    assert again is first
    assert statements_of.cache_info().hits == 1
    assert len(statements_of(text, 2022, format_version("2021"))) == 1  # another year: another key


# --- the words a pattern needs (its regular expression is compiled only when one is there) ---

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

_WORDS = (
    "收到", "受理", "新收", "接收", "接到", "申请", "办结", "结转", "转入", "至", "到", "下",
    "一", "年", "度", "上", "行政", "复议", "诉讼", "案件", "共", "共计", "合计", "未", "没有",
    "无", "发生", "现行有效", "的", "部门", "政府", "规章", "规范性文件", "件", "起", "个",
    "两", "十", "3", "12", "，", "、", "和", "含", "其中", "率", "公开", "结", "转", "有效",
    "现行", "行", "政", "复", "诉", "讼", "申", "请", "办",
)  # fmt: skip


_STATED = (
    "本年度,共受理政府信息公开申请2件,都在法定期限内予以答复。",
    "2023年度我局未收到依申请公开事项。全年共收到申请0件。",
    "因政府信息公开引起的行政复议案件0件、行政诉讼案件4件。",
    "全年未发生因政府信息公开引起的行政复议、行政诉讼。",
    "共收到政府信息公开申请5件（含上年结转2件）。办结13件，结转下年度2件。",
    "上年度结转3件。2件结转至下一年度。现行有效规范性文件22件，现行有效的部门规章4件。",
    "发生行政复议1起，3起行政诉讼，办结率100%。",
)
"""Sentences that state figures; with the real reports of the corpus (where it is present)."""


def _texts() -> list[str]:
    texts = [*_STATED, _example().overview]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in CORPUS.glob("raw/*")]
    return texts


def _assert_needs_hold(text: str) -> None:
    folded = unicodedata.normalize("NFKC", text)
    for pattern in _PATTERNS:
        for match in pattern.regex.finditer(folded):
            assert any(word in match.group() for word in pattern.needs), (pattern.source, match)


def test_every_match_holds_a_word_its_pattern_needs() -> None:
    for text in _texts():
        _assert_needs_hold(text)


@given(st.lists(st.sampled_from(_WORDS), max_size=30).map("".join))
def test_every_match_of_made_up_text_holds_a_word_its_pattern_needs(text: str) -> None:
    _assert_needs_hold(text)


def test_a_pattern_is_compiled_on_first_need() -> None:
    pattern = _Pattern(_RECEIVED, r"申请(?P<n>\d+)件", ("申请",))

    assert pattern.search("办结3件") is None
    assert pattern._compiled is None  # Not compiled: the sentence lacks 申请.
    found = pattern.search("收到申请3件")
    assert found is not None
    assert found.group("n") == "3"
    assert pattern._compiled is pattern.regex
