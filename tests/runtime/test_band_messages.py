"""Problems with a band given as an object say which band, which key and what is wrong (the invalid fixtures
whose sidecar points into a `bands` list)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import stac_mlm
from support.paths import EXAMPLES_DIR


def _band_cases() -> list[Path]:
    found = []
    for sidecar in sorted((EXAMPLES_DIR / "invalid").glob("*.expected.json")):
        expected = json.loads(sidecar.read_text(encoding="utf-8"))
        if "/bands/" in expected.get("path", ""):
            found.append(sidecar)
    return found


def _band_index_path(path: str) -> str:
    """The pointer of the band itself (``.../bands/3`` for ``.../bands/3/format``)."""
    head, _, tail = path.partition("/bands/")
    return f"{head}/bands/{tail.split('/')[0]}"


@pytest.mark.parametrize("sidecar", _band_cases(), ids=lambda p: p.name.split(".")[0])
def test_band_problems_name_the_band_the_key_and_the_fault(sidecar: Path) -> None:
    expected: dict[str, Any] = json.loads(sidecar.read_text(encoding="utf-8"))
    document = json.loads(sidecar.with_name(sidecar.name.replace(".expected", "")).read_text(encoding="utf-8"))
    problems = stac_mlm.validate(document)
    band = _band_index_path(expected["path"])
    mine = [p for p in problems if p.path == band]
    assert len(mine) == 1, problems
    message = mine[0].message
    assert "expected None" not in message
    key = expected.get("field") or expected["path"].rsplit("/", 1)[-1]
    if not key.isdigit():  # a key of the band object: named
        assert key in message, message
    value = json.loads(json.dumps(document))
    for part in band.lstrip("/").split("/"):
        value = value[int(part)] if isinstance(value, list) else value[part]
    name = value.get("name") if isinstance(value, dict) else None
    if isinstance(name, str) and name:
        assert json.dumps(name) in message, "the band is named"


def test_there_are_band_object_cases() -> None:
    assert any(json.loads(p.read_text(encoding="utf-8")).get("field") for p in _band_cases())
