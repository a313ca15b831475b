"""How much the fuzz suite runs: a short CI run by default, a long one on request.

``ANALYSER_FUZZ=long`` selects the long run (over 10,000 examples in total across the
targets, many minutes); unset or ``ci``, each target runs a few dozen examples, fixed
from run to run (derandomised), so CI stays quick and a failure there is reproducible.
The long run draws new examples each time and keeps what it finds in Hypothesis's
database (under the session's scratch folder, see tests/conftest.py).

Each target declares its ``weight``: how many examples it runs per unit of the profile's
``max_examples`` (heavier targets, such as a whole folder of files, run fewer).
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings

#: The environment variable that selects the run, and its values.
MODE_VARIABLE = "ANALYSER_FUZZ"
MODES = ("ci", "long")
#: Hypothesis profiles by mode; ``max_examples`` is per unit of a target's weight.
PROFILES: dict[str, dict[str, Any]] = {
    "ci": {"max_examples": 10, "derandomize": True, "database": None},
    "long": {"max_examples": 700, "print_blob": True},
}
#: Every fuzz target draws large inputs and runs the whole pipeline: no deadline, and no
#: complaint that the data is large or slow to generate.
_COMMON: dict[str, Any] = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                              HealthCheck.large_base_example, HealthCheck.filter_too_much],
}

#: Examples run per target in this session (calls of the test body, shrinking included).
examples_run: Counter[str] = Counter()


def mode() -> str:
    """The mode ``ANALYSER_FUZZ`` selects ('ci' when unset); ValueError for any other."""
    value = os.environ.get(MODE_VARIABLE, "").strip().lower() or "ci"
    if value not in MODES:
        raise ValueError(f"{MODE_VARIABLE}={value!r}: expected one of {', '.join(MODES)}")
    return value


def profile_name(name: str) -> str:
    return f"analyser-fuzz-{name}"


def register_profiles() -> None:
    """Register one Hypothesis profile per mode (tests/fuzz/conftest.py calls this)."""
    for name, values in PROFILES.items():
        settings.register_profile(profile_name(name), **_COMMON, **values)


def fuzz(weight: float = 1.0, **strategies: Any) -> Callable:
    """``@given(**strategies)`` under the active profile, ``weight`` times its number of
    examples, counting the examples run for the session summary."""

    def decorate(test: Callable) -> Callable:
        @functools.wraps(test)
        def counted(*args: Any, **kwargs: Any) -> Any:
            examples_run[test.__name__] += 1
            return test(*args, **kwargs)

        profile = settings.get_profile(profile_name(mode()))
        n = max(1, round(profile.max_examples * weight))
        return settings(profile, max_examples=n)(given(**strategies)(counted))

    return decorate
