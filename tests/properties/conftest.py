"""Prints the per-property counts (tally.py) after the run, with the Hypothesis profile used."""

from __future__ import annotations

import pytest

from .profiles import PROFILE
from .tally import report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = report()
    if lines:
        terminalreporter.section(f"property counts (hypothesis profile {PROFILE!r})")
        for line in lines:
            terminalreporter.write_line(line)
