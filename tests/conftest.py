"""Hypothesis profiles.

``HYPOTHESIS_PROFILE`` picks one; otherwise ``ci`` when ``CI`` is set (as in
.ci/run) and ``dev`` elsewhere. ``HYPOTHESIS_PROFILE=fast`` for quick runs.
"""

import os

from hypothesis import settings


# Hypothesis' built-in "ci" profile: derandomized, no deadline, no database,
# prints reproduction blobs. Keep the example count within the CI budget.
settings.register_profile("ci", settings.get_profile("ci"), max_examples=100)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
