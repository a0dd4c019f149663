"""Legacy documents for the migration tests: the project's own fixtures and, when present, upstream's."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from support.paths import REPO, UPSTREAM_DATA

LEGACY_FIXTURES = REPO / "tests" / "fixtures" / "legacy"


def fixture_paths() -> list[Path]:
    return sorted(p for p in LEGACY_FIXTURES.iterdir() if p.suffix in {".json", ".jsonc"})


def upstream_legacy_paths() -> list[Path]:
    """Every example under upstream dlm/, ml-model/ and mlm/v1.* (empty when the data is absent)."""
    folders = [UPSTREAM_DATA / "dlm", UPSTREAM_DATA / "ml-model", *sorted((UPSTREAM_DATA / "mlm").glob("v1.*"))]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("examples/**/*.json"))


def leaves(value: Any) -> list[str]:
    """Every scalar inside a JSON value, as canonical JSON text (so 1, 1.0, true and "1" stay apart)."""
    if isinstance(value, dict):
        return [leaf for child in value.values() for leaf in leaves(child)]
    if isinstance(value, list):
        return [leaf for child in value for leaf in leaves(child)]
    return [json.dumps(value)]


def lost_values(source: Any, migration: Any) -> list[str]:
    """Scalars of ``source`` found neither in the migrated document nor in a report entry's original."""
    available = Counter(leaves(migration.document))
    for entry in migration.report:
        if entry.has_original:
            available.update(leaves(entry.original))
    missing = []
    for leaf in leaves(source):
        if available[leaf] > 0:
            available[leaf] -= 1
        else:
            missing.append(leaf)
    return missing
