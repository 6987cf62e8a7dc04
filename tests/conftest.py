"""Hypothesis profiles, and a third format version for tests of the registry.

``HYPOTHESIS_PROFILE`` picks one; otherwise ``ci`` when ``CI`` is set (as in
.ci/run) and ``dev`` elsewhere. ``HYPOTHESIS_PROFILE=fast`` for quick runs.

The fixture ``third_version`` registers the format version ``"2099"``, defined
only here (:class:`Report2099`), for one test; see the section at the end.

The command line's ``--lang`` defaults to the language of the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``). So that the tests do not depend on the
machine's, they run in a Chinese locale (:func:`chinese_locale`); a test of
another sets its own with ``monkeypatch``.
"""

import os

from collections.abc import Iterator
from typing import Literal

import attrs
import pytest

from hypothesis import settings

from disclosure_report.model import (
    NC_,
    ActiveDisclosure2021,
    ApplicantCounts,
    Applications,
    FormatVersion,
    Metadata,
    NotHandled,
    OtherHandling,
    OtherMatters,
    Outcomes,
    ReconsiderationAndLitigation,
    Report2021,
    ReportMethods,
    UnableToProvide,
    Withheld,
    format_version,
    is_part,
    label_of,
    meta,
    registered_format_version,
)


# Hypothesis' built-in "ci" profile: derandomized, no deadline, no database,
# prints reproduction blobs. Keep the example count within the CI budget.
settings.register_profile("ci", settings.get_profile("ci"), max_examples=100)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session", autouse=True)
def chinese_locale() -> Iterator[None]:
    """Messages in the Chinese locale ``zh_CN.UTF-8``, for every test and the commands it runs.

    Only the locale of messages: ``LC_MESSAGES``, with ``LC_ALL`` (which would override it)
    removed; the character type (and so the encoding of a command run in a subprocess) stays
    that of ``LANG``. Session-scoped, so that hypothesis tests do not see a function-scoped
    fixture.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("LC_ALL", raising=False)
        patch.setenv("LC_MESSAGES", "zh_CN.UTF-8")
        yield


# A third format version, defined only here ------------------------------------------------------
#
# Proves that everything asking the registry (rendering, schema, strategies; checks, serialize,
# reading as they move onto it) works for a version that the library has never heard of. The
# ``third_version`` fixture registers it for one test; the classes stay defined, unregistered,
# for the rest of the session. Table 三 has one row more than 2021's, (6a) ``referred``, with a
# label that no catalog has, and the shared row ``granted`` is relabelled for this version only.

THIRD_VERSION_ID = "2099"
REFERRED_LABEL = NC_("t3.row.referred.2099", "(6a) Referred to the competent organ")
"""The label of the row that only the third version has; no catalog translates it."""
GRANTED_LABEL_2099 = NC_("t3.row.granted.2099", "(1) Granted in full")
"""How the third version labels the shared row ``granted``; no catalog translates it."""

_OUTCOMES = attrs.fields_dict(Outcomes)
_APPLICATIONS = attrs.fields_dict(Applications)
_REPORT = attrs.fields_dict(Report2021)


@attrs.frozen(kw_only=True)
class Outcomes2099:
    """三、本年度办理结果 of the third version: 2021's rows, and （六之一） after （六）."""

    granted: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts),
        metadata=meta(
            label_of(_OUTCOMES["granted"]), labels_by_version={"2099": GRANTED_LABEL_2099}
        ),
    )
    partially_granted: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts), metadata=_OUTCOMES["partially_granted"].metadata
    )
    withheld: Withheld = attrs.field(
        validator=is_part(Withheld), metadata=_OUTCOMES["withheld"].metadata
    )
    unable_to_provide: UnableToProvide = attrs.field(
        validator=is_part(UnableToProvide), metadata=_OUTCOMES["unable_to_provide"].metadata
    )
    not_handled: NotHandled = attrs.field(
        validator=is_part(NotHandled), metadata=_OUTCOMES["not_handled"].metadata
    )
    other_handling: OtherHandling = attrs.field(
        validator=is_part(OtherHandling), metadata=_OUTCOMES["other_handling"].metadata
    )
    referred: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts), metadata=meta(REFERRED_LABEL)
    )
    total: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts), metadata=_OUTCOMES["total"].metadata
    )


@attrs.frozen(kw_only=True)
class Applications2099:
    """Table 三 of the third version."""

    new_received: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts), metadata=_APPLICATIONS["new_received"].metadata
    )
    carried_over: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts), metadata=_APPLICATIONS["carried_over"].metadata
    )
    outcomes: Outcomes2099 = attrs.field(
        validator=is_part(Outcomes2099), metadata=_APPLICATIONS["outcomes"].metadata
    )
    carried_forward: ApplicantCounts = attrs.field(
        validator=is_part(ApplicantCounts), metadata=_APPLICATIONS["carried_forward"].metadata
    )


@attrs.frozen(kw_only=True)
class Report2099(ReportMethods):
    """A report in the third version: the 2021 format with the row (6a) in table 三."""

    format_version: Literal["2099"] = attrs.field(
        default="2099", validator=attrs.validators.in_(("2099",))
    )
    metadata: Metadata = attrs.field(
        validator=_REPORT["metadata"].validator, metadata=_REPORT["metadata"].metadata
    )
    overview: str = attrs.field(
        validator=_REPORT["overview"].validator, metadata=_REPORT["overview"].metadata
    )
    active_disclosure: ActiveDisclosure2021 = attrs.field(
        validator=_REPORT["active_disclosure"].validator,
        metadata=_REPORT["active_disclosure"].metadata,
    )
    applications: Applications2099 = attrs.field(
        validator=is_part(Applications2099), metadata=_REPORT["applications"].metadata
    )
    reconsideration_and_litigation: ReconsiderationAndLitigation = attrs.field(
        validator=_REPORT["reconsideration_and_litigation"].validator,
        metadata=_REPORT["reconsideration_and_litigation"].metadata,
    )
    problems_and_improvements: str = attrs.field(
        validator=_REPORT["problems_and_improvements"].validator,
        metadata=_REPORT["problems_and_improvements"].metadata,
    )
    other_matters: OtherMatters = attrs.field(
        validator=_REPORT["other_matters"].validator, metadata=_REPORT["other_matters"].metadata
    )


for _cls in (Outcomes2099, Applications2099, Report2099):
    attrs.resolve_types(_cls, globalns=globals())


def third_format_version() -> FormatVersion:
    """The third version's registry entry (not registered): 2021's rules, a title of its own."""
    return FormatVersion(
        id=THIRD_VERSION_ID,
        name=NC_("format.2099.name", "Format of the annual report, third version (test)"),
        notice=NC_("format.2099.document", "Test notice No. 2099"),
        first_year=2025,
        last_year=None,
        report_class=Report2099,
        rules=format_version("2021").rules,
        series_rules=format_version("2021").series_rules,
        formulas=dict(format_version("2021").formulas),
    )


@pytest.fixture
def third_version() -> Iterator[FormatVersion]:
    """The third format version ``"2099"`` (:class:`Report2099`), registered for one test."""
    with registered_format_version(third_format_version()) as version:
        yield version
