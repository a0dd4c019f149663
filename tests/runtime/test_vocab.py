"""One vocabulary for migrate and describe (issue 26): framework spellings, versions and model names are
normalised by ``stac_mlm.vocab`` alone, so both commands write the same value for the same input."""

from __future__ import annotations

import copy
import json

import pytest
from stac_mlm import vocab
from stac_mlm.migration import migrate
from stac_mlm.migration.tables import facts, tables
from support.legacy import LEGACY_FIXTURES

FIXTURE = LEGACY_FIXTURES / "mlm-v1.4.0-item.json"


def _migrated(**properties: object) -> dict:
    document = json.loads(FIXTURE.read_text(encoding="utf-8"))
    document["properties"].update(properties)
    return migrate(copy.deepcopy(document)).document["properties"]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("1.13", "1.13.0"),
        ("4.45.0.dev0", "4.45.0-dev0"),
        ("2.4.0+cu121", "2.4.0+cu121"),
        ("v2", "2.0.0"),
        (1.5, "1.5.0"),
    ],
)
def test_versions_are_written_one_way_by_migrate_and_describe(given: object, expected: str) -> None:
    assert vocab.semantic_version(given) == expected
    assert _migrated(**{"mlm:framework_version": given})["mlm:framework_version"] == expected


@pytest.mark.parametrize("given", ["", "latest", "1.x", True, None, [1, 2]])
def test_what_is_no_version_is_none(given: object) -> None:
    assert vocab.semantic_version(given) is None


def test_every_framework_spelling_of_the_model_and_the_tables_is_recognised() -> None:
    for name in facts().frameworks:
        assert vocab.framework(name.upper()) == name
        assert vocab.framework(name.replace("-", " ").lower()) == name
    for other, name in tables().common["framework_names"].items():
        assert vocab.framework(other) == name
        assert _migrated(**{"mlm:framework": other})["mlm:framework"] == name
    assert vocab.framework("my own framework") == "my own framework"
    assert vocab.framework_spelling("my own framework") is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("resnet18+unet_scse", "resnet18 unet_scse"),
        ("facebook/detr-resnet-50", "facebook detr-resnet-50"),
        ("  3 Crop types!", "Crop types"),
        ("+++", None),
        (42, None),
    ],
)
def test_model_names_are_made_valid_one_way(given: object, expected: str | None) -> None:
    assert vocab.model_name(given) == expected
    if expected is not None:
        assert facts().name_pattern.match(expected)
