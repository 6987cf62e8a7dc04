"""A format version registered after import renders like the built-in ones (issue 12).

The version ``"2099"`` is defined in ``tests/conftest.py`` (fixture ``third_version``): table 三
has a row (6a) ``referred`` that no other version has, and the shared row ``granted`` is
labelled differently; neither label is in any catalog, so every locale prints its English.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from hypothesis import Phase, find, settings

from disclosure_report import Report2021, UnknownFormatVersionError, render, testing
from disclosure_report.i18n import translate
from disclosure_report.model import (
    FormatVersion,
    Label,
    attrs_class,
    label_of,
    register_format_version,
    unregister_format_version,
)


QUICK = settings(database=None, phases=[Phase.generate])


def outcome_label(report_class: type, name: str, version: str) -> Label:
    applications = attrs_class(attrs.fields_dict(report_class)["applications"].type, {})
    assert applications is not None
    outcomes = attrs_class(attrs.fields_dict(applications[0])["outcomes"].type, applications[1])
    assert outcomes is not None
    return label_of(attrs.fields_dict(outcomes[0])[name], version)


def a_report(version: str) -> Any:
    return find(testing.reports(version), lambda _: True, settings=QUICK)


@pytest.mark.parametrize("to", ["html", "md", "text"])
@pytest.mark.parametrize("locale", ["zh_Hans", "en"])
def test_the_extra_row_and_the_renamed_label_render(
    third_version: FormatVersion, to: str, locale: str
) -> None:
    report = a_report("2099")
    out = render(report, to=to, locale=locale)  # type: ignore[call-overload]

    referred = outcome_label(third_version.report_class, "referred", "2099")
    granted = outcome_label(third_version.report_class, "granted", "2099")
    assert translate(referred, locale) == referred.english  # no catalog has it
    assert referred.english in out
    assert granted.english in out
    shared = translate(outcome_label(Report2021, "granted", "2021"), locale)
    assert shared not in out
    assert shared in render(a_report("2021"), to=to, locale=locale)  # type: ignore[call-overload]


def test_the_extra_row_has_its_cells_in_html(third_version: FormatVersion) -> None:
    report = a_report(third_version.id)
    html = render(report, to="html")
    referred = report.applications.outcomes.referred
    for column in ("natural_persons", "total"):
        cell = f'data-cell="3/outcomes.referred/{column}">{getattr(referred, column)}</td>'
        assert cell in html


def test_an_unregistered_version_does_not_render(third_version: FormatVersion) -> None:
    report = a_report(third_version.id)
    with pytest.raises(UnknownFormatVersionError, match="Report2019 or Report2021 or Report2099"):
        render(object(), to="md")  # type: ignore[call-overload]
    unregister_format_version(third_version.id)
    try:
        with pytest.raises(UnknownFormatVersionError, match="Report2019 or Report2021"):
            render(report, to="md")
    finally:
        register_format_version(third_version)
