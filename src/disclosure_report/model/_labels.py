"""Translatable labels attached to the model's classes and fields.

A label is a gettext message: a stable *context* (``t3.col.natural_persons``) and an English
*msgid*. The official Chinese wording lives in the ``zh_Hans`` catalog; see
:mod:`disclosure_report.i18n`. :func:`NC_` only marks a label for extraction by Babel
(``pybabel extract -k NC_:1c,2``); translation happens when a label is displayed.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Label:
    """A translatable label.

    Attributes:
        context: Stable key of the label; also the gettext ``msgctxt``.
        english: The English text; also the gettext ``msgid``.
    """

    context: str
    english: str

    def __str__(self) -> str:
        return self.english


def NC_(context: str, english: str) -> Label:  # noqa: N802 (gettext marker name)
    """Mark a label for extraction and return it untranslated."""
    return Label(context, english)
