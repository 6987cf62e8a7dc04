"""Any input returns a result, in time linear in its size."""

from __future__ import annotations

import random
import time

from collections.abc import Callable

import pytest

from disclosure_report.reading import NoteCode, extract


CASES: dict[str, Callable[[], str | bytes]] = {
    "random bytes": lambda: random.Random(1).randbytes(200_000),  # noqa: S311
    "nested tables": lambda: "<table><tr><td>" * 20_000 + "x",
    "deep divs": lambda: "<div>" * 200_000,
    "unclosed comment": lambda: "<p>a</p><!--" + "x" * 500_000,
    "unclosed quotes": lambda: "<a '<a '" * 30_000,
    "lone brackets": lambda: "<a " * 100_000,
    "huge spans": lambda: "<table>" + "<tr><td rowspan=999 colspan=999>1</td>" * 5_000 + "</table>",
    "stray end tags in deep nesting": lambda: "<span>" * 250 + "</x>" * 250_000,
    "scripts between text": lambda: "<p>" + "x<script>1</script>" * 50_000,
    "long line of numbers": lambda: "0 " * 500_000,
    "nested parentheses": lambda: "(" * 100_000 + "规章" + ")" * 100_000,
    "pipes and tabs": lambda: "|" * 500_000 + "\n" + "\t" * 500_000,
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_input_is_read_quickly(name: str) -> None:
    data = CASES[name]()
    start = time.process_time()
    extraction = extract(data)
    assert time.process_time() - start < 5
    assert extraction.tables[0].number == 2


def test_a_page_beyond_the_html_parser_limits_gets_a_note() -> None:
    notes = extract("<p>前</p>" + "<div>" * 300, kind="html").notes
    assert NoteCode.LIMIT in {n.code for n in notes}


def test_random_bytes_are_reported_as_undecodable() -> None:
    extraction = extract(random.Random(2).randbytes(10_000))  # noqa: S311
    assert NoteCode.DECODING in {n.code for n in extraction.notes}


def test_a_table_row_is_never_taken_for_a_section_heading() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\n"
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
    )
    extraction = extract(text)
    table3, table4 = extraction.tables[1], extraction.tables[2]
    assert table3.cell("carried_forward", "total").value.number == 1
    assert table4.cell("reconsideration", "upheld").value.number == 1
