"""Prints the per-property counts (tally.py) after the run, with the Hypothesis profile used."""

from __future__ import annotations

from typing import Any

import pytest

from .profiles import PROFILE
from .tally import TALLY, report


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Under pytest-xdist, a worker hands its counts to the controller (see pytest_testnodedown)."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["property_tally"] = {prop: dict(counts) for prop, counts in TALLY.items()}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """The controller adds up the counts of every pytest-xdist worker."""
    for prop, counts in getattr(node, "workeroutput", {}).get("property_tally", {}).items():
        TALLY[prop].update(counts)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = report()
    if lines:
        terminalreporter.section(f"property counts (hypothesis profile {PROFILE!r})")
        for line in lines:
            terminalreporter.write_line(line)
