"""A report as an Excel workbook (``.xlsx``): a form to fill in, check and read back.

One sheet per section of the report, named by its heading, in the printed order: sheet 一 holds
the title, the date of publication and the overview; sheets 二, 三 and 四 the tables in the
official layout (the merged cells of the HTML and Word outputs, from the same grids,
:mod:`._grid`); sheets 五 and 六 their text (六 with the processing fees when recorded).

For the person filling it in:

* every label is protected (the sheets are protected without a password); the value cells, the
  title and the texts are not;
* every value cell is validated: a count takes a whole number of at least 0, ``/`` or nothing;
  the 2019 ``本年增/减`` any whole number; money a decimal of at least 0;
* the balance rules of the format version (``checks.rules_of``) are shown beside each table as
  formulas: each difference must be 0 (I5: the sum must not be negative), stays empty while an
  operand is not a number, and turns red when a rule is broken. They lie outside the print
  area, which is the official table, and the reader reads only the print area.

Values are written as the model holds them: a count as a number, money as a number whose number
format shows its decimal places and, where the column header does not state it, its unit
(``0.00"元"``), so that the reader gets back the exact decimal and unit; a not-applicable cell as
its mark; a blank cell empty. Money with more than 15 significant digits, more than Excel keeps
in a number, is written as text. Text that XML cannot hold (control characters) is escaped as
Excel escapes it (``_x0001_``).

Written with openpyxl (imported only here): it writes data validation, protection and
conditional formats, which a workbook to fill in needs (see ``docs/design-notes.md``).
"""

from __future__ import annotations

import datetime as dt
import io
import re

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from disclosure_report.i18n import resolve_locale, translate
from disclosure_report.model import (
    BLANK,
    LEVEL_LABELS,
    NC_,
    NOT_APPLICABLE_SYMBOLS,
    UNIT_LABELS,
    AdministrativeLevel,
    Amount,
    CellAddress,
    CellKind,
    FormatVersion,
    Metadata,
    NotApplicable,
    OtherMatters,
    Report,
    Unit,
    format_version,
    label_of,
    table_layout,
    version_id_of,
)
from disclosure_report.rendering._content import (
    SECTIONS,
    TABLES,
    colon,
    fee_lines,
    section_title,
    title,
    values,
)
from disclosure_report.rendering._docx import TEXT_WIDTH, column_widths
from disclosure_report.rendering._grid import Data, Grid, Head, grids_of


if TYPE_CHECKING:
    from openpyxl.cell import Cell, MergedCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection
    from openpyxl.worksheet.worksheet import Worksheet

    from disclosure_report.checks import Rule


__all__ = [
    "CHECKS_NOTE",
    "METADATA_FIELDS",
    "NOT_APPLICABLE",
    "TABLE_ROW",
    "escape_text",
    "render_xlsx",
    "sheet_name",
]

CHECKS_NOTE: Final = NC_(
    "xlsx.checks",
    "Balance rules (not part of the report): each difference must be 0. It stays empty until "
    "every cell it adds up holds a number, and turns red when the rule is broken.",
)
_VALID_TITLE: Final = NC_("xlsx.valid.title", "Not a value for this cell")
_VALID: Final = {
    CellKind.COUNT: NC_(
        "xlsx.valid.count",
        "A whole number of at least 0; / when not applicable; empty when not known.",
    ),
    CellKind.SIGNED_COUNT: NC_(
        "xlsx.valid.signed_count",
        "A whole number, negative for a decrease; / when not applicable; empty when not known.",
    ),
    CellKind.AMOUNT: NC_(
        "xlsx.valid.amount",
        "An amount of at least 0, decimals allowed; / when not applicable; empty when not known.",
    ),
}

METADATA_FIELDS: Final = tuple(
    field for field in attrs.fields(Metadata) if field.name not in {"agency", "year"}
)
"""The metadata that the workbook gives a row of its own under the title, which prints the
agency and the year."""
"""The label of the date of publication on sheet 一, beside the date (which the reader reads)."""

