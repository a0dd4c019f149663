"""The generated STAC API queryables: a valid JSON Schema in the Filter extension's form that accepts the
properties of every valid Item fixture and offers only comparable (non-object) fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from stac_ext_codegen.model import SourceModel
from stac_ext_codegen.resolved import resolve
from support import interop
from support.paths import SCHEMA_DIR, upstream_available

QUERYABLES = interop.versioned("queryables", "queryables.json")


@pytest.fixture(scope="module")
def model() -> Any:
    return resolve(SourceModel.load(SCHEMA_DIR))


@pytest.mark.parametrize("path", QUERYABLES, ids=lambda p: p.parent.name)
def test_filter_extension_form(path: Path, model: Any) -> None:
    document = interop.load(path)
    validator = jsonschema.validators.validator_for(document)
    validator.check_schema(document)
    assert {"$schema", "$id", "type", "title", "properties", "additionalProperties"} <= set(document)
    assert document["type"] == "object" and document["additionalProperties"] is True
    assert document["properties"], "no queryable field"
    for key, schema in document["properties"].items():
        assert key.startswith(model.field_prefix), key
        assert "object" not in str(schema.get("type", "")), f"{key}: objects cannot be compared in a filter"
        assert "$ref" not in str(schema), f"{key}: references must be inlined"


def test_closed_enums_are_listed(model: Any) -> None:
    """A field whose value is a closed enum offers exactly the enum's values (and null when nullable)."""
    document = interop.load(interop.head("queryables", "queryables.json"))
    checked = 0
    for slot in (s for c in model.class_map.values() for s in c.slots if s.key in document["properties"]):
        if len(slot.branches) != 1 or slot.branches[0].range not in model.enum_map:
            continue
        enum = model.enum_map[slot.branches[0].range]
        if enum.open:
            continue
        schema = document["properties"][slot.key]
        listed = schema.get("enum") or schema.get("items", {}).get("enum")
        assert listed == enum.names + ([None] if slot.nullable else []), slot.key
        checked += 1
    assert checked, "no queryable field with a closed enum"


def items() -> list[Path]:
    found = interop.valid_fixtures() + (interop.official_examples() if upstream_available() else [])
    return [p for p in found if isinstance(interop.load(p).get("properties"), dict)]


def test_properties_of_every_valid_item_are_accepted() -> None:
    document = interop.load(interop.head("queryables", "queryables.json"))
    validator = jsonschema.validators.validator_for(document)(document)
    paths = items()
    assert paths, "no valid Item fixture"
    for path in paths:
        errors = [e.message for e in validator.iter_errors(interop.load(path)["properties"])]
        assert errors == [], path.name
