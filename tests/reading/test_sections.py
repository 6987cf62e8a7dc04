"""Section headings, the regions between them, and the agency and year of the opening
(``reading/_sections.py``), without the corpus."""

from __future__ import annotations

import pytest

from disclosure_report.reading import extract
from disclosure_report.reading._sections import Sections, find_sections
from disclosure_report.reading._text import text_rows


def test_a_section_without_a_heading_starts_after_the_last_heading_before_it() -> None:
    sections = Sections((0, None, 4, None, None, 9), end=12)

    assert sections.region(1, 15) == (0, 4)
    assert sections.region(2, 15) == (1, 4)  # after section 一's heading, up to 三's
    assert sections.region(4, 15) == (5, 9)
    assert sections.region(6, 15) == (9, 12)  # the last section ends where the footer starts
    assert Sections((None,) * 6, end=3).region(2, 3) == (0, 3)


def test_the_footer_of_a_site_page_ends_section_6() -> None:
    rows = text_rows(
        "五、存在的主要问题及改进情况\n问题\n六、其他需要报告的事项\n其他\n责任编辑：张三\n打印本页\n"
    )

    sections = find_sections(rows)

    assert sections.starts == (None, None, None, None, 0, 2)
    assert sections.end == 4


@pytest.mark.parametrize(
    ("opening", "agency", "year"),
    [
        ("某局2023年政府信息公开工作年度报告", "某局", 2023),
        ("某县人民政府\n2023年政府信息公开工作年度报告", "某县人民政府", 2023),
        ("2023年度某局政府信息公开工作年度报告", "某局", 2023),
        # 人民政府 ends the agency's name: the 政府 of 政府信息公开 is not printed twice.
        ("2023年某县人民政府信息公开工作年度报告", "某县人民政府", 2023),
        ("2023年某县人民政府政务公开工作年度报告", "某县人民政府", 2023),
        ("2023年某县人民政府政府信息公开工作年度报告", "某县人民政府", 2023),
        # No year in the title: the period of the opening text states it.
        ("某局政府信息公开工作年度报告\n本报告统计期限为2022年1月1日至12月31日。", None, 2022),
        # A sentence that cites the report names no agency; nor does a long line above it.
        ("根据《条例》规定，现公布2023年政府信息公开工作年度报告。", None, 2023),
        (
            (
                "这是一个超过四十个字的很长的句子，它当然不可能是一个机关的名称，只是一段话而已。\n"
                "2023年政府信息公开工作年度报告"
            ),
            None,
            2023,
        ),
    ],
)
def test_agency_and_year_from_the_opening(opening: str, agency: str | None, year: int) -> None:
    extraction = extract(opening + "\n一、总体情况\n本年度工作平稳。\n")

    assert (extraction.agency, extraction.year) == (agency, year)
    assert extraction.narrative[1] == "本年度工作平稳。"
