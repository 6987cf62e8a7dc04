"""The typed model of the annual report, in both format versions.

The classes here are the single source of truth for the format: every section, table, row and
column, with its label in field metadata. See :mod:`disclosure_report` for the public names.
"""

from __future__ import annotations

import attrs

from disclosure_report.model import (
    _applications,
    _cells,
    _disclosure,
    _litigation,
    _metadata,
    _narrative,
    _report,
)
from disclosure_report.model._applications import *  # noqa: F403
from disclosure_report.model._cells import *  # noqa: F403
from disclosure_report.model._disclosure import *  # noqa: F403
from disclosure_report.model._labels import NC_, Label
from disclosure_report.model._layout import *  # noqa: F403
from disclosure_report.model._litigation import *  # noqa: F403
from disclosure_report.model._metadata import *  # noqa: F403
from disclosure_report.model._narrative import *  # noqa: F403
from disclosure_report.model._report import *  # noqa: F403


def _resolve_types() -> None:
    """Turn the string annotations of every model class into types, once, at import."""
    for module in (_applications, _cells, _disclosure, _litigation, _metadata, _narrative, _report):
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj):
                attrs.resolve_types(obj, globalns=vars(module))


_resolve_types()

__all__ = [  # noqa: PLE0604
    *_applications.__all__,
    *_cells.__all__,
    *_disclosure.__all__,
    *_litigation.__all__,
    *_metadata.__all__,
    *_narrative.__all__,
    *_report.__all__,
    "CellAddress",
    "CellKind",
    "CellSpec",
    "Label",
    "NC_",
    "TABLE_SECTIONS",
    "cell_values",
    "table_layout",
]
