"""Generated valid reports, rendered as published text in each layout, read back unchanged.

The renderer here is test-only and deliberately plain: it prints the official labels (from
``table_layout`` and the ``zh_Hans`` catalog), the section headings and the cells as
publishers do (a unit after money, the mark as printed, nothing for a blank cell) in four
layouts: tab-separated, pipe-separated, one cell per line, and an HTML page with tables.
"""

from __future__ import annotations

import html

from collections.abc import Callable, Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_report import (
    BLANK,
    Amount,
    NotApplicable,
    Report,
)
from disclosure_report.i18n import translate
from disclosure_report.model import CellSpec, cell_values
from disclosure_report.reading import NoteCode, read
from disclosure_report.testing import metadata, reports


AGENCIES = ("自治区机关事务管理局", "某县人民政府办公室", "平潭综合实验区", "某街道办事处")
HEADINGS = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
Rows = list[list[str]]


def _zh(label: object) -> str:
    return translate(label, "zh_Hans")  # type: ignore[arg-type]


def _cell(value: object) -> str:
    if value is BLANK:
        return ""
    if isinstance(value, NotApplicable):
        return value.symbol
    if isinstance(value, Amount):
        unit = "" if value.unit is None else value.unit.value
        return f"{value.value:f}{unit}"
    return str(value)


def _tables(report: Report) -> dict[int, Rows]:
    """The three tables as rows of cell texts, headers included."""
    by_row: dict[tuple[int, str], list[tuple[CellSpec, object]]] = {}
    for spec, value in cell_values(report):
        by_row.setdefault((spec.address.table, spec.address.row), []).append((spec, value))
    tables: dict[int, Rows] = {2: [], 3: [], 4: []}
    groups: tuple[str, ...] = ()
    for (number, _), cells in by_row.items():
        spec = cells[0][0]
        rows = tables[number]
        if number == 4:
            if not rows:
                rows.append(["行政复议", "", "", "", "", "行政诉讼"])
                rows.append([_zh(s.column_label) for s, _ in cells] * 3)
                rows.append([])
            rows[-1].extend(_cell(v) for _, v in cells)
            continue
        row_groups = tuple(_zh(g) for g in spec.row_groups)
        header = ["信息内容" if number == 2 else "申请人情况"]
        header += [_zh(s.column_label) for s, _ in cells]
        if number == 2 and row_groups != groups:
            rows.append([row_groups[0]])
            rows.append(header)
        elif number == 3 and not rows:
            rows.append(header)
        if number == 3:
            rows.extend([g] for g in row_groups if g not in groups)
        groups = row_groups
        rows.append([_zh(spec.row_label), *(_cell(v) for _, v in cells)])
    return tables


def _document(report: Report) -> Iterator[tuple[int | None, Rows]]:
    meta = report.metadata
    yield None, [[f"{meta.agency}{meta.year}年政府信息公开工作年度报告"]]
    tables = _tables(report)
    for number in range(1, 7):
        yield None, [[HEADINGS[number]]]
        if number in tables:
            yield number, tables[number]
        else:
            yield None, [["本部分略。"]]


def tab(report: Report) -> str:
    return "\n".join("\t".join(row) for _, rows in _document(report) for row in rows)


def pipe(report: Report) -> str:
    return "\n".join(
        "| " + " | ".join(row) + " |" if table else row[0]
        for table, rows in _document(report)
        for row in rows
    )


def cell_per_line(report: Report) -> str:
    lines: list[str] = []
    for table, rows in _document(report):
        for row in rows:
            lines.extend(row if table else row[:1])
    return "\n".join(lines)


def page(report: Report) -> str:
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{html.escape(_document(report).__next__()[1][0][0])}</title>",
        "</head><body><div class='nav'><a href='/'>首页</a> <a>政务公开</a></div>",
    ]
    for table, rows in _document(report):
        if table is None:
            parts.extend(f"<p>{html.escape(row[0])}</p>" for row in rows)
            continue
        parts.append("<table border='1'>")
        for row in rows:
            if row[:1] == ["行政复议"]:  # spanning headers, as published
                cells = "<td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td>"
            else:
                cells = "".join(f"<td>{html.escape(c)}</td>" for c in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("<tr><td></td></tr></table>")  # an empty trailing row
    parts.append("<div class='footer'>版权所有</div></body></html>")
    return "\n".join(parts)


LAYOUTS: dict[str, Callable[[Report], str]] = {
    "tab": tab,
    "pipe": pipe,
    "html": page,
}
# Years a title prints as 20xx (the model also accepts 2100).
_META = metadata(agency=st.sampled_from(AGENCIES), year=st.integers(min_value=2008, max_value=2099))
_OVERVIEW = st.just("本年度，本机关认真落实政府信息公开工作。")


def _check(report: Report, text: str) -> None:
    result = read(text)

    assert result.report.format_version == report.format_version
    assert result.report.metadata.agency == report.metadata.agency
    assert result.report.metadata.year == report.metadata.year
    assert list(cell_values(result.report)) == list(cell_values(report))
    assert not [n for n in result.notes if n.code is NoteCode.UNREADABLE_CELL]


@settings(max_examples=40, deadline=None)
@given(
    report=reports(metadata=_META, overview=_OVERVIEW, marks=True),
    layout=st.sampled_from(sorted(LAYOUTS)),
)
def test_a_rendered_report_reads_back_to_the_same_report(report: Report, layout: str) -> None:
    _check(report, LAYOUTS[layout](report))


@settings(max_examples=15, deadline=None)
@given(report=reports(metadata=_META, overview=_OVERVIEW))
def test_one_cell_per_line_reads_back_when_no_cell_is_blank(
    report: Report,
) -> None:
    # An empty line has no position: a blank cell printed one cell per line is lost, as in
    # published reports that drop them; the reader then notes the row instead of guessing.
    _check(report, cell_per_line(report))
