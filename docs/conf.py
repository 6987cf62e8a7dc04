"""Sphinx configuration.

Build: ``sphinx-build -n -T -W --keep-going -b html docs docs/_build/html``.
Without network access set ``DOCS_OFFLINE=1``: intersphinx is switched off
(under ``-W`` its failed downloads would fail the build) and references into
the standard library and dependencies are not nit-picked.
"""

import importlib.metadata
import os


project = "disclosure-report"
author = "The disclosure-report authors"
copyright = f"2026, {author}"
release = importlib.metadata.version("disclosure-report")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_parser",
]

source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist", "attrs_block"]
myst_heading_anchors = 3

autodoc_typehints = "description"
autodoc_typehints_description_target = "documented"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = True
nitpick_ignore: list[tuple[str, str]] = []

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable/", None),
    "cattrs": ("https://catt.rs/en/stable/", None),
    "babel": ("https://babel.pocoo.org/en/latest/", None),
}
if os.environ.get("DOCS_OFFLINE"):
    intersphinx_mapping = {}
    _external = (
        r"decimal|datetime|enum|typing|collections\.abc|babel|cattrs|attrs?"
    )
    nitpick_ignore_regex = [("py:class", rf"({_external})\..*")]

html_theme = "furo"
html_title = "disclosure-report"