NOT_APPLICABLE: Final = "/"
"""The mark a person types for a cell that does not apply (the validation takes the others
that publishers print, too)."""
TABLE_ROW: Final = 3
"""The sheet row (1-based) where a table starts: the section heading is in row 1."""
_MARKS: Final = tuple(sorted(NOT_APPLICABLE_SYMBOLS))
_EXCEL_DIGITS: Final = 15
"""The significant digits of a number that Excel keeps."""
_MAX_ROW_HEIGHT: Final = 409
_CHARS_PER_LINE: Final = 60
_FONTS: Final = {"zh_Hans": "宋体", "zh_Hant": "新細明體", "en": "Calibri"}
_SHEET_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
_XML_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_TEXT_COLUMNS: Final = 8
"""The columns a text cell of sheets 一, 五 and 六 spans."""
_TEXT_WIDTH: Final = 14
_CHAR_WIDTH: Final = 130 / TEXT_WIDTH
"""Excel column width units per twentieth of a point, so that a table is some 130 wide."""


def escape_text(text: str) -> str:
    """*text* as a cell holds it: characters XML cannot hold (and ``\\r``, which XML reads as
    ``\\n``) as ``_xHHHH_``, and an ``_`` that starts such a sequence as ``_x005F_``."""
    return _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _put_text(cell: Cell | MergedCell, text: str | None) -> Cell | MergedCell:
    """Write *text* into *cell* as text (:func:`escape_text`), never as a formula: a report's
    ``=1+1`` or ``=HYPERLINK(…)`` is what it says, and a workbook of ours runs nothing that a
    report holds (openpyxl takes any string that starts with ``=`` for a formula)."""
    cell.value = None if text is None else escape_text(text)
    if text is not None:
        cell.data_type = "s"
    return cell


def sheet_name(heading: str) -> str:
    """A sheet's name: the section heading, without the characters a name may not hold, cut to
    Excel's 31 characters."""
    return _SHEET_FORBIDDEN.sub(" ", heading)[:31].strip() or "-"


def _amount_format(amount: Amount, header_unit: Unit | None, locale: str) -> str:
    exponent = amount.value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    number = "0." + "0" * places if places else "0"
    if amount.unit is None or amount.unit is header_unit:
        return number
    unit = translate(UNIT_LABELS[amount.unit], locale).replace('"', "")
    if resolve_locale(locale) == "en":
        return f'{number}" ({unit})"'
    return f'{number}"{unit}"'


def _cell_value(value: object) -> object:
    if type(value) is int:
        return value
    if type(value) is NotApplicable:
        return value.symbol
    if value is BLANK:
        return None
    assert type(value) is Amount  # noqa: S101 (the model's validators let nothing else in)
    digits = len(value.value.normalize().as_tuple().digits)
    return value.value if digits <= _EXCEL_DIGITS else format(value.value, "f")


@attrs.frozen
class _Placed:
    """Where a table landed on its sheet: the cell of each address, the last column and row."""

    cells: dict[CellAddress, str]
    last_column: int
    last_row: int


@attrs.frozen
class _Style:
    """The cell styles of the workbook."""

    border: Border
    font: Font
    bold: Font
    title: Font
    grey: Font
    center: Alignment
    left: Alignment
    text: Alignment
    open: Protection
    red: PatternFill


def _styles(locale: str) -> _Style:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    thin = Side(style="thin", color="000000")
    font = _FONTS[resolve_locale(locale)]
    return _Style(
        border=Border(left=thin, right=thin, top=thin, bottom=thin),
        font=Font(name=font, size=10),
        bold=Font(name=font, size=12, bold=True),
        title=Font(name=font, size=16, bold=True),
        grey=Font(name=font, size=9, color="595959"),
        center=Alignment(horizontal="center", vertical="center", wrap_text=True),
        left=Alignment(horizontal="left", vertical="center", wrap_text=True),
        text=Alignment(horizontal="left", vertical="top", wrap_text=True),
        open=Protection(locked=False),
        red=PatternFill(start_color="FFC7CE", end_color="FFC7CE", fill_type="solid"),
    )


def _heading(sheet: Worksheet, row: int, text: str, style: _Style) -> None:
    cell = _put_text(sheet.cell(row=row, column=1), text)
    cell.font = style.bold


