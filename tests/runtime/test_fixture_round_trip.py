"""Valid example fixtures survive the typed classes: ``stac_mlm.parse(doc).to_dict() == doc``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import stac_mlm
from stac_mlm import parse
from support.paths import EXAMPLES_DIR

VALID = sorted(EXAMPLES_DIR.glob("*.json"))


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_fixture_round_trips(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert parse(document).to_dict() == document


@pytest.mark.parametrize("name", ["r7-raster-bands-removed", "name-pattern", "r13-band-object-extra-key"])
def test_rejected_fixture_does_not_parse(name: str) -> None:
    document = json.loads((EXAMPLES_DIR / "invalid" / f"{name}.json").read_text(encoding="utf-8"))
    with pytest.raises(stac_mlm.MLMValidationError):
        parse(document)
