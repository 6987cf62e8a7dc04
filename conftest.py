"""Run the code examples in ``docs/*.md`` under pytest (through Sybil).

Every ``python`` code block and ``{doctest}`` directive is a test. Hide setup
code in ``% invisible-code-block: python``; skip a block with
``% skip: next``.
"""

from doctest import ELLIPSIS

from sybil import Sybil
from sybil.parsers.myst import (
    DocTestDirectiveParser,
    PythonCodeBlockParser,
    SkipParser,
)


pytest_collect_file = Sybil(
    parsers=[
        DocTestDirectiveParser(optionflags=ELLIPSIS),
        PythonCodeBlockParser(),
        SkipParser(),
    ],
    path="docs",
    patterns=["*.md"],
).pytest()
