"""The generated JSON Schema of the live model (the draft when there is one, else the latest release): its
identity, draft-07 validity, determinism; and the official examples judged by the release they belong to."""

from __future__ import annotations

import jsonschema
import pytest
from support import validators
from support.paths import GENERATED_SCHEMA, OFFICIAL_VERSION, SCHEMA_DIR, head_schema_path, head_version

URL_TEMPLATE = "https://stac-extensions.github.io/mlm/{version}/schema.json"


def test_schema_identity() -> None:
    schema = validators.generated_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == URL_TEMPLATE.format(version=head_version())
    jsonschema.Draft7Validator.check_schema(schema)
    assert validators.release_schema()["$id"] == URL_TEMPLATE.format(version=OFFICIAL_VERSION)
    latest = validators.load_json(GENERATED_SCHEMA)["$id"]
    assert latest.split("/")[-2] <= head_version() or latest == schema["$id"], "schema.json is the latest release"


def test_schema_is_self_contained() -> None:
    """No reference leaves the document, so validation never needs the network."""
    text = head_schema_path().read_text(encoding="utf-8")
    refs = [line for line in text.splitlines() if '"$ref"' in line]
    assert refs and all('"#/$defs/' in line for line in refs)


def test_committed_schema_is_what_the_model_generates() -> None:
    from stac_ext_codegen.jsonschema import build_json_schema, dump_json
    from stac_ext_codegen.model import SourceModel

    first = dump_json(build_json_schema(SourceModel.load(SCHEMA_DIR)))
    second = dump_json(build_json_schema(SourceModel.load(SCHEMA_DIR)))
    assert first == second, "generation is not deterministic"
    assert first == head_schema_path().read_text(encoding="utf-8"), "generated/ is stale: run `nox -s generate`"


def test_every_mlm_field_is_checked_wherever_mlm_fields_are() -> None:
    from stac_ext_codegen.docs import Docs
    from stac_ext_codegen.model import SourceModel

    docs = Docs(SourceModel.load(SCHEMA_DIR))
    assert docs.field_class is not None
    prefix = str(docs.model.schema_annotations["field_prefix"])
    declared = {s.key for s in docs.cls(docs.field_class).slots}
    declared = {key for key in declared if key.startswith(prefix)}
    assert declared
    defs = validators.generated_schema()["$defs"]
    for level in docs.levels:
        assert {key for key in defs[level]["properties"] if key.startswith(prefix)} == declared, level


@pytest.mark.upstream
def test_official_examples_get_the_official_verdict(official_examples) -> None:
    official = validators.official_validator()
    generated = validators.release_validator(OFFICIAL_VERSION)
    items = {name: doc for name, doc in official_examples.items() if doc.get("type") == "Feature"}
    assert len(items) == 9
    for name, document in items.items():
        errors = [e.message for e in generated.iter_errors(document)]
        assert not errors, f"{name}: {errors[:3]}"
    for name, document in official_examples.items():
        assert generated.is_valid(document) == official.is_valid(document), name
