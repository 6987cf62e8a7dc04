"""Sphinx configuration.

Build: ``sphinx-build -n -T -W --keep-going -b html docs docs/_build/html``.
Without network access set ``DOCS_OFFLINE=1``: intersphinx is switched off
(under ``-W`` its failed downloads would fail the build) and references into
the standard library and dependencies are not nit-picked.
"""

import importlib
import importlib.metadata
import os
import pkgutil

from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.nodes import make_refnode


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
# The type variable of the overloads of from_json/from_dict (version=Report2021 gives a Report2021).
nitpick_ignore: list[tuple[str, str]] = [
    ("py:class", "disclosure_report.serialize.R"),
    ("py:class", "disclosure_report.model._edit._R"),  # blank_report, replace_cell
]
# External names without an inventory (online or offline); never our own.
nitpick_ignore_regex = [("py:mod", r"xarray(\..*)?")]

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable/", None),
    "cattrs": ("https://catt.rs/en/stable/", None),
    "babel": ("https://babel.pocoo.org/en/latest/", None),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", None),
}
if os.environ.get("DOCS_OFFLINE"):
    intersphinx_mapping = {}
    _external = (
        r"decimal|datetime|enum|os|typing|collections\.abc|pathlib"
        r"|babel|cattrs|attrs?|hypothesis"
    )
    nitpick_ignore_regex += [(role, rf"({_external})\..*") for role in ("py:class", "py:exc")]

html_theme = "furo"
html_title = "disclosure-report"


# --- our own names -----------------------------------------------------------
# Public names are re-exported: `disclosure_report.InvalidReportError` is
# `disclosure_report.exceptions.InvalidReportError`, documented once. The two
# hooks below let every public spelling of a name reach its one description,
# and give re-exported constants the docstring written where they are defined
# (autodoc looks for it in the re-exporting module and, not finding it, shows
# the docstring of the value's type: dict, tuple, ...).

_PACKAGE = "disclosure_report"


def _resolve(dotted: str) -> object:
    """The object that a dotted name of ours stands for, or None."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for name in parts[split:]:
                obj = getattr(obj, name)
        except AttributeError:
            return None
        return obj
    return None


def _alias_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve `disclosure_report.X` to where the same object is documented."""
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith(f"{_PACKAGE}."):
        return None
    wanted = _resolve(target)
    if wanted is None:
        return None
    last = target.rsplit(".", 1)[-1]
    objects = env.domains["py"].objects
    for name, entry in objects.items():
        if name != target and name.rsplit(".", 1)[-1] == last and _resolve(name) is wanted:
            return make_refnode(
                app.builder,
                node["refdoc"],
                entry.docname,
                entry.node_id,
                contnode,
                name,
            )
    return None


def _attribute_docs() -> dict[tuple[str, int], list[str]]:
    """The `#:`/string docstrings of our module-level names, by name and value."""
    docs: dict[tuple[str, int], list[str]] = {}
    package = importlib.import_module(_PACKAGE)
    names = [_PACKAGE] + [
        info.name
        for info in pkgutil.walk_packages(package.__path__, f"{_PACKAGE}.")
        if not info.name.endswith(".__main__")  # Importing it runs the CLI.
    ]
    for modname in names:
        try:
            module = importlib.import_module(modname)
            analyzer = ModuleAnalyzer.for_module(modname)
        except (ImportError, PycodeError):
            continue  # No source, no docstrings; autodoc reports it if used.
        for (scope, name), lines in analyzer.find_attr_docs().items():
            if scope == "" and hasattr(module, name):
                docs.setdefault((name, id(getattr(module, name))), list(lines))
    return docs


_ATTRIBUTE_DOCS: dict[tuple[str, int], list[str]] = {}


def _data_docstring(
    _app: Sphinx,
    what: str,
    name: str,
    obj: object,
    _options: Any,
    lines: list[str],
) -> None:
    if what != "data" or not name.startswith(f"{_PACKAGE}."):
        return
    if not _ATTRIBUTE_DOCS:
        _ATTRIBUTE_DOCS.update(_attribute_docs())
    found = _ATTRIBUTE_DOCS.get((name.rsplit(".", 1)[-1], id(obj)))
    if found is not None:
        lines[:] = found


def setup(app: Sphinx) -> None:
    app.connect("missing-reference", _alias_reference)
    app.connect("autodoc-process-docstring", _data_docstring)
