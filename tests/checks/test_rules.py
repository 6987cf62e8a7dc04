"""The rule registry: stable ids, one version each, the policy that fits the rule."""

from __future__ import annotations

import re

from disclosure_report.checks import RULES, BlankPolicy, Severity
from disclosure_report.i18n import SUPPORTED_LOCALES, translate
from disclosure_report.model import TABLE_SECTIONS


ID = re.compile(
    r"^(?P<version>2019|2021)\.(?P<place>T[234]|S[16])\.(?P<name>[A-Z][A-Z0-9]*(\.[A-Z]+)?)$"
)


def test_ids_are_unique_and_name_version_place_and_rule() -> None:
    assert len({rule.id for rule in RULES}) == len(RULES)
    for rule in RULES:
        match = ID.match(rule.id)
        assert match, rule.id
        assert match["version"] == rule.version
        place = match["place"]
        if place.startswith("T"):
            assert rule.table == int(place[1])
            assert TABLE_SECTIONS[rule.table] == rule.section
        else:
            assert rule.table is None
            # guidance reads text only; X5 compares the text with cells, skipping unknown ones
            expected = (
                BlankPolicy.SKIP_IF_UNKNOWN
                if place == "S1" and rule.id.endswith(".X5")
                else BlankPolicy.NO_CELLS
            )
            assert rule.blank_policy is expected


def test_the_expected_rules_exist() -> None:
    assert [rule.id for rule in RULES] == [
        "2019.S1.X5",
        "2019.T2.I5",
        "2019.T2.X4.TOTAL",
        "2019.T2.X4.PRODUCED",
        "2019.T3.F1",
        "2019.T3.I1",
        "2019.T3.I2",
        "2019.T4.I4",
        "2021.S1.LENGTH",
        "2021.S1.X5",
        "2021.T3.F1",
        "2021.T3.I1",
        "2021.T3.I2",
        "2021.T4.I4",
        "2021.S6.FEES",
    ]


def test_policies_and_severities_fit_the_kind_of_rule() -> None:
    for rule in RULES:
        name = rule.id.split(".", 2)[2]
        if name in {"F1", "I1", "I2", "I4"}:
            assert rule.blank_policy is BlankPolicy.UNKNOWN_COUNTS
            assert rule.severity is Severity.ERROR
        elif name == "I5":
            assert rule.blank_policy is BlankPolicy.SKIP_IF_UNKNOWN
            assert rule.severity is Severity.ERROR
        elif name.startswith("X4"):
            assert rule.blank_policy is BlankPolicy.SKIP_IF_UNKNOWN
            assert rule.severity is Severity.WARNING
        else:
            assert rule.severity is Severity.WARNING


def test_i2_formula_differs_by_version_where_row_six_does() -> None:
    i2 = {rule.version: rule for rule in RULES if rule.id.endswith(".I2")}

    assert i2["2019"].formula != i2["2021"].formula
    assert translate(i2["2021"].formula, "zh_Hans").endswith("（六）第1至3项之和")


def test_f1_formula_is_the_format_s_own_note() -> None:
    f1 = next(rule for rule in RULES if rule.id == "2021.T3.F1")

    assert (
        translate(f1.formula, "zh_Hans")
        == "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"
    )


def test_every_formula_and_message_is_translated() -> None:
    for rule in RULES:
        for label in (rule.formula, rule.message):
            hans = translate(label, "zh_Hans")
            assert hans != label.english
            assert translate(label, "zh_Hant") != label.english
            assert translate(label, "en")
            for locale in SUPPORTED_LOCALES:
                assert set(re.findall(r"%\((\w+)\)s", translate(label, locale))) == set(
                    re.findall(r"%\((\w+)\)s", label.english)
                )
