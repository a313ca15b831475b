"""The fuzz suite's schedule: Hypothesis profiles by ``ANALYSER_FUZZ`` (see schedule.py),
and a summary at the end of the session of how many examples ran, and for how long."""

from __future__ import annotations

import time

import pytest

from .schedule import MODE_VARIABLE, examples_run, mode, register_profiles

register_profiles()
#: Seconds spent running the fuzz tests in this session.
_seconds = [0.0]


def pytest_configure(config: pytest.Config) -> None:
    try:
        mode()
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        _seconds[0] += time.perf_counter() - started


def pytest_terminal_summary(terminalreporter) -> None:
    if not examples_run:
        return
    terminalreporter.write_line(
        f"fuzz ({MODE_VARIABLE}={mode()}): {sum(examples_run.values()):,} examples across "
        f"{len(examples_run)} targets; the tests in tests/fuzz ran {_seconds[0]:.0f} s")
    for name, n in sorted(examples_run.items()):
        terminalreporter.write_line(f"  {n:>7,}  {name}")
