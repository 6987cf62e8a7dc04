"""Hypothesis strategies that generate valid reports, balanced by construction.

Every strategy here requires hypothesis (``pip install disclosure-report[testing]``); the module
is not imported by :mod:`disclosure_report`, so the library itself never needs hypothesis.

The strategies draw the parts of every sum and compute the totals, so a generated report passes
every balance rule without any filtering: table 三's rows add up (I1), its outcome rows add up
to （七）总计 (I2), every column carries over (F1), table 四's groups add up (I4), no 2019 item
count goes negative (I5), and the format's guidance is met (X4, the 2021 overview's length,
section 六 reporting the 信息处理费), so :func:`disclosure_report.checks.check` finds nothing.

With ``marks=True`` any table cell may instead be blank or marked not applicable. The checks
treat such a cell as an unknown value and report a rule as broken only when the known numbers
prove it; since the hidden values balance, a report with marks has no error finding either.

Every function takes keyword-only strategies that override how a part is drawn, in the manner
of xarray's ``xarray.testing.strategies``::

    from hypothesis import given
    from disclosure_report import testing

    @given(testing.reports(version="2021", marks=True))
    def test_my_renderer(report): ...
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, Literal, TypeAlias, TypeVar, overload

import attrs


try:
    import hypothesis.strategies as st

    from hypothesis.errors import InvalidArgument
    from hypothesis.strategies import DrawFn, SearchStrategy
except ModuleNotFoundError as error:  # pragma: no cover (tested in a subprocess)
    if error.name is None or error.name.partition(".")[0] != "hypothesis":
        raise
    _msg = (
        "disclosure_report.testing needs hypothesis, which is not installed: "
        'pip install "disclosure-report[testing]"'
    )
    raise ModuleNotFoundError(_msg, name=error.name) from error

from disclosure_report.model import (
    BLANK,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_COUNT,
    NOT_APPLICABLE_SYMBOLS,
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    AdministrativeLevel,
    Amount,
    ApplicantCounts,
    Applications,
    Blank,
    CaseOutcomes,
    CellKind,
    DocumentCounts2019,
    FeeItems2019,
    FormatVersion,
    ItemCounts2019,
    Metadata,
    NotApplicable,
    OtherHandling,
    OtherMatters,
    ProcessingFees,
    ReconsiderationAndLitigation,
    Report2019,
    Report2021,
    Unit,
    attrs_class,
    cell_kind,
    format_version,
    format_versions,
    substitute,
)


__all__ = [
    "active_disclosure",
    "amounts",
    "applicant_counts",
    "applications",
    "case_outcomes",
    "counts",
    "marks",
    "metadata",
    "other_matters",
    "processing_fees",
    "reconsideration_and_litigation",
    "reports",
]

T = TypeVar("T")

# The largest count and amount of money drawn unless told otherwise.
_MAX_COUNT: Final = 10_000
_MAX_AMOUNT: Final = Decimal(100_000_000)
# What section 六 of a 2021 report without a fee record ends with: "no information-processing
# fees were collected this year".
_FEES_MENTION: Final = "本年度未收取信息处理费。"

# The last report year drawn by default (the first is the version's first year).
_LAST_DRAWN_YEAR: Final = 2030
# The rule of a version that wants section 六 to speak of the processing fees.
_FEES_RULE: Final = "S6.FEES"
_TEXT_MAX: Final = 200
_APPLICANT_PARTS: Final = tuple(f.name for f in attrs.fields(ApplicantCounts) if f.name != "total")
_CASE_PARTS: Final = tuple(f.name for f in attrs.fields(CaseOutcomes) if f.name != "total")


# Cells ------------------------------------------------------------------------------------


def counts(*, min_value: int = 0, max_value: int = _MAX_COUNT) -> SearchStrategy[int]:
    """Counts: integers from *min_value* to *max_value*.

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Raises:
        hypothesis.errors.InvalidArgument: If the range goes beyond what a count may be
            (:data:`~disclosure_report.MAX_COUNT`; negative only for signed counts).
    """
    if max(abs(min_value), abs(max_value)) > MAX_COUNT:
        raise InvalidArgument(
            f"counts(min_value={min_value}, max_value={max_value}): a count lies within "
            f"±MAX_COUNT ({MAX_COUNT})"
        )
    return st.integers(min_value=min_value, max_value=max_value)


def marks() -> SearchStrategy[Blank | NotApplicable]:
    """The values of a cell without a number: :data:`~disclosure_report.BLANK`, or a
    :class:`~disclosure_report.NotApplicable` with any of the marks that publishers print.

    Requires hypothesis (``pip install disclosure-report[testing]``).
    """
    return st.just(BLANK) | st.sampled_from(sorted(NOT_APPLICABLE_SYMBOLS)).map(
        lambda symbol: NotApplicable(symbol=symbol)
    )


def amounts(
    *,
    units: SearchStrategy[Unit | None] | None = None,
    max_value: Decimal = _MAX_AMOUNT,
    places: int = 6,
) -> SearchStrategy[Amount]:
    """Amounts of money: exact decimals from 0 to *max_value* with up to *places* decimals.

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        units: The units to draw; 元 or 万元 by default.
        max_value: The largest amount.
        places: The number of decimal places of the drawn values.
    """
    return st.builds(
        Amount,
        value=st.decimals(
            min_value=0,
            max_value=max_value,
            places=places,
            allow_nan=False,
            allow_infinity=False,
        ),
        unit=st.sampled_from((Unit.YUAN, Unit.WAN_YUAN)) if units is None else units,
    )


# Table 三 and 四 -----------------------------------------------------------------------------


def applicant_counts(
    *, counts: SearchStrategy[int] | None = None, marks: bool = False
) -> SearchStrategy[ApplicantCounts]:
    """Rows of table 三 whose total is the sum of the six applicant columns (rule I1).

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        counts: The counts of the six applicant columns (non-negative); :func:`counts` by
            default.
        marks: Whether cells may be blank or marked not applicable.
    """
    parts = _counts_or_default(counts)
    rows = st.fixed_dictionaries(dict.fromkeys(_APPLICANT_PARTS, parts)).map(
        lambda values: ApplicantCounts.from_parts(**values)
    )
    return _maybe_marked(rows, marks=marks)


def case_outcomes(
    *, counts: SearchStrategy[int] | None = None, marks: bool = False
) -> SearchStrategy[CaseOutcomes]:
    """Groups of table 四 whose total is the sum of the four outcomes (rule I4).

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        counts: The counts of the four outcomes (non-negative); :func:`counts` by default.
        marks: Whether cells may be blank or marked not applicable.
    """
    parts = _counts_or_default(counts)
    groups = st.fixed_dictionaries(dict.fromkeys(_CASE_PARTS, parts)).map(
        lambda values: CaseOutcomes.from_parts(**values)
    )
    return _maybe_marked(groups, marks=marks)


def reconsideration_and_litigation(
    *,
    case_outcomes: SearchStrategy[CaseOutcomes] | None = None,
    marks: bool = False,
) -> SearchStrategy[ReconsiderationAndLitigation]:
    """Table 四: three groups that each add up (rule I4).

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        case_outcomes: The strategy of each of the three groups; :func:`case_outcomes` by
            default.
        marks: Whether cells may be blank or marked not applicable.
    """
    groups = _case_outcomes() if case_outcomes is None else case_outcomes
    table = st.builds(
        ReconsiderationAndLitigation,
        reconsideration=groups,
        litigation_direct=groups,
        litigation_after_reconsideration=groups,
    )
    return _maybe_marked(table, marks=marks)


@overload
def applications(
    version: Literal["2019"],
    *,
    counts: SearchStrategy[int] | None = None,
    marks: bool = False,
) -> SearchStrategy[Applications[ApplicantCounts]]: ...
@overload
def applications(
    version: Literal["2021"],
    *,
    counts: SearchStrategy[int] | None = None,
    marks: bool = False,
) -> SearchStrategy[Applications[OtherHandling]]: ...
@overload
def applications(
    version: str,
    *,
    counts: SearchStrategy[int] | None = None,
    marks: bool = False,
) -> SearchStrategy[Any]: ...
def applications(
    version: str,
    *,
    counts: SearchStrategy[int] | None = None,
    marks: bool = False,
) -> SearchStrategy[Any]:
    """Table 三 of *version*, balanced: rules I1, I2 and F1 hold in every row and column.

    Every outcome row and the row carried forward are drawn; （七）总计 is their sum, and
    each column's total of applications (new plus carried over) is split at random between the
    year's new applications and those carried over from the previous year. The rows are those
    of the version's report class: （六）其他处理 is one row in 2019 and three sub-rows in 2021.

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        version: The id of a registered format version (``"2019"``, ``"2021"``).
        counts: The counts drawn for each applicant column of each row (non-negative);
            :func:`counts` by default.
        marks: Whether cells may be blank or marked not applicable.

    Raises:
        UnknownFormatVersionError: If *version* is not registered (a :class:`ValueError`).
    """
    table, typevars = _section(format_version(version), "applications")
    rows = applicant_counts(counts=counts)
    return _maybe_marked(_applications(table, typevars, rows), marks=marks)


@st.composite
def _applications(
    draw: DrawFn,
    table: type,
    typevars: dict[Any, Any],
    rows: SearchStrategy[ApplicantCounts],
) -> Any:
    """Table 三 of the class *table*: its ``outcomes`` (each row drawn, ``total`` their sum),
    the rows ``carried_forward``, ``carried_over`` and ``new_received`` (rule F1)."""
    outcomes_field = attrs.fields_dict(table)["outcomes"]
    outcomes_class, outcome_vars = _part_class(outcomes_field.type, typevars)
    parts = {
        field.name: draw(_rows_of(field.type, outcome_vars, rows))
        for field in attrs.fields(outcomes_class)
        if field.name != "total"
    }
    leaves = [row for part in parts.values() for row in _leaf_rows(part)]
    outcomes = outcomes_class(
        **parts,
        total=ApplicantCounts.from_parts(
            **{name: sum(_number(row, name) for row in leaves) for name in _APPLICANT_PARTS}
        ),
    )
    carried_forward = draw(rows)
    new_received: dict[str, int] = {}
    carried_over: dict[str, int] = {}
    for name in _APPLICANT_PARTS:
        # Rule F1, with every count non-negative: what was handled or kept is what was
        # received new or carried over.
        handled_or_kept = _number(outcomes.total, name) + _number(carried_forward, name)
        carried_over[name] = draw(st.integers(min_value=0, max_value=handled_or_kept))
        new_received[name] = handled_or_kept - carried_over[name]
    return table(
        new_received=ApplicantCounts.from_parts(**new_received),
        carried_over=ApplicantCounts.from_parts(**carried_over),
        outcomes=outcomes,
        carried_forward=carried_forward,
    )


def _rows_of(
    tp: Any, typevars: dict[Any, Any], rows: SearchStrategy[ApplicantCounts]
) -> SearchStrategy[Any]:
    """A row of table 三 (drawn from *rows*) or a group of rows (（三）…（六）), by field type."""
    tp = substitute(tp, typevars)
    if tp is ApplicantCounts:
        return rows
    cls, inner = _part_class(tp, typevars)
    return st.builds(cls, **{f.name: _rows_of(f.type, inner, rows) for f in attrs.fields(cls)})


def _leaf_rows(part: object) -> list[ApplicantCounts]:
    """The rows of table 三 in *part*, a row or a group of rows, in printed order."""
    if type(part) is ApplicantCounts:
        return [part]
    fields = attrs.fields(type(part))  # type: ignore[arg-type]
    return [row for field in fields for row in _leaf_rows(getattr(part, field.name))]


def _number(row: ApplicantCounts, name: str) -> int:
    value = getattr(row, name)
    if type(value) is not int:
        msg = f"the applicant_counts strategy drew a row with a non-number {name}: {value!r}"
        raise TypeError(msg)
    return value


# Table 二 -------------------------------------------------------------------------------------


@overload
def active_disclosure(
    version: Literal["2019"],
    *,
    counts: SearchStrategy[int] | None = None,
    amounts: SearchStrategy[Amount] | None = None,
    marks: bool = False,
) -> SearchStrategy[ActiveDisclosure2019]: ...
@overload
def active_disclosure(
    version: Literal["2021"],
    *,
    counts: SearchStrategy[int] | None = None,
    amounts: SearchStrategy[Amount] | None = None,
    marks: bool = False,
) -> SearchStrategy[ActiveDisclosure2021]: ...
@overload
def active_disclosure(
    version: str,
    *,
    counts: SearchStrategy[int] | None = None,
    amounts: SearchStrategy[Amount] | None = None,
    marks: bool = False,
) -> SearchStrategy[Any]: ...
def active_disclosure(
    version: str,
    *,
    counts: SearchStrategy[int] | None = None,
    amounts: SearchStrategy[Amount] | None = None,
    marks: bool = False,
) -> SearchStrategy[Any]:
    """Table 二 of *version*, as the version's report class shapes it.

    In the 2019 format, every item count at the end of the year (``previous_items + change``)
    is drawn as a count, so it is never negative (rule I5), and the documents newly disclosed
    are at most those newly produced and at most the total disclosed (X4).

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        version: The id of a registered format version (``"2019"``, ``"2021"``).
        counts: The counts drawn (non-negative); :func:`counts` by default.
        amounts: The money cells. By default in the unit that the column header states (2021's
            fees collected: 万元), else in 元, 万元 or no unit (2019's procurement total).
        marks: Whether cells may be blank or marked not applicable.

    Raises:
        UnknownFormatVersionError: If *version* is not registered (a :class:`ValueError`).
    """
    found = format_version(version)
    table, typevars = _section(found, "active_disclosure")
    units = {
        (spec.address.row, spec.address.column): spec.unit
        for spec in found.table_layout()
        if spec.address.table == 2  # noqa: PLR2004 (table 二)
    }
    numbers = _counts_or_default(counts)
    return _maybe_marked(
        _table_2(table, typevars, numbers=numbers, money=amounts, units=units, path=()), marks=marks
    )


def _table_2(
    cls: type,
    typevars: dict[Any, Any],
    *,
    numbers: SearchStrategy[int],
    money: SearchStrategy[Amount] | None,
    units: Mapping[tuple[str, str], Unit | None],
    path: tuple[str, ...],
) -> SearchStrategy[Any]:
    """The part *cls* of table 二 at *path*, drawn field by field from its class."""
    special = _TABLE_2_ROWS.get(cls)
    if special is not None:
        return special(numbers)
    fields: dict[str, SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        kind = cell_kind(field)
        if kind is None:
            part, part_vars = _part_class(field.type, typevars)
            fields[field.name] = _table_2(
                part,
                part_vars,
                numbers=numbers,
                money=money,
                units=units,
                path=(*path, field.name),
            )
        elif kind is CellKind.AMOUNT:
            unit = units.get((".".join(path), field.name))
            default_units = _ANY_UNIT if unit is None else st.just(unit)
            fields[field.name] = _amounts(units=default_units) if money is None else money
        elif kind is CellKind.SIGNED_COUNT:
            fields[field.name] = st.tuples(numbers, numbers).map(lambda t: t[0] - t[1])
        else:
            fields[field.name] = numbers
    return st.builds(cls, **fields)


_ANY_UNIT: Final = st.sampled_from((Unit.YUAN, Unit.WAN_YUAN, None))


def _document_counts_2019(numbers: SearchStrategy[int]) -> SearchStrategy[DocumentCounts2019]:
    # X4: newly_disclosed <= newly_produced and newly_disclosed <= total_disclosed.
    return st.tuples(numbers, numbers, numbers).map(
        lambda t: DocumentCounts2019(
            newly_produced=t[0] + t[1], newly_disclosed=t[0], total_disclosed=t[0] + t[2]
        )
    )


def _item_counts_2019(numbers: SearchStrategy[int]) -> SearchStrategy[ItemCounts2019]:
    # I5: previous_items + change is the current number of items, a count.
    return st.tuples(numbers, numbers, numbers).map(
        lambda t: ItemCounts2019(previous_items=t[0], change=t[1] - t[0], decisions=t[2])
    )


def _fee_items_2019(numbers: SearchStrategy[int]) -> SearchStrategy[FeeItems2019]:
    # I5, as for the items above.
    return st.tuples(numbers, numbers).map(
        lambda t: FeeItems2019(previous_items=t[0], change=t[1] - t[0])
    )


_TABLE_2_ROWS: Final[Mapping[type, Callable[[SearchStrategy[int]], SearchStrategy[Any]]]] = {
    DocumentCounts2019: _document_counts_2019,
    ItemCounts2019: _item_counts_2019,
    FeeItems2019: _fee_items_2019,
}
"""The rows of table 二 whose cells depend on each other (the 2019 format's X4 and I5)."""


# Metadata and narrative -----------------------------------------------------------------------


def metadata(
    *,
    agency: SearchStrategy[str] | None = None,
    year: SearchStrategy[int] | None = None,
    published: SearchStrategy[dt.date | None] | None = None,
    source_url: SearchStrategy[str | None] | None = None,
    level: SearchStrategy[AdministrativeLevel | None] | None = None,
    region: SearchStrategy[str | None] | None = None,
) -> SearchStrategy[Metadata]:
    """Report metadata; each field can be overridden with a strategy of its own.

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        agency: The agency's name; short text by default.
        year: The report year; :data:`~disclosure_report.model.FIRST_YEAR` to
            :data:`~disclosure_report.model.LAST_YEAR` by default (what
            :class:`~disclosure_report.Metadata` accepts).
        published: The publication date or ``None``.
        source_url: The source URL or ``None``.
        level: The administrative level or ``None``.
        region: The region or ``None``.
    """
    return st.builds(
        Metadata,
        agency=st.text(min_size=1, max_size=40) if agency is None else agency,
        year=st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR) if year is None else year,
        published=(
            st.none()
            | st.dates(min_value=dt.date(FIRST_YEAR, 1, 1), max_value=dt.date(LAST_YEAR, 12, 31))
            if published is None
            else published
        ),
        source_url=(
            st.none() | st.text(max_size=60).map(lambda path: f"https://example.gov.cn/{path}")
            if source_url is None
            else source_url
        ),
        level=st.none() | st.sampled_from(AdministrativeLevel) if level is None else level,
        region=st.none() | st.text(max_size=20) if region is None else region,
    )


def processing_fees(
    *,
    amounts: SearchStrategy[Amount] | None = None,
    applications: SearchStrategy[int | None] | None = None,
) -> SearchStrategy[ProcessingFees]:
    """Records of the information-processing fees (信息处理费) of section 六.

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        amounts: The amount collected; :func:`amounts` by default.
        applications: The number of applications charged, or ``None``.
    """
    return st.builds(
        ProcessingFees,
        amount=_amounts() if amounts is None else amounts,
        applications=st.none() | counts() if applications is None else applications,
    )


def other_matters(
    version: str,
    *,
    text: SearchStrategy[str] | None = None,
    processing_fees: SearchStrategy[ProcessingFees | None] | None = None,
) -> SearchStrategy[OtherMatters]:
    """Section 六 of *version*, with or without a record of the processing fees.

    A 2021 report must speak of the 信息处理费 (the version's rule ``S6.FEES``): when no record is
    drawn, the text of a version with that rule ends with ``本年度未收取信息处理费。`` ("no
    information-processing fees were collected this year"), so the guidance check finds nothing.

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        version: The id of a registered format version (``"2019"``, ``"2021"``).
        text: The section's text; short text by default.
        processing_fees: The fee record, or ``None``; either by default.

    Raises:
        UnknownFormatVersionError: If *version* is not registered (a :class:`ValueError`).
    """
    mentions_fees = _FEES_RULE in format_version(version).rules
    texts = st.text(max_size=_TEXT_MAX) if text is None else text
    fees = st.none() | _processing_fees() if processing_fees is None else processing_fees
    return st.builds(_other_matters, st.just(mentions_fees), texts, fees)


def _other_matters(mentions_fees: bool, text: str, fees: ProcessingFees | None) -> OtherMatters:
    if mentions_fees and fees is None:
        text += _FEES_MENTION
    return OtherMatters(text=text, processing_fees=fees)


# Reports --------------------------------------------------------------------------------------


@overload
def reports(
    version: Literal["2019"],
    *,
    metadata: SearchStrategy[Metadata] | None = None,
    overview: SearchStrategy[str] | None = None,
    active_disclosure: SearchStrategy[ActiveDisclosure2019] | None = None,
    applications: SearchStrategy[Applications[ApplicantCounts]] | None = None,
    reconsideration_and_litigation: SearchStrategy[ReconsiderationAndLitigation] | None = None,
    problems_and_improvements: SearchStrategy[str] | None = None,
    other_matters: SearchStrategy[OtherMatters] | None = None,
    marks: bool = False,
) -> SearchStrategy[Report2019]: ...
@overload
def reports(
    version: Literal["2021"],
    *,
    metadata: SearchStrategy[Metadata] | None = None,
    overview: SearchStrategy[str] | None = None,
    active_disclosure: SearchStrategy[ActiveDisclosure2021] | None = None,
    applications: SearchStrategy[Applications[OtherHandling]] | None = None,
    reconsideration_and_litigation: SearchStrategy[ReconsiderationAndLitigation] | None = None,
    problems_and_improvements: SearchStrategy[str] | None = None,
    other_matters: SearchStrategy[OtherMatters] | None = None,
    marks: bool = False,
) -> SearchStrategy[Report2021]: ...
@overload
def reports(
    version: None = None,
    *,
    metadata: SearchStrategy[Metadata] | None = None,
    overview: SearchStrategy[str] | None = None,
    reconsideration_and_litigation: SearchStrategy[ReconsiderationAndLitigation] | None = None,
    problems_and_improvements: SearchStrategy[str] | None = None,
    other_matters: SearchStrategy[OtherMatters] | None = None,
    marks: bool = False,
) -> SearchStrategy[Report2019 | Report2021]: ...
@overload
def reports(
    version: str,
    *,
    metadata: SearchStrategy[Metadata] | None = None,
    overview: SearchStrategy[str] | None = None,
    active_disclosure: SearchStrategy[Any] | None = None,
    applications: SearchStrategy[Any] | None = None,
    reconsideration_and_litigation: SearchStrategy[ReconsiderationAndLitigation] | None = None,
    problems_and_improvements: SearchStrategy[str] | None = None,
    other_matters: SearchStrategy[OtherMatters] | None = None,
    marks: bool = False,
) -> SearchStrategy[Any]: ...
def reports(
    version: str | None = None,
    *,
    metadata: SearchStrategy[Metadata] | None = None,
    overview: SearchStrategy[str] | None = None,
    active_disclosure: SearchStrategy[Any] | None = None,
    applications: SearchStrategy[Any] | None = None,
    reconsideration_and_litigation: SearchStrategy[ReconsiderationAndLitigation] | None = None,
    problems_and_improvements: SearchStrategy[str] | None = None,
    other_matters: SearchStrategy[OtherMatters] | None = None,
    marks: bool = False,
) -> SearchStrategy[Any]:
    """Whole reports of *version* (any registered version when ``None``) that pass every check.

    Every part is drawn from the strategy of the same name in this module unless a strategy is
    given for it; the version-specific sections (table 二 and 三) can only be overridden for a
    given *version*. By default the report year suits the version (from its first year to 2030:
    2019 to 2030 for the 2019 format, 2021 to 2030 for the 2021 format) and the narrative
    sections are short.

    Requires hypothesis (``pip install disclosure-report[testing]``).

    Args:
        version: The id of a registered format version (``"2019"``, ``"2021"``), or ``None`` for
            any of those registered when the strategy is made
            (:func:`~disclosure_report.format_versions`).
        metadata: The report's metadata.
        overview: The text of section 一 (keep it under about 1,000 characters).
        active_disclosure: Table 二 (for a given *version* only).
        applications: Table 三 (for a given *version* only).
        reconsideration_and_litigation: Table 四.
        problems_and_improvements: The text of section 五.
        other_matters: Section 六.
        marks: Whether the cells of tables 二, 三 and 四 may be blank or marked not
            applicable; such reports still have no error finding.

    Raises:
        UnknownFormatVersionError: If *version* is not registered (a :class:`ValueError`).
    """
    if version is None:
        if active_disclosure is not None or applications is not None:
            msg = "active_disclosure and applications need a format version"
            raise TypeError(msg)
        return st.one_of(
            *(
                reports(
                    each,
                    metadata=metadata,
                    overview=overview,
                    reconsideration_and_litigation=reconsideration_and_litigation,
                    problems_and_improvements=problems_and_improvements,
                    other_matters=other_matters,
                    marks=marks,
                )
                for each in (found.id for found in format_versions())
            )
        )
    found = format_version(version)
    texts = st.text(max_size=_TEXT_MAX)
    first_year = found.first_year
    last_year = max(first_year, _LAST_DRAWN_YEAR)
    report = st.builds(
        found.report_class,
        metadata=(
            _metadata(year=st.integers(min_value=first_year, max_value=last_year))
            if metadata is None
            else metadata
        ),
        overview=texts if overview is None else overview,
        active_disclosure=(
            _active_disclosure(version) if active_disclosure is None else active_disclosure
        ),
        applications=_applications_of(version) if applications is None else applications,
        reconsideration_and_litigation=(
            _reconsideration_and_litigation()
            if reconsideration_and_litigation is None
            else reconsideration_and_litigation
        ),
        problems_and_improvements=(
            texts if problems_and_improvements is None else problems_and_improvements
        ),
        other_matters=_other_matters_of(version) if other_matters is None else other_matters,
    )
    if not marks:
        return report
    return report.flatmap(_marked_tables)


# The public functions' names are also their parameters' names; these aliases reach them.
_amounts = amounts
_applications_of = applications
_active_disclosure = active_disclosure
_case_outcomes = case_outcomes
_metadata = metadata
_other_matters_of = other_matters
_processing_fees = processing_fees
_reconsideration_and_litigation = reconsideration_and_litigation


# Marks ----------------------------------------------------------------------------------------

_DENSITY_STEPS: Final = 10


def _maybe_marked(strategy: SearchStrategy[T], *, marks: bool) -> SearchStrategy[T]:
    """*strategy*, with cells made blank or not applicable when *marks* is true."""
    if not marks:
        return strategy
    return strategy.flatmap(_marked)


def _marked(part: T) -> SearchStrategy[T]:
    """*part* with some of its cells replaced by marks; how many is drawn first."""
    return st.integers(min_value=0, max_value=_DENSITY_STEPS).flatmap(
        lambda density: _masked(part, density)
    )


def _marked_tables(report: T) -> SearchStrategy[T]:
    """*report* with marks in some cells of its tables (二, 三, 四)."""
    sections = ("active_disclosure", "applications", "reconsideration_and_litigation")
    changes = st.fixed_dictionaries({name: _marked(getattr(report, name)) for name in sections})
    return changes.map(lambda found: attrs.evolve(report, **found))  # type: ignore[misc]


_MARK_VALUES: Final[tuple[Blank | NotApplicable, ...]] = (
    BLANK,
    *(NotApplicable(symbol=symbol) for symbol in sorted(NOT_APPLICABLE_SYMBOLS)),
)
# One draw per cell decides both whether it is marked (its last digit) and with what mark.
_CELL_DIE: Final = st.integers(min_value=0, max_value=_DENSITY_STEPS * len(_MARK_VALUES) - 1)

Path: TypeAlias = tuple[str, ...]


@st.composite
def _masked(draw: DrawFn, part: T, density: int) -> T:
    """*part* with each cell replaced by a mark with probability *density* / 10.

    The hidden values balance and are non-negative, so the known numbers can never prove a
    rule broken: a known part of a sum is at most the whole.
    """
    if density == 0:
        return part
    changes = {}
    for path in _cell_paths(part):
        die = draw(_CELL_DIE)
        if die % _DENSITY_STEPS < density:
            changes[path] = _MARK_VALUES[die // _DENSITY_STEPS]
    return _replaced(part, changes)


def _cell_paths(part: object, prefix: Path = ()) -> list[Path]:
    """The attribute paths from *part* to each of its table cells."""
    paths: list[Path] = []
    for field in attrs.fields(type(part)):  # type: ignore[arg-type]
        if cell_kind(field) is not None:
            paths.append((*prefix, field.name))
        else:
            value = getattr(part, field.name)
            if attrs.has(type(value)):
                paths.extend(_cell_paths(value, (*prefix, field.name)))
    return paths


def _replaced(part: T, changes: Mapping[Path, object]) -> T:
    """*part* with the value at each path of *changes* replaced."""
    if not changes:
        return part
    nested: dict[str, dict[Path, object]] = {}
    for (name, *rest), value in changes.items():
        nested.setdefault(name, {})[tuple(rest)] = value
    return attrs.evolve(  # type: ignore[misc]
        part,
        **{
            name: inner[()] if () in inner else _replaced(getattr(part, name), inner)
            for name, inner in nested.items()
        },
    )


# Helpers --------------------------------------------------------------------------------------


def _counts_or_default(strategy: SearchStrategy[int] | None) -> SearchStrategy[int]:
    return counts() if strategy is None else strategy


def _section(version: FormatVersion, name: str) -> tuple[type, dict[Any, Any]]:
    """The class of the section *name* of *version*'s reports, and the type variables it binds."""
    return _part_class(attrs.fields_dict(version.report_class)[name].type, {})


def _part_class(tp: Any, typevars: dict[Any, Any]) -> tuple[type, dict[Any, Any]]:
    """The attrs class of a part's field type, and the type variables it binds."""
    found = attrs_class(tp, typevars)
    if found is None:
        msg = f"not a part of a report (an attrs class): {tp!r}"
        raise TypeError(msg)
    return found
