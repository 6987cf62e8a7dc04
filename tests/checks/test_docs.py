"""docs/rules.md documents every rule, of one report and across years, as the registries define it."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_report.checks import RULES, BlankPolicy, Rule
from disclosure_report.many import SERIES_RULES


PAGE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
ALL_RULES = (*RULES, *SERIES_RULES)


def table_rows() -> dict[str, list[str]]:
    rows = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            rows[cells[0].strip("`")] = cells[1:]
    return rows


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_every_rule_is_on_the_page(rule: Rule) -> None:
    rows = table_rows()

    assert rule.id in rows, f"docs/rules.md does not list {rule.id}"
    formula, severity, policy = rows[rule.id]
    assert formula == rule.formula.english
    assert severity == rule.severity.value
    assert policy == f"`{rule.blank_policy.value}`"


def test_the_page_lists_no_rule_that_does_not_exist() -> None:
    assert set(table_rows()) == {rule.id for rule in ALL_RULES}


def test_every_blank_policy_is_explained() -> None:
    text = PAGE.read_text(encoding="utf-8")

    for policy in BlankPolicy:
        assert f"\n`{policy.value}` (" in text
