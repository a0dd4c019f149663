"""Validators for the generated schema and for the official one (offline, with local copies)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from .paths import OFFICIAL_VERSION, UPSTREAM_DATA, VERSIONS_INDEX, head_schema_path, version_schema_path

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
    """The schema generated for the live model (the draft when there is one): what documents built from
    schema/ are checked against."""
    return load_json(head_schema_path())


class VersionedValidator:
    """The generated schemas as a STAC validator applies them: a document is judged by the schema of the MLM
    version it declares in ``stac_extensions`` (a release or the draft), else by the live model's schema."""

    def __init__(self) -> None:
        index = load_json(VERSIONS_INDEX)
        self.by_url = {url: entry["version"] for entry in index["versions"] for url in entry["urls"]}
        self.schema = generated_schema()
        self.head = jsonschema.Draft7Validator(self.schema)

    def declared_version(self, document: Any) -> str | None:
        """The first version of this source whose URL the document lists (None: none)."""
        declared = document.get("stac_extensions") if isinstance(document, dict) else None
        for url in declared if isinstance(declared, list) else []:
            if isinstance(url, str) and url in self.by_url:
                return self.by_url[url]
        return None

    def choose(self, document: Any) -> jsonschema.Draft7Validator:
        version = self.declared_version(document)
        return self.head if version is None else version_validator(version)

    def is_valid(self, document: Any) -> bool:
        return self.choose(document).is_valid(document)

    def iter_errors(self, document: Any) -> Any:
        return self.choose(document).iter_errors(document)


@cache
def generated_validator() -> VersionedValidator:
    return VersionedValidator()


@cache
def version_schema(version: str) -> dict[str, Any]:
    """The generated schema of one version the source holds (release or draft)."""
    return load_json(version_schema_path(version))


@cache
def version_validator(version: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(version_schema(version))


@cache
def release_schema(version: str = OFFICIAL_VERSION) -> dict[str, Any]:
    """The schema generated for one release: what parity with that release's official schema is judged on."""
    return load_json(version_schema_path(version))


@cache
def release_validator(version: str = OFFICIAL_VERSION) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(release_schema(version))


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
