"""The generated JSON Schema: its identity, draft-07 validity, determinism, and the official examples."""

from __future__ import annotations

import jsonschema
import pytest
from support import validators
from support.paths import GENERATED_SCHEMA, SCHEMA_DIR

MLM_URL = "https://stac-extensions.github.io/mlm/v1.5.2/schema.json"


def test_schema_identity() -> None:
    schema = validators.generated_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == MLM_URL
    jsonschema.Draft7Validator.check_schema(schema)


def test_schema_is_self_contained() -> None:
    """No reference leaves the document, so validation never needs the network."""
    text = GENERATED_SCHEMA.read_text(encoding="utf-8")
    refs = [line for line in text.splitlines() if '"$ref"' in line]
    assert refs and all('"#/$defs/' in line for line in refs)


def test_committed_schema_is_what_the_model_generates() -> None:
    from stac_ext_codegen.jsonschema import build_json_schema, dump_json
    from stac_ext_codegen.model import SourceModel

    first = dump_json(build_json_schema(SourceModel.load(SCHEMA_DIR)))
    second = dump_json(build_json_schema(SourceModel.load(SCHEMA_DIR)))
    assert first == second, "generation is not deterministic"
    assert first == GENERATED_SCHEMA.read_text(encoding="utf-8"), "generated/ is stale: run `nox -s generate`"


def test_twenty_mlm_fields_everywhere_mlm_fields_are_checked() -> None:
    defs = validators.generated_schema()["$defs"]
    for level in ("ItemProperties", "AssetFields", "CollectionSummaryFields"):
        fields = [key for key in defs[level]["properties"] if key.startswith("mlm:")]
        assert len(fields) == 20, level


@pytest.mark.upstream
def test_official_examples_get_the_official_verdict(official_examples) -> None:
    official = validators.official_validator()
    generated = validators.generated_validator()
    items = {name: doc for name, doc in official_examples.items() if doc.get("type") == "Feature"}
    assert len(items) == 9
    for name, document in items.items():
        errors = [e.message for e in generated.iter_errors(document)]
        assert not errors, f"{name}: {errors[:3]}"
    for name, document in official_examples.items():
        assert generated.is_valid(document) == official.is_valid(document), name
