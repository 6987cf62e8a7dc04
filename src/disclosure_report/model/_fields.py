"""Field metadata that ties every field of the model to its label.

Each cell field is declared with one of the cell validators of :mod:`._cells` and
``metadata=meta(NC_(...))``; each nested part (a row, a group of rows, a sub-table) with
``validator=is_part(Cls)`` and the same metadata. Labels, rendering, reading and checks read this
metadata back through :func:`attrs.fields` instead of keeping row lists of their own.
"""

from __future__ import annotations

import functools

from collections.abc import Mapping
from typing import Any, Final

import attrs

from disclosure_report.exceptions import InvalidReportError, Problem
from disclosure_report.model._labels import Label


LABEL: Final = "disclosure_report.label"
GROUP: Final = "disclosure_report.group"
UNIT: Final = "disclosure_report.unit"
LABELS_BY_VERSION: Final = "disclosure_report.labels_by_version"


def meta(
    label: Label,
    *,
    group: Label | None = None,
    unit: object = None,
    labels_by_version: Mapping[str, Label] | None = None,
) -> Mapping[str, Any]:
    """Metadata of a field: its *label*, the *group* header spanning it, if any, and for a money
    cell the *unit* that the format itself prints in the column header, if any.

    A row or column that several format versions share but label differently keeps one field:
    *labels_by_version* maps a format version's id to the label it prints instead of *label*.
    """
    return {
        LABEL: label,
        GROUP: group,
        UNIT: unit,
        LABELS_BY_VERSION: dict(labels_by_version or {}),
    }


def label_of(field: attrs.Attribute[Any], version: str | None = None) -> Label:
    """The label of a model field, as the format version with id *version* prints it."""
    if version is not None:
        renamed: Label | None = field.metadata.get(LABELS_BY_VERSION, {}).get(version)
        if renamed is not None:
            return renamed
    label: Label = field.metadata[LABEL]
    return label


def group_of(field: attrs.Attribute[Any]) -> Label | None:
    """The label of the header that spans a field, if any (``法人或其他组织``)."""
    group: Label | None = field.metadata.get(GROUP)
    return group


def unit_of(field: attrs.Attribute[Any]) -> Any:
    """The unit that the format defines for a money field (a :class:`Unit`), or ``None``."""
    return field.metadata.get(UNIT)


@functools.cache
def is_part(cls: type | tuple[type, ...]) -> IsPart:
    """Validator: the value is an instance of *cls* (one shared validator per *cls*)."""
    return IsPart(cls)


@attrs.frozen
class IsPart:
    """The validator that :func:`is_part` returns: the value is an instance of :attr:`cls`.

    A class rather than a closure, so that code derived from the model (the fast readers of
    :mod:`disclosure_report.serialize`) can see which class a part must be of.

    Attributes:
        cls: The class, or a tuple of classes, that the value must be an instance of.
    """

    cls: type | tuple[type, ...]

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.cls):
            raise InvalidReportError(
                [Problem(attribute.name, _names(self.cls), type(value).__name__)]
            )


def _names(cls: type | tuple[type, ...]) -> str:
    classes = cls if isinstance(cls, tuple) else (cls,)
    return " or ".join(f"an instance of {c.__name__}" for c in classes)
