"""``python -m disclosure_report``: the command-line interface."""

import sys

from disclosure_report.cli import main


sys.exit(main())
