"""Hypothesis plugin: register strategies for the report classes.

``import hypothesis`` calls :func:`setup` through the ``hypothesis`` entry
point group, so ``st.from_type(Report2021)`` and ``st.builds`` of anything
holding a report just work. Set ``HYPOTHESIS_NO_PLUGINS=1`` to switch it off.
"""


def setup() -> None:
    """Register type strategies for `Report2019` and `Report2021`.

    Everything is imported here, not at module level, so that installing
    the package costs nothing until hypothesis is imported. Without
    hypothesis, or without the strategies module, this does nothing.
    """
    try:
        import hypothesis.strategies as st

        from disclosure_report import Report2019, Report2021
        from disclosure_report.testing import reports
    except ImportError:
        return

    st.register_type_strategy(Report2019, st.deferred(lambda: reports(version="2019")))
    st.register_type_strategy(Report2021, st.deferred(lambda: reports(version="2021")))