def _text_cell(sheet: Worksheet, row: int, text: str, style: _Style) -> None:
    """A text the person writes: one cell over the text columns, unlocked, tall enough."""
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=_TEXT_COLUMNS)
    cell = _put_text(sheet.cell(row=row, column=1), text or None)
    cell.alignment = style.text
    cell.protection = style.open
    cell.font = style.font
    lines = sum(max(1, -(-len(line) // _CHARS_PER_LINE)) for line in text.split("\n"))
    sheet.row_dimensions[row].height = min(_MAX_ROW_HEIGHT, max(60, 15 * lines))


def _box(sheet: Worksheet, row: int, column: int, cell: Head | Data, style: _Style) -> None:
    """Borders on every sheet cell that *cell* covers from (*row*, *column*), 1-based, and the
    merge of them when it spans more than one."""
    rowspan = cell.rowspan if isinstance(cell, Head) else 1
    last_row, last_column = row + rowspan - 1, column + cell.colspan - 1
    for r in range(row, last_row + 1):
        for c in range(column, last_column + 1):
            sheet.cell(row=r, column=c).border = style.border
    if (last_row, last_column) != (row, column):
        sheet.merge_cells(
            start_row=row, start_column=column, end_row=last_row, end_column=last_column
        )


def _write_value(target: Cell | MergedCell, value: object, unit: Unit | None, locale: str) -> None:
    if type(value) is Amount:
        target.number_format = _amount_format(value, unit, locale)
    elif type(value) is int:
        target.number_format = "0"
    target.value = _cell_value(value)  # type: ignore[assignment]


def _table(sheet: Worksheet, report: Report, grid: Grid, *, locale: str, style: _Style) -> _Placed:
    from openpyxl.utils import get_column_letter

    for column, width in enumerate(column_widths(grid), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = max(
            8, round(width * _CHAR_WIDTH)
        )
    units = {spec.address: spec.unit for spec in table_layout(type(report))}
    cells = values(report)
    placed: dict[CellAddress, str] = {}
    covered: dict[int, int] = {}  # grid column -> rows still covered by a merged cell, this one too
    rows = [row for section in grid.sections for row in section.rows]
    for row_number, row in enumerate(rows, start=TABLE_ROW):
        column = 0
        for cell in row:
            while column in covered:
                column += 1
            _box(sheet, row_number, column + 1, cell, style)
            target = sheet.cell(row=row_number, column=column + 1)
            target.font = style.font
            if isinstance(cell, Head):
                covered.update(dict.fromkeys(range(column, column + cell.colspan), cell.rowspan))
                _put_text(target, translate(cell.label, locale))
                left = cell.scope in {"row", "rowgroup"} and cell.colspan < grid.width
                target.alignment = style.left if left else style.center
            else:
                address = cell.spec.address
                _write_value(target, cells[address], units[address], locale)
                target.alignment = style.center
                target.protection = style.open
                placed[address] = target.coordinate
            column += cell.colspan
        covered = {c: left - 1 for c, left in covered.items() if left > 1}
    return _Placed(placed, grid.width, TABLE_ROW + len(rows) - 1)


def _validations(sheet: Worksheet, report: Report, placed: _Placed, locale: str) -> None:
    """Data validation on every value cell: one rule per run of cells of a kind in a row, its
    formula written for the run's first cell (Excel moves it along the run)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    kinds = {spec.address: spec.kind for spec in table_layout(type(report))}
    runs: list[tuple[CellKind, list[str]]] = []
    for address, coordinate in placed.cells.items():
        kind = kinds[address]
        if runs and runs[-1][0] is kind and _same_row(runs[-1][1][-1], coordinate):
            runs[-1][1].append(coordinate)
        else:
            runs.append((kind, [coordinate]))
    for kind, coordinates in runs:
        first = coordinates[0]
        marks = ",".join(f'{first}="{mark}"' for mark in _MARKS)
        number = {
            CellKind.COUNT: f"ISNUMBER({first}),{first}>=0,{first}=INT({first})",
            CellKind.SIGNED_COUNT: f"ISNUMBER({first}),{first}=INT({first})",
            CellKind.AMOUNT: f"ISNUMBER({first}),{first}>=0",
        }[kind]
        validation = DataValidation(
            type="custom",
            formula1=f"OR({marks},AND({number}))",
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorTitle=translate(_VALID_TITLE, locale)[:32],
            error=translate(_VALID[kind], locale),
            prompt=translate(_VALID[kind], locale)[:255],
        )
        validation.add(f"{first}:{coordinates[-1]}")
        sheet.add_data_validation(validation)


def _same_row(left: str, right: str) -> bool:
    return left.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == right.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@attrs.frozen
class _Check:
    """One balance rule on some cells: the sum of *left* less the sum of *right* must be 0, or
    with *right* empty (I5) the sum of *left* must not be negative (the difference shown is
    its part below 0)."""

    rule: Rule
    what: str
    left: tuple[CellAddress, ...]
    right: tuple[CellAddress, ...]


def _checks(report: Report, table: int, locale: str) -> list[_Check]:
    """The balance rules of *report*'s version on *table*, each on the cells it adds up, derived
    from the rules' plans (:mod:`disclosure_report.checks`)."""
    from disclosure_report.checks import rules_of

    version = format_version(version_id_of(type(report)))
    rules = {rule.id.removeprefix(f"{version.id}."): rule for rule in rules_of(version)}
    specs = {spec.address: spec for spec in table_layout(type(report))}

    def row_name(address: CellAddress) -> str:
        return translate(specs[address].row_label, locale)

    def column_name(address: CellAddress) -> str:
        return translate(specs[address].column_label, locale)

    if table == 2:  # noqa: PLR2004 (the table's number)
        return _checks_2(version, rules, row_name)
    if table == 3:  # noqa: PLR2004
        return _checks_3(version, rules, row_name, column_name)
    return _checks_4(version, rules, row_name)


_Name = Callable[[CellAddress], str]


def _checks_2(version: FormatVersion, rules: dict[str, Rule], row_name: _Name) -> list[_Check]:
    from disclosure_report.checks import rows_with

    rule = rules.get("T2.I5")
    if rule is None:
        return []
    return [
        _Check(rule, row_name(previous), (previous, change), ())
        for _, (previous, change) in rows_with(version, 2, "previous_items", "change")
    ]


def _checks_3(
    version: FormatVersion, rules: dict[str, Rule], row_name: _Name, column_name: _Name
) -> list[_Check]:
    from disclosure_report.checks import table3_plan

    f1, i1, i2 = (rules.get(name) for name in ("T3.F1", "T3.I1", "T3.I2"))
    plan = table3_plan(version, (f1, i1, i2))
    rows = plan.cells
    columns = range(len(rows[0]))
    found: list[_Check] = []
    if f1 is not None:
        for column in columns:
            left = (rows[plan.new][column], rows[plan.carried_over][column])
            right = (rows[plan.total][column], rows[plan.forward][column])
            found.append(_Check(f1, column_name(left[0]), left, right))
    if i1 is not None:
        found.extend(_Check(i1, row_name(row[0]), row[:-1], row[-1:]) for row in rows)
    if i2 is not None:
        for column in columns:
            leaves = tuple(row[column] for row in rows[plan.leaves])
            total = (rows[plan.total][column],)
            found.append(_Check(i2, column_name(total[0]), leaves, total))
    return found


def _checks_4(version: FormatVersion, rules: dict[str, Rule], row_name: _Name) -> list[_Check]:
    from disclosure_report.checks import table4_plan

    rule = rules.get("T4.I4")
    if rule is None:
        return []
    plan = table4_plan(version, rule)
    return [_Check(rule, row_name(row[0]), row[:-1], row[-1:]) for row in plan.cells]


def _sum(coordinates: Iterable[str]) -> str:
    return f"SUM({','.join(coordinates)})"


def _write_checks(
    sheet: Worksheet,
    checks: Sequence[_Check],
    placed: _Placed,
    locale: str,
    style: _Style,
) -> None:
    """The checks in two columns right of the table: what is checked, and the difference."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.utils import get_column_letter

    label_column = placed.last_column + 2
    value_column = label_column + 1
    letter = get_column_letter(value_column)
    sheet.column_dimensions[get_column_letter(label_column)].width = 40
    sheet.column_dimensions[letter].width = 12
    note = sheet.cell(row=TABLE_ROW, column=label_column, value=translate(CHECKS_NOTE, locale))
    sheet.merge_cells(
        start_row=TABLE_ROW, start_column=label_column, end_row=TABLE_ROW, end_column=value_column
    )
    note.alignment = style.text
    note.font = style.grey
    sheet.row_dimensions[TABLE_ROW].height = max(sheet.row_dimensions[TABLE_ROW].height or 0, 75)
    row = TABLE_ROW + 1
    rule_id = None
    first = row
    for check in checks:
        if check.rule.id != rule_id:
            rule_id = check.rule.id
            head = sheet.cell(
                row=row,
                column=label_column,
                value=f"{rule_id}: {translate(check.rule.formula, locale)}",
            )
            sheet.merge_cells(
                start_row=row, start_column=label_column, end_row=row, end_column=value_column
            )
            head.alignment = style.text
            head.font = style.grey
            row += 1
        left = [placed.cells[a] for a in check.left]
        right = [placed.cells[a] for a in check.right]
        operands = [*left, *right]
        difference = f"{_sum(left)}-{_sum(right)}" if right else f"MIN(0,{_sum(left)})"
        formula = f'=IF(COUNT({",".join(operands)})<{len(operands)},"",{difference})'
        what = _put_text(sheet.cell(row=row, column=label_column), check.what)
        what.font = style.font
        sheet.cell(row=row, column=value_column, value=formula).font = style.font
        row += 1
    if row == first:
        return
    cells = f"{letter}{first}:{letter}{row - 1}"
    broken = f"AND(ISNUMBER({letter}{first}),{letter}{first}<>0)"
    sheet.conditional_formatting.add(cells, FormulaRule(formula=[broken], fill=style.red))  # type: ignore[no-untyped-call]


def _protect(sheet: Worksheet) -> None:
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
    protection.formatCells = False


def _metadata_rows(sheet: Worksheet, metadata: Metadata, locale: str, style: _Style) -> int:
    """Under the title, a row for each field of *metadata* that the title does not print (the
    date of publication, the source, the level, the region), its label beside a cell open to
    the person filling it in; returns the last row. As text, so a date stays as written."""
    row = 1
    for field in METADATA_FIELDS:
        row += 1
        value = getattr(metadata, field.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, AdministrativeLevel):
            value = translate(LEVEL_LABELS[value], locale)
        label = sheet.cell(row=row, column=1, value=translate(label_of(field), locale))
        label.font = style.font
        cell = _put_text(sheet.cell(row=row, column=2), value)
        cell.protection = style.open
        cell.number_format = "@"
    return row


def render_xlsx(report: Report, locale: str) -> bytes:
    """*report* as an Excel workbook in *locale*: the bytes of a ``.xlsx`` file."""
    from openpyxl import Workbook

    style = _styles(locale)
    grids = {grid.table: grid for grid in grids_of(type(report))}
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name in SECTIONS:
        heading = section_title(name, locale)
        sheet = book.create_sheet(sheet_name(heading))
        part = getattr(report, name)
        row = 1
        if name == SECTIONS[0]:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=_TEXT_COLUMNS)
            cell = _put_text(sheet.cell(row=1, column=1), title(report, locale))
            cell.font = style.title
            cell.alignment = style.center
            cell.protection = style.open
            sheet.row_dimensions[1].height = 30
            row = _metadata_rows(sheet, report.metadata, locale, style) + 2  # a blank row between
        _heading(sheet, row, heading, style)
        if name in TABLES:
            grid = grids[TABLES[name]]
            placed = _table(sheet, report, grid, locale=locale, style=style)
            _validations(sheet, report, placed, locale)
            _write_checks(sheet, _checks(report, grid.table, locale), placed, locale, style)
            from openpyxl.utils import get_column_letter

            sheet.print_area = f"A1:{get_column_letter(placed.last_column)}{placed.last_row}"
            sheet.page_setup.orientation = "landscape" if grid.width > 4 else "portrait"  # noqa: PLR2004
            sheet.page_setup.fitToWidth = 1
            sheet.page_setup.fitToHeight = 0
            sheet.sheet_properties.pageSetUpPr.fitToPage = True
        else:
            for column in range(1, _TEXT_COLUMNS + 1):
                from openpyxl.utils import get_column_letter

                sheet.column_dimensions[get_column_letter(column)].width = _TEXT_WIDTH
            text = part.text if isinstance(part, OtherMatters) else part
            _text_cell(sheet, row + 1, text, style)
            if isinstance(part, OtherMatters):
                sep = colon(locale)
                for offset, (label_text, value) in enumerate(fee_lines(part, locale)):
                    _put_text(
                        sheet.cell(row=row + 2 + offset, column=1), f"{label_text}{sep}{value}"
                    )
        _protect(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
