"""Run the code examples in ``docs/*.md`` under pytest (through Sybil).

Every ``python`` code block and ``{doctest}`` directive is a test. Hide setup
code in ``% invisible-code-block: python``; skip a block with
``% skip: next``.

The compiled code of the generated readers and writers is cached in a folder of
this run's own (``DISCLOSURE_REPORT_CACHE``), not in the user's cache.
"""

import os
import tempfile

from doctest import ELLIPSIS

from sybil import Sybil
from sybil.parsers.myst import (
    DocTestDirectiveParser,
    PythonCodeBlockParser,
    SkipParser,
)


os.environ.setdefault(
    "DISCLOSURE_REPORT_CACHE", tempfile.mkdtemp(prefix="disclosure-report-cache-")
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
