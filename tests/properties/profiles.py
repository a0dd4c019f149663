"""Hypothesis settings for the property tests: a fast profile and a long fuzzing campaign.

- ``fast`` (default, part of `nox -s tests`): few examples, derandomized, so every run tries the
  same documents; ``MLM_PROPERTY_EXAMPLES`` changes the number.
- ``fuzz`` (`nox -s fuzz`): ``MLM_FUZZ_EXAMPLES`` examples per property (20,000 by default), random
  seeds (pytest's ``--hypothesis-seed`` replays one).

Select with ``MLM_HYPOTHESIS_PROFILE``. Building and validating a whole MLM document takes tens of
milliseconds, so the too_slow and large_base_example health checks are off and examples have no
deadline. The settings decorate each property test; no profile is loaded globally, so other tests
keep their own.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SLOW_IS_NORMAL = [HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large]
PROFILES = {
    "fast": settings(
        max_examples=int(os.environ.get("MLM_PROPERTY_EXAMPLES", "25")),
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=SLOW_IS_NORMAL,
    ),
    "fuzz": settings(
        max_examples=int(os.environ.get("MLM_FUZZ_EXAMPLES", "20000")),
        derandomize=False,
        database=None,
        deadline=None,
        suppress_health_check=SLOW_IS_NORMAL,
        print_blob=True,
    ),
}
PROFILE = os.environ.get("MLM_HYPOTHESIS_PROFILE", "fast")
PROPERTY_SETTINGS = PROFILES[PROFILE]
