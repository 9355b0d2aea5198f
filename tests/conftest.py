"""Shared test settings.

Property tests are derandomized by default, so a run of the suite (and CI) is repeatable;
``HYPOTHESIS_PROFILE=explore python -m pytest tests/test_properties.py`` searches with fresh
random examples, many more of them, to look for new bugs.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=400, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "explore", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
