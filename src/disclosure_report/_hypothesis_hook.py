"""Hypothesis plugin: register strategies for the report classes.

``import hypothesis`` calls :func:`setup` through the ``hypothesis`` entry
point group, so ``st.from_type(Report2021)`` and ``st.builds`` of anything
holding a report just work. Set ``HYPOTHESIS_NO_PLUGINS=1`` to switch it off.
"""

from typing import Any


def setup() -> None:
    """Register a type strategy for the report class of every registered format version.

    Everything is imported here, not at module level, so that installing
    the package costs nothing until hypothesis is imported. Without
    hypothesis, or without the strategies module, this does nothing. A
    version registered after hypothesis was imported is not covered: register
    ``reports(version=...)`` for its class with
    ``st.register_type_strategy`` yourself.
    """
    try:
        import hypothesis.strategies as st

        from disclosure_report import format_versions
        from disclosure_report.testing import reports
    except ImportError:
        return

    def deferred(version_id: str) -> st.SearchStrategy[Any]:
        return st.deferred(lambda: reports(version=version_id))

    for version in format_versions():
        st.register_type_strategy(version.report_class, deferred(version.id))
