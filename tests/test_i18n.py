"""The gettext catalogs and their loading: complete, current, official, and never silent."""

from __future__ import annotations

import importlib.util
import string
import sys

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from babel.support import Translations
from hypothesis import Phase, find, settings

from disclosure_report import i18n, model
from disclosure_report.exceptions import UnsupportedLocaleError
from disclosure_report.i18n import (
    SUPPORTED_LOCALES,
    resolve_locale,
    translate,
    translations,
)
from disclosure_report.model import (
    SECTION_TITLES,
    Label,
    ReconsiderationAndLitigation,
    Report2019,
    Report2021,
    _headers,
    table_layout,
)
from disclosure_report.model._fields import GROUP, LABEL, group_of
from disclosure_report.model._metadata import LEVEL_LABELS


POT = i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot"
PACKAGE = i18n.LOCALE_DIR.parent
"""The package under test: ``src/disclosure_report`` in a checkout, or as a wheel installed it."""
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "update_catalogs.py"

Key = tuple[str | None, str]


def _read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


def _po(locale: str) -> Catalog:
    return _read(i18n.LOCALE_DIR / locale / "LC_MESSAGES" / f"{i18n.DOMAIN}.po")


def _entries(catalog: Catalog) -> dict[Key, Message]:
    return {(m.context, str(m.id)): m for m in catalog if m.id}


def _labels_in(value: object) -> Iterator[Label]:
    if isinstance(value, Label):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _labels_in(item)


