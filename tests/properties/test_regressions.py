"""Disagreements found by the property tests, each pinned with the minimal document Hypothesis found.

Each test says which property found it and what it showed. A test marked ``xfail(strict=True)`` pins
a bug outside this module's scope, reported to the lead: it starts failing (XPASS) when the bug is
fixed, and then the marker (and the matching ``known_bug`` entry of the property) must go.
"""

from __future__ import annotations

import pytest
from support import validators
from support.paths import OFFICIAL_VERSION, release_url, require_upstream

from . import engines

MLM = release_url(OFFICIAL_VERSION)  # the documents are judged by the official schema


def _both_engines(doc: dict) -> dict[str, tuple[bool, bool]]:
    """(official, generated) verdicts under python-jsonschema and under jsonschema-rs."""
    return {
        "python": (validators.official_validator().is_valid(doc), validators.generated_validator().is_valid(doc)),
        "rust": (engines.official().is_valid(doc), engines.generated().is_valid(doc)),
    }


# Found by property 1d (jsonschema-rs == python-jsonschema) before its documents were limited to
# printable ASCII in patterned strings; property 1e now explores such strings on purpose.
REGEX_ENGINE_CASES = {
    # Python's `\d` matches any Unicode digit (here ARABIC-INDIC DIGIT ZERO); ECMA-262's only 0-9.
    "unicode-digit-in-framework-version": {
        "type": "Collection",
        "stac_version": "1.0.0",
        "stac_extensions": [MLM],
        "item_assets": {"0": {"mlm:framework_version": "0.0.1\u0660"}},
    },
    # Python's `$` also matches before a final newline; ECMA-262's only at the very end.
    "newline-ending-hyperparameter-name": {
        "type": "Collection",
        "stac_version": "1.0.0",
        "stac_extensions": [MLM],
        "summaries": {"0": {"mlm:hyperparameters": {"0\n": None}}},
    },
}


@pytest.mark.parametrize("name", sorted(REGEX_ENGINE_CASES))
def test_regex_engine_difference_is_the_engines_not_the_schema(name: str) -> None:
    """python-jsonschema accepts these documents and jsonschema-rs (ECMA-262, as JSON Schema
    requires; the engine of stac_mlm.validate) rejects them. The generated schema copies the official
    patterns, so under each engine it gives the official verdict."""
    doc = REGEX_ENGINE_CASES[name]
    assert validators.generated_validator().is_valid(doc)
    assert not engines.generated().is_valid(doc)
    import stac_mlm

    assert stac_mlm.validate(doc), "the runtime validator follows ECMA-262 and reports a problem"
    require_upstream()
    assert _both_engines(doc) == {"python": (True, True), "rust": (False, False)}


# Found by property 4b (migrate is idempotent and honest) on near misses of generated Collections:
# bad input must get a clear MigrationError, never a traceback (developer guide). Fixed in
# stac_mlm.migration: the STAC containers' JSON types are checked first (naming the path), and a value of
# an unreadable type deeper in the document gives a MigrationError instead of a TypeError.
MIGRATION_BUGS = {
    # M1: a `stac_extensions` that is not iterable (a type break of the field): TypeError in migrate().
    "M1-stac-extensions-boolean": {"stac_extensions": True, "type": "Collection", "stac_version": "1.0.0"},
    # M2: an array inside `stac_extensions` (the model accepts any values there; the MLM URL removed):
    # TypeError (unhashable list) in finish.extensions.
    "M2-stac-extensions-nested-array": {"stac_extensions": [[]], "type": "Collection", "stac_version": "1.0.0"},
    # M3: an asset's `mlm:accelerator` that is an object (a type break): TypeError (unhashable dict) in
    # converters.accelerator. Found by the fuzz campaign.
    "M3-asset-accelerator-object": {
        "type": "Feature",
        "stac_extensions": [MLM],
        "properties": {"mlm:name": "abc", "mlm:architecture": "x", "mlm:tasks": [], "mlm:input": [], "mlm:output": []},
        "assets": {"m": {"roles": ["mlm:model"], "mlm:artifact_type": "torch.save", "mlm:accelerator": {}}},
    },
}


@pytest.mark.parametrize("name", sorted(MIGRATION_BUGS))
def test_migrate_gives_a_clear_error_or_a_result_on_malformed_extension_lists(name: str) -> None:
    from stac_mlm.migration import MigrationError, migrate

    try:
        result = migrate(MIGRATION_BUGS[name])
    except MigrationError as error:
        assert str(error)
        return
    assert migrate(result.document).document == result.document


