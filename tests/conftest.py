"""Shared fixtures: the upstream data location (skipping cleanly when it is absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support.paths import OFFICIAL_VERSION, UPSTREAM_DATA, UPSTREAM_SKIP_REASON, upstream_available


@pytest.fixture(scope="session")
def upstream() -> Path:
    """The upstream data folder; the test is skipped, with the reason, when it is missing."""
    if not upstream_available():
        pytest.skip(UPSTREAM_SKIP_REASON)
    return UPSTREAM_DATA


@pytest.fixture(scope="session")
def official_examples(upstream: Path) -> dict[str, Any]:
    folder = upstream / "mlm" / OFFICIAL_VERSION / "examples"
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))}