def model_labels() -> set[Label]:
    """Every label reachable from the model: tables, sections, fields, levels, headers."""
    labels: set[Label] = set()
    for report_class in (Report2019, Report2021):
        for spec in table_layout(report_class):
            labels.update((spec.row_label, spec.column_label, *spec.row_groups))
            if spec.column_group is not None:
                labels.add(spec.column_group)
    labels.update(SECTION_TITLES.values())
    labels.update(LEVEL_LABELS.values())
    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and attrs.has(cls):
            for field in attrs.fields(cls):
                labels.update(v for k in (LABEL, GROUP) if (v := field.metadata.get(k)) is not None)
    for name in _headers.__all__:
        labels.update(_labels_in(getattr(_headers, name)))
    for version in model.format_versions():
        labels.update((version.name, version.notice, *version.formulas.values()))
    return labels


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _load_script() -> ModuleType:
    if not SCRIPT.exists():
        pytest.skip("scripts/ is not there (testing an installed wheel)")
    spec = importlib.util.spec_from_file_location("update_catalogs", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_catalogs", module)
    spec.loader.exec_module(module)
    return module


# --- the catalogs ----------------------------------------------------------------------------


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_template_entry_is_translated(locale: str) -> None:
    """Every .pot entry is in the .po, translated, not fuzzy, and passes Babel's checks."""
    template = _entries(_read(POT))
    catalog = _po(locale)
    entries = _entries(catalog)

    assert set(template) == set(entries)
    assert [k for k, m in entries.items() if not m.string] == []
    assert [k for k, m in entries.items() if m.fuzzy] == []
    assert [(m.context, errors) for m, errors in catalog.check()] == []
    assert [
        k
        for k, m in entries.items()
        if "python-brace-format" in m.flags
        and _placeholders(str(m.string)) != _placeholders(str(m.id))
    ] == []


def test_every_model_label_is_in_the_template() -> None:
    """Each label the model can show has an entry under its exact context and English."""
    template = _entries(_read(POT))
    labels = model_labels()

    assert len(labels) > 100  # the walk reached tables, sections, fields and headers
    assert (
        sorted(
            (label.context, label.english)
            for label in labels
            if (label.context, label.english) not in template
        )
        == []
    )


def test_one_context_names_one_label() -> None:
    """A context is a stable key: two labels with one context would share a translation."""
    by_context: dict[str, set[str]] = {}
    for label in model_labels():
        by_context.setdefault(label.context, set()).add(label.english)
    assert {c: e for c, e in by_context.items() if len(e) > 1} == {}


def test_template_is_up_to_date_with_the_source() -> None:
    """Extracting the labels of the package under test gives exactly its .pot's entries."""
    script = _load_script()
    extracted, _ = script.extract(PACKAGE)
    assert sorted(_entries(extracted)) == sorted(_entries(_read(POT)))


def test_script_check_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """``scripts/update_catalogs.py --check`` agrees that nothing is stale or missing.

    The script is pointed at the package under test, so that this holds for an installed wheel
    as for the checkout's ``src/``.
    """
    script = _load_script()
    monkeypatch.setattr(script, "ROOT", PACKAGE.parent)
    monkeypatch.setattr(script, "SRC", PACKAGE)
    monkeypatch.setattr(script, "LOCALE_DIR", i18n.LOCALE_DIR)
    monkeypatch.setattr(script, "POT", POT)
    assert script.run(check=True) == 0


def test_script_knows_the_supported_locales() -> None:
    assert _load_script().LOCALES == SUPPORTED_LOCALES
    assert {p.name for p in i18n.LOCALE_DIR.iterdir() if p.is_dir()} == set(SUPPORTED_LOCALES)


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_chinese_catalogs_never_show_the_english(locale: str) -> None:
    """Through the loaded .mo, every label comes out in Chinese, not as its English id."""
    assert (
        sorted(label.context for label in model_labels() if not _has_cjk(translate(label, locale)))
        == []
    )


def test_traditional_is_the_simplified_wording_in_other_characters() -> None:
    """zh_Hant converts the script only: same length, same punctuation, digits and marks."""
    simplified = {k: str(m.string) for k, m in _entries(_po("zh_Hans")).items()}
    traditional = {k: str(m.string) for k, m in _entries(_po("zh_Hant")).items()}
    differing = []
    for key, hans in simplified.items():
        hant = traditional[key]
        if len(hans) != len(hant) or any(
            a != b and not (_has_cjk(a) and _has_cjk(b)) for a, b in zip(hans, hant, strict=True)
        ):
            differing.append((key, hans, hant))
    assert differing == []


# --- the official wording --------------------------------------------------------------------


def _row(report_class: type, table: int, row: str) -> Label:
    return next(
        s.row_label
        for s in table_layout(report_class)
        if s.address.table == table and s.address.row == row
    )


def _column(report_class: type, table: int, column: str) -> Label:
    return next(
        s.column_label
        for s in table_layout(report_class)
        if s.address.table == table and s.address.column == column
    )


def _groups(report_class: type, row: str) -> tuple[Label, ...]:
    return next(s.row_groups for s in table_layout(report_class) if s.address.row == row)


# Hand-checked against ../shared/format/national-format.md (§1.1 template headings, §2 tables).
OFFICIAL_ZH_HANS = [
    (SECTION_TITLES["overview"], "一、总体情况"),
    (SECTION_TITLES["active_disclosure"], "二、主动公开政府信息情况"),
    (SECTION_TITLES["applications"], "三、收到和处理政府信息公开申请情况"),
    (
        SECTION_TITLES["reconsideration_and_litigation"],
        "四、政府信息公开行政复议、行政诉讼情况",
    ),
    (SECTION_TITLES["problems_and_improvements"], "五、存在的主要问题及改进情况"),
    (SECTION_TITLES["other_matters"], "六、其他需要报告的事项"),
    (_groups(Report2021, "article_20_1.rules")[0], "第二十条第（一）项"),
    (_groups(Report2019, "article_20_9.centralized_procurement")[0], "第二十条第（九）项"),
    (_headers.INFORMATION_HEADER, "信息内容"),
    (_column(Report2021, 2, "issued"), "本年制发件数"),
    (_column(Report2021, 2, "in_force"), "现行有效件数"),
    (_column(Report2019, 2, "newly_produced"), "本年新制作数量"),
    (_column(Report2019, 2, "change"), "本年增/减"),
    (_column(Report2021, 2, "amount"), "本年收费金额（单位：万元）"),
    (_row(Report2021, 2, "article_20_1.normative_documents"), "行政规范性文件"),
    (_row(Report2019, 2, "article_20_1.normative_documents"), "规范性文件"),
    (_row(Report2019, 2, "article_20_5.other_services"), "其他对外管理服务事项"),
    (_row(Report2021, 2, "article_20_8.administrative_fees"), "行政事业性收费"),
    (
        _headers.RECONCILIATION_NOTE,
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    ),
    (_headers.APPLICANTS_HEADER, "申请人情况"),
    (_column(Report2021, 3, "natural_persons"), "自然人"),
    (_column(Report2021, 3, "public_interest_organizations"), "社会公益组织"),
    (_column(Report2021, 3, "total"), "总计"),
    (_row(Report2021, 3, "new_received"), "一、本年新收政府信息公开申请数量"),
    (_row(Report2021, 3, "outcomes.granted"), "（一）予以公开"),
    (
        _row(Report2021, 3, "outcomes.partially_granted"),
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    (_groups(Report2021, "outcomes.withheld.state_secret")[0], "三、本年度办理结果"),
    (_groups(Report2021, "outcomes.withheld.state_secret")[1], "（三）不予公开"),
    (_row(Report2021, 3, "outcomes.withheld.state_secret"), "1.属于国家秘密"),
    (_row(Report2021, 3, "outcomes.withheld.endangers_security"), "3.危及“三安全一稳定”"),
    (_row(Report2021, 3, "outcomes.not_handled.excessive"), "4.无正当理由大量反复申请"),
    (
        _row(Report2021, 3, "outcomes.other_handling.unpaid_fee"),
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    (_row(Report2019, 3, "outcomes.other_handling"), "（六）其他处理"),
    (_row(Report2021, 3, "outcomes.total"), "（七）总计"),
    (_row(Report2021, 3, "carried_forward"), "四、结转下年度继续办理"),
    (_row(Report2021, 4, "reconsideration"), "行政复议"),
    (group_of(attrs.fields(ReconsiderationAndLitigation).litigation_direct), "行政诉讼"),
    (_row(Report2021, 4, "litigation_after_reconsideration"), "复议后起诉"),
    (_column(Report2021, 4, "upheld"), "结果维持"),
    (_column(Report2021, 4, "pending"), "尚未审结"),
    (model.format_version("2019").name, "《中华人民共和国政府信息公开工作年度报告格式（试行）》"),
    (model.format_version("2021").notice, "国办公开办函〔2021〕30号"),
    (_headers.UNIT_LABELS[model.Unit.WAN_YUAN], "万元"),
]


def _label_id(value: object) -> str | None:
    return value.context if isinstance(value, Label) else None


@pytest.mark.parametrize(("label", "official"), OFFICIAL_ZH_HANS, ids=_label_id)
def test_zh_hans_is_the_official_wording(label: Label, official: str) -> None:
    assert translate(label, "zh_Hans") == official


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        (_row(Report2021, 2, "article_20_1.normative_documents"), "行政規範性文件"),
        (model.format_version("2019").notice, "國辦公開辦函〔2019〕60號"),
        (_row(Report2021, 3, "outcomes.withheld.internal_affairs"), "5.屬於三類內部事務信息"),
        (_headers.INFORMATION_HEADER, "信息內容"),
        (_row(Report2021, 4, "litigation_after_reconsideration"), "復議後起訴"),
    ],
    ids=_label_id,
)
def test_zh_hant_converts_script_only(label: Label, expected: str) -> None:
    assert translate(label, "zh_Hant") == expected


def test_report_title_keeps_its_placeholders() -> None:
    title = _headers.REPORT_TITLE
    assert (
        translate(title, "zh_Hans").format(agency="自治区机关事务管理局", year=2023)
        == "自治区机关事务管理局2023年政府信息公开工作年度报告"
    )
    for locale in SUPPORTED_LOCALES:
        assert _placeholders(translate(title, locale)) == {"agency", "year"}


# --- loading ---------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_supported_locale_loads_a_real_catalog(locale: str) -> None:
    loaded = translations(locale)
    assert type(loaded) is Translations
    assert loaded.info()["language"] == locale
    assert translations(locale) is loaded  # cached


@pytest.mark.parametrize(
    ("alias", "locale"),
    [
        ("zh", "zh_Hans"),
        ("zh_CN", "zh_Hans"),
        ("zh-Hans", "zh_Hans"),
        ("zh_SG", "zh_Hans"),
        ("zh-Hans-CN", "zh_Hans"),
        ("zh_TW", "zh_Hant"),
        ("zh_HK", "zh_Hant"),
        ("zh_MO", "zh_Hant"),
        ("zh-Hant", "zh_Hant"),
        ("zh-Hant-TW", "zh_Hant"),
        ("en_US", "en"),
        ("en-GB", "en"),
        ("en", "en"),
    ],
)
def test_aliases_resolve(alias: str, locale: str) -> None:
    assert resolve_locale(alias) == locale
    assert i18n._resolve_with_babel(alias) == locale
    assert translations(alias) is translations(locale)
    label = SECTION_TITLES["applications"]
    assert translate(label, alias) == translate(label, locale)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_catalog_names_resolve_as_babel_resolves_them(locale: str) -> None:
    # resolve_locale() answers these without Babel; Babel's chain gives the same.
    assert i18n._resolve_with_babel(locale) == resolve_locale(locale) == locale


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_translate_reads_what_babel_reads(locale: str) -> None:
    # translate() reads the catalogs with the standard library, translations() with Babel.
    catalog = translations(locale)
    entries = _entries(_po(locale))
    assert entries
    for context, english in entries:
        label = Label(context or "", english)
        assert translate(label, locale) == catalog.pgettext(label.context, label.english)
    missing = Label("no.such.context", "Not in any catalog")
    assert translate(missing, locale) == catalog.pgettext(missing.context, missing.english)


@pytest.mark.parametrize(
    "locale", ["fr", "ja", "yue_HK", "ko_KR", "C", "POSIX", "", "zz", "zh__", 42, None]
)
def test_unsupported_locales_raise(locale: object) -> None:
    with pytest.raises(UnsupportedLocaleError):
        translations(locale)  # type: ignore[arg-type]
    with pytest.raises(UnsupportedLocaleError):
        translate(SECTION_TITLES["overview"], locale)  # type: ignore[arg-type]


@pytest.fixture
def locale_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the loader at an empty locale directory, with cold caches on both sides."""
    caches = (i18n._load, i18n._translations, i18n._read, i18n._catalog)
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    yield tmp_path
    for cache in caches:
        cache.cache_clear()


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_missing_compiled_catalog_raises_on_both_paths(locale_dir: Path, locale: str) -> None:
    with pytest.raises(UnsupportedLocaleError, match="missing or unreadable"):
        translate(SECTION_TITLES["overview"], locale)
    with pytest.raises(UnsupportedLocaleError, match="missing or unreadable"):
        translations(locale)


def test_missing_compiled_catalog_raises(locale_dir: Path) -> None:
    with pytest.raises(UnsupportedLocaleError, match="missing or unreadable"):
        translations("zh_Hans")


def test_unreadable_compiled_catalog_raises(locale_dir: Path) -> None:
    mo = locale_dir / "en" / "LC_MESSAGES" / "disclosure_report.mo"
    mo.parent.mkdir(parents=True)
    mo.write_bytes(b"not a catalog")
    with pytest.raises(UnsupportedLocaleError, match="missing or unreadable"):
        translate(SECTION_TITLES["overview"], "en")
    with pytest.raises(UnsupportedLocaleError, match="missing or unreadable"):
        translations("en")


# --- the update policy of scripts/update_catalogs.py -----------------------------------------


def _catalog(*messages: tuple[str, str, str]) -> Catalog:
    catalog = Catalog(locale="zh_Hans", domain="disclosure_report")
    for context, english, translated in messages:
        catalog.add(english, translated, context=context)
    return catalog


def test_update_keeps_reviews_and_revives_translations() -> None:
    update = _load_script().update
    old = _catalog(
        ("a", "Kept", "保留"),
        ("b", "Old English", "旧译"),
        ("c", "Removed", "删除"),
    )
    template = _catalog(("a", "Kept", ""), ("b", "New English", ""), ("d", "Added", ""))

    new = update(old, template)

    entries = _entries(new)
    assert entries["a", "Kept"].string == "保留"
    assert not entries["a", "Kept"].fuzzy
    edited = entries["b", "New English"]
    assert (edited.string, edited.fuzzy, edited.previous_id) == ("旧译", True, ["Old English"])
    assert entries["d", "Added"].string == ""
    assert [(m.context, m.id, m.string) for m in new.obsolete.values()] == [
        ("c", "Removed", "删除")
    ]

    back = update(new, _catalog(("a", "Kept", ""), ("c", "Removed", "")))

    assert _entries(back)["c", "Removed"].string == "删除"
    assert not back.obsolete or all(m.context != "c" for m in back.obsolete.values())


def test_update_drops_only_on_request() -> None:
    update = _load_script().update
    template = _catalog(("a", "Kept", ""))
    assert update(_catalog(("c", "Removed", "删除")), template).obsolete
    assert not update(_catalog(("c", "Removed", "删除")), template, drop_obsolete=True).obsolete
    assert not update(_catalog(("c", "Removed", "")), template).obsolete


@pytest.mark.parametrize("agency", ["", " ", "\u3000"])
def test_a_title_without_an_agency_has_no_gap(agency: str) -> None:
    from disclosure_report.i18n import report_title

    assert report_title(agency, 2023, "en") == (
        "Annual report on open government information work for 2023"
    )
    assert report_title(agency, 2023, "zh_Hans") == "2023年政府信息公开工作年度报告"
    assert report_title("某局", 2023, "zh_Hans") == "某局2023年政府信息公开工作年度报告"


_QUICK = settings(database=None, phases=[Phase.generate])


def test_rendering_titles_a_report_without_an_agency_alike() -> None:
    from disclosure_report import render
    from disclosure_report.testing import reports

    report = find(reports(version="2021"), lambda _: True, settings=_QUICK)
    nameless = attrs.evolve(report, metadata=attrs.evolve(report.metadata, agency=" "))

    text = render(nameless, to="text", locale="en")

    assert f"Annual report on open government information work for {report.metadata.year}" in text
    assert "of  for" not in text