# Found by property 2b (the classes check exactly the field-level constraints) and fixed at the
# source, the Pydantic generator (packages/codegen/src/stac_ext_codegen/pydantic.py):
# C1: an optional field that is not nullable was typed `X | None`, so the classes accepted an explicit
#     null the schema rejects; now typed `X` with a default of None (defaults are not validated).
# C2: the lenient JSON map of Item assets (erratum E9) was typed `dict[str, AssetFields] | Any`, so an
#     invalid asset fell through to `Any`; now `dict[str, AssetFields] | NotAnObject`.
_ITEM = {
    "type": "Feature",
    "stac_extensions": [MLM],
    "properties": {"mlm:name": "abc", "mlm:architecture": "U-Net", "mlm:tasks": [], "mlm:input": [], "mlm:output": []},
    "assets": {"model": {"roles": ["mlm:model"], "mlm:artifact_type": "torch.save"}},
}
CLASS_CASES = {
    "C1-null-summary-field": (
        {"type": "Collection", "stac_extensions": [MLM], "summaries": {"s": {"mlm:accelerator_summary": None}}},
        {"type": "Collection", "stac_extensions": [MLM], "summaries": {"s": {"mlm:accelerator_summary": "A100"}}},
    ),
    "C1-null-memory-size": (
        {**_ITEM, "properties": {**_ITEM["properties"], "mlm:memory_size": None}},
        {**_ITEM, "properties": {**_ITEM["properties"], "mlm:memory_size": 1}},
    ),
    "C1-null-band-format": (
        {
            **_ITEM,
            "properties": {
                **_ITEM["properties"],
                "mlm:output": [
                    {
                        "name": "o",
                        "tasks": [],
                        "result": {"shape": [1], "dim_order": ["x"], "data_type": "uint8"},
                        "classification:classes": [],
                        "variables": [],
                        "bands": [],
                    }
                ],
                "mlm:input": [
                    {
                        "name": "i",
                        "bands": [{"name": "b", "format": None}],
                        "input": {"shape": [1], "dim_order": ["bands"], "data_type": "uint8"},
                    }
                ],
            },
        },
        None,
    ),
    # C3 (found by the fuzz campaign, fixed in the Pydantic generator): a required fixed value (the
    # `type` of a value scaling) has a default so that objects can be built in Python without it; from_dict
    # accepted a scaling object without `type`. Reading a document now requires the key.
    "C3-value-scaling-without-type": (
        {
            **_ITEM,
            "properties": {
                **_ITEM["properties"],
                "mlm:input": [
                    {
                        "name": "i",
                        "input": {"shape": [1], "dim_order": ["x"], "data_type": "uint8"},
                        "value_scaling": [{"minimum": 0, "maximum": 1}],
                    }
                ],
            },
        },
        {
            **_ITEM,
            "properties": {
                **_ITEM["properties"],
                "mlm:input": [
                    {
                        "name": "i",
                        "input": {"shape": [1], "dim_order": ["x"], "data_type": "uint8"},
                        "value_scaling": [{"type": "min-max", "minimum": 0, "maximum": 1}],
                    }
                ],
            },
        },
    ),
    "C2-invalid-item-asset-entry": (
        {**_ITEM, "assets": {"model": {**_ITEM["assets"]["model"], "mlm:architecture": 7}}},
        _ITEM,
    ),
}


@pytest.mark.parametrize("name", sorted(CLASS_CASES))
def test_classes_reject_what_the_schema_rejects_field_by_field(name: str) -> None:
    from pydantic import ValidationError
    from stac_mlm._generated import models

    invalid, valid = CLASS_CASES[name]
    cls = {"Feature": models.Item, "Collection": models.Collection}[invalid["type"]]
    assert not validators.generated_validator().is_valid(invalid)
    with pytest.raises(ValidationError):
        cls.from_dict(invalid)
    if valid is not None:
        assert validators.generated_validator().is_valid(valid)
        assert cls.from_dict(valid).to_dict() == valid


def test_fixed_values_are_defaults_when_building_in_python() -> None:
    """The C3 fix keeps building in Python convenient: the fixed `type` is filled in and written out."""
    from stac_mlm._generated import models

    built = models.ValueScalingZScore(mean=1, stddev=2)
    assert built.to_dict() == {"type": "z-score", "mean": 1, "stddev": 2}
    assert validators.generated_validator().is_valid(
        {
            **_ITEM,
            "properties": {
                **_ITEM["properties"],
                "mlm:input": [
                    {
                        "name": "i",
                        "input": {"shape": [1], "dim_order": ["x"], "data_type": "uint8"},
                        "value_scaling": [built.to_dict()],
                    }
                ],
            },
        }
    )
