"""Rendering a report in the official layout of its format version: Markdown, HTML, plain text,
Word and Excel.

:func:`render` prints the title, the six sections in order (the text sections as paragraphs,
section 六 with the processing fees when recorded) and tables 二, 三 and 四 as the national
template lays them out, with its labels in the chosen locale. The table structure is derived
from the report class's fields once per class (:mod:`disclosure_report.rendering._grid`), so a
format version registered later renders as the built-in ones do; each output prints it its own
way:

* ``html``: a standalone document whose tables have the template's merged cells (``rowspan``,
  ``colspan``), ``<th>`` for headers and a ``data-cell`` address on every data cell;
* ``md``: GitHub-flavoured Markdown, whose pipe tables cannot merge cells: a merged label is
  joined to each label it spans (see :data:`~._markdown.SEPARATOR`);
* ``text``: tab-separated rows, as text copied from a published table reads;
* ``docx``: a Word document, the national template filled in, with merged cells and explicit
  column widths (:mod:`._docx`);
* ``xlsx``: an Excel workbook to fill in and collect: a sheet per section, the tables in the
  official layout, labels protected, values validated, the balance rules as formulas beside the
  tables (:mod:`._xlsx`; needs openpyxl, a dependency of the library).

Cells render as they were published: blank cells empty, cells marked not applicable with their
mark, amounts as their exact decimal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal, TypeAlias, overload

from disclosure_report.i18n import resolve_locale
from disclosure_report.model import Report
from disclosure_report.rendering._content import check_report
from disclosure_report.rendering._html import render_html
from disclosure_report.rendering._markdown import render_markdown
from disclosure_report.rendering._text import render_text


__all__ = ["BINARY_OUTPUTS", "OUTPUTS", "BinaryOutput", "Output", "render"]

Output: TypeAlias = Literal["md", "html", "text"]
"""The text outputs :func:`~disclosure_report.render` produces: ``md``, ``html`` or ``text``."""

BinaryOutput: TypeAlias = Literal["docx", "xlsx"]
"""The file outputs :func:`~disclosure_report.render` produces as bytes: ``docx`` or ``xlsx``."""

_RENDERERS: Final[dict[str, Callable[[Report, str], str]]] = {
    "md": render_markdown,
    "html": render_html,
    "text": render_text,
}

OUTPUTS: Final[tuple[Output, ...]] = ("md", "html", "text")
"""The values of :func:`~disclosure_report.render`'s ``to`` that give text."""

BINARY_OUTPUTS: Final[tuple[BinaryOutput, ...]] = ("docx", "xlsx")
"""The values of :func:`~disclosure_report.render`'s ``to`` that give the bytes of a file."""


def _render_docx(report: Report, locale: str) -> bytes:
    from disclosure_report.rendering._docx import render_docx

    return render_docx(report, locale)


def _render_xlsx(report: Report, locale: str) -> bytes:
    from disclosure_report.rendering._xlsx import render_xlsx

    return render_xlsx(report, locale)


_BINARY_RENDERERS: Final[dict[str, Callable[[Report, str], bytes]]] = {
    "docx": _render_docx,
    "xlsx": _render_xlsx,
}


@overload
def render(report: Report, *, to: Output, locale: str = "zh_Hans") -> str: ...


@overload
def render(report: Report, *, to: BinaryOutput, locale: str = "zh_Hans") -> bytes: ...


def render(report: Report, *, to: Output | BinaryOutput, locale: str = "zh_Hans") -> str | bytes:
    """*report* in the official layout of its format version: Markdown, HTML or plain text as a
    ``str``, a Word document or an Excel workbook as ``bytes``.

    Args:
        report: A report of any registered format version (see
            :func:`~disclosure_report.format_versions`).
        to: ``"md"`` (GitHub-flavoured Markdown), ``"html"`` (a standalone document),
            ``"text"`` (tab-separated table rows), ``"docx"`` (a Word document) or ``"xlsx"``
            (an Excel workbook, to fill in and read back with :func:`~disclosure_report.read`).
        locale: The language of the labels: ``zh_Hans`` (the official wording), ``zh_Hant`` or
            ``en``, or any identifier that resolves to one of them (``zh_CN``, ``en-GB``).

    Raises:
        UnknownFormatVersionError: When *report* is not a report of a registered format version
            (an :class:`~disclosure_report.exceptions.InvalidReportError`).
        UnsupportedLocaleError: When there is no catalog for *locale*.
        ValueError: When *to* is not one of :data:`~disclosure_report.rendering.OUTPUTS` or
            :data:`~disclosure_report.rendering.BINARY_OUTPUTS`.
    """
    renderer: Callable[[Report, str], str | bytes] | None = None
    if isinstance(to, str):
        renderer = _RENDERERS.get(to) or _BINARY_RENDERERS.get(to)
    if renderer is None:
        msg = f"unknown output {to!r}; expected one of: {', '.join((*OUTPUTS, *BINARY_OUTPUTS))}"
        raise ValueError(msg)
    checked = check_report(report)
    resolve_locale(locale)
    return renderer(checked, locale)
