"""Markdown and plain-text output: every data cell in its row and column, labels, escaping."""

from __future__ import annotations

import re

from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

import attrs
import pytest

from hypothesis import given

from disclosure_report import (
    APPLICANTS_HEADER,
    BLANK,
    SECTION_TITLES,
    Amount,
    CellSpec,
    NotApplicable,
    Report,
    Report2021,
    Unit,
    cell_values,
    from_json,
    translate,
)
from disclosure_report.rendering import render
from disclosure_report.testing import reports


EXAMPLE = Path(__file__).parents[2] / "examples" / "nx-jgswglj-2023.json"
SEPARATOR = " \u203a "


def _shown(report: Report, value: object) -> str:
    if value is BLANK:
        return ""
    if isinstance(value, NotApplicable):
        return value.symbol
    if isinstance(value, Amount):
        number = format(value.value, "f")
        stated = Unit.WAN_YUAN if isinstance(report, Report2021) else None
        return number if value.unit in (None, stated) else number + value.unit.value
    return str(value)


def _rows(report: Report, table: int) -> list[list[tuple[CellSpec, object]]]:
    cells = [(s, v) for s, v in cell_values(report) if s.address.table == table]
    return [list(r) for _, r in groupby(cells, key=lambda sv: sv[0].address.row)]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _pipe_rows(markdown: str) -> list[list[str]]:
    rows = []
    for line in markdown.splitlines():
        if line.startswith("| "):
            fields = re.split(r"(?<!\\)\|", line)[1:-1]
            rows.append([_unescape(field.strip()) for field in fields])
    return rows


def _label(labels: Sequence[object], locale: str) -> str:
    return SEPARATOR.join(translate(label, locale) for label in labels)  # type: ignore[arg-type]


@given(reports(marks=True))
def test_markdown_has_every_row_with_its_values(report: Report) -> None:
    rows = _pipe_rows(render(report, to="md"))
    by_label = {row[0]: row[1:] for row in rows}
    for table in (2, 3):
        for row in _rows(report, table):
            spec = row[0][0]
            labels = [*spec.row_groups[table == 2 :], spec.row_label]
            assert by_label[_label(labels, "zh_Hans")] == [_shown(report, v) for _, v in row]
    # Table 四: one data row, no label column, columns in printed order.
    four = [v for s, v in cell_values(report) if s.address.table == 4]
    assert [_shown(report, v) for v in four] in rows


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_markdown_headers_join_merged_labels(locale: str) -> None:
    report = from_json(EXAMPLE.read_bytes())
    markdown = render(report, to="md", locale=locale)
    rows = _pipe_rows(markdown)
    specs = [s for s, _ in cell_values(report)]
    t3 = next(
        s
        for s in specs
        if s.address == s.address.__class__(3, "new_received", "commercial_enterprises")
    )
    assert t3.column_group is not None
    header = _label([APPLICANTS_HEADER, t3.column_group, t3.column_label], locale)
    assert any(header in row for row in rows)
    t4 = next(s for s in specs if s.address.table == 4 and s.row_groups)
    assert any(
        _label([*t4.row_groups, t4.row_label, t4.column_label], locale) in row for row in rows
    )
    for title in SECTION_TITLES.values():
        assert f"\n## {translate(title, locale)}\n" in markdown.replace("\\", "")


def test_markdown_escapes_text() -> None:
    report = from_json(EXAMPLE.read_bytes())
    report = attrs.evolve(
        report,
        metadata=attrs.evolve(report.metadata, agency="<script>|*x*"),
        overview="1. not a list\n# not a heading",
    )
    markdown = render(report, to="md")
    assert "<script>" not in markdown
    assert markdown.startswith("# \\<script\\>\\|\\*x\\*")
    assert "\n1\\. not a list\n" in markdown
    assert "\n\\# not a heading\n" in markdown


@given(reports(marks=True))
def test_text_rows_end_with_their_values_tab_separated(report: Report) -> None:
    lines = render(report, to="text").splitlines()
    for table in (2, 3):
        for row in _rows(report, table):
            spec = row[0][0]
            expected = [translate(spec.row_label, "zh_Hans"), *(_shown(report, v) for _, v in row)]
            assert any(line.split("\t")[-len(expected) :] == expected for line in lines), expected
    four = "\t".join(_shown(report, v) for s, v in cell_values(report) if s.address.table == 4)
    assert four in lines


def test_text_prints_merged_cells_once() -> None:
    text = render(from_json(EXAMPLE.read_bytes()), to="text")
    assert text.count("三、本年度办理结果") == 1
    assert text.count("（三）不予公开") == 1
    assert text.count("申请人情况") == 1
    assert "\n行政复议\t行政诉讼\n" in text
    assert "\n三、本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0\n" in text
    assert "收取信息处理费金额：0元" in text
