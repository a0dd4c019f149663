"""Validators for the generated schema and for the official one (offline, with local copies)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from .paths import GENERATED_SCHEMA, OFFICIAL_VERSION, UPSTREAM_DATA

EXTERNAL = {
    "raster": "v1.1.0",
    "classification": "v1.1.0",
    "processing": "v1.1.0",
    "eo": "v1.1.0",
    "datacube": "v2.3.0",
}


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def generated_schema() -> dict[str, Any]:
    return load_json(GENERATED_SCHEMA)


@cache
def generated_validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(generated_schema())


def official_schema_path(version: str = OFFICIAL_VERSION) -> Path:
    return UPSTREAM_DATA / "mlm" / version / "json-schema" / "schema.json"


@cache
def external_registry() -> Registry:
    """The extension schemas the official MLM schema and the examples refer to, by their URLs."""
    registry = Registry()
    for name, version in EXTERNAL.items():
        path = UPSTREAM_DATA / "stac-extensions" / name / version / "schema.json"
        contents = load_json(path)
        url = f"https://stac-extensions.github.io/{name}/{version}/schema.json"
        registry = registry.with_resource(url, Resource.from_contents(contents, default_specification=DRAFT7))
    return registry


@cache
def official_validator(version: str = OFFICIAL_VERSION) -> jsonschema.Draft7Validator:
    schema = load_json(official_schema_path(version))
    registry = external_registry().with_resource(
        schema["$id"], Resource.from_contents(schema, default_specification=DRAFT7)
    )
    return jsonschema.Draft7Validator(schema, registry=registry)


@cache
def extension_validator(url: str) -> jsonschema.Draft7Validator | None:
    """A validator for one of the locally available extension schemas, by URL (None if unknown)."""
    for name, version in EXTERNAL.items():
        if url == f"https://stac-extensions.github.io/{name}/{version}/schema.json":
            schema = load_json(UPSTREAM_DATA / "stac-extensions" / name / version / "schema.json")
            return jsonschema.Draft7Validator(schema, registry=external_registry())
    return None


def is_valid(validator: jsonschema.Draft7Validator, document: Any) -> bool:
    return validator.is_valid(document)
