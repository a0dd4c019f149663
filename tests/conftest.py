"""Shared fixtures: the upstream data location, and the ``upstream`` marker put on every test that uses it
(such a test skips when the data is absent, and is an error naming the missing path under ``CI=true``); and
a fresh machine on
request, for the whole session and every Python process it starts: ``MLM_TEST_CLOCK_ORIGIN=0`` runs it on a
monotonic clock that starts at 0 s, as just after boot (``support/clock.py``), ``MLM_TEST_REVERSE_LISTINGS=1``
lists directories in reverse order (``support/listing.py``)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from support import clock, listing
from support.paths import OFFICIAL_VERSION, REPO, require_upstream

# Scratch copies of schema/ share the cache of generated release schemas (keyed by content, so safe).
os.environ.setdefault("STAC_EXT_CODEGEN_CACHE", str(REPO / "build" / "codegen-cache"))

CLOCK_ORIGIN = clock.apply_from_environment()  # before any test module imports the code under test
REVERSED_LISTINGS = listing.apply_from_environment()
if CLOCK_ORIGIN is not None or REVERSED_LISTINGS:
    _boot = str(Path(__file__).parent / "support" / "boot")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [_boot, os.environ.get("PYTHONPATH")]))


def pytest_report_header() -> list[str]:
    lines = []
    if CLOCK_ORIGIN is not None:
        lines.append(f"monotonic clocks start at {CLOCK_ORIGIN:g} s, here and in child processes ({clock.ENV})")
    if REVERSED_LISTINGS:
        lines.append(f"directory listings come in reverse order, here and in child processes ({listing.ENV})")
    return lines


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test using the ``upstream`` fixture (directly or through another fixture) is marked ``upstream``."""
    for item in items:
        if "upstream" in getattr(item, "fixturenames", ()) and item.get_closest_marker("upstream") is None:
            item.add_marker(pytest.mark.upstream)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``upstream`` needs the data: skipped without it, an error under CI."""
    if item.get_closest_marker("upstream") is not None:
        require_upstream()


@pytest.fixture(scope="session")
def upstream() -> Path:
    """The upstream data folder; the test is skipped, with the reason, when it is missing (CI: an error)."""
    return require_upstream()


@pytest.fixture(scope="session")
def official_examples(upstream: Path) -> dict[str, Any]:
    folder = upstream / "mlm" / OFFICIAL_VERSION / "examples"
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))}
