"""docs/many-reports.md lists every series rule as the registry defines it."""

from __future__ import annotations

from pathlib import Path

from disclosure_report.many import SERIES_RULES


PAGE = Path(__file__).resolve().parents[2] / "docs" / "many-reports.md"


def test_every_series_rule_is_on_the_page_and_no_other() -> None:
    rows = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if "." in cells[0]:
                rows[cells[0].strip("`")] = cells[1:]
    assert set(rows) == {rule.id for rule in SERIES_RULES}
    for rule in SERIES_RULES:
        assert rows[rule.id] == [
            rule.formula.english,
            rule.severity.value,
            f"`{rule.blank_policy.value}`",
        ]
