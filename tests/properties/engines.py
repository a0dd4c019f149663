"""Validators running on jsonschema-rs (ECMA-262 regular expressions, as JSON Schema specifies).

python-jsonschema (tests/support/validators.py) evaluates `pattern` with Python's `re`, which
differs from ECMA-262 on `\\d`, `\\s`, `.` and `$` beyond ASCII. Comparing the official and the
generated schema under both engines shows that a difference in verdict comes from the engine, never
from the schema.
"""

from __future__ import annotations

from functools import cache

import jsonschema_rs
from support import validators


class _Versioned:
    """The generated schemas on jsonschema-rs, each document judged by the MLM version it declares (as
    ``validators.generated_validator()`` does on python-jsonschema)."""

    def is_valid(self, document: object) -> bool:
        version = validators.generated_validator().declared_version(document)
        return _version(version).is_valid(document)


@cache
def _version(version: str | None) -> jsonschema_rs.Draft7Validator:
    schema = validators.generated_schema() if version is None else validators.version_schema(version)
    return jsonschema_rs.Draft7Validator(schema)


@cache
def generated() -> _Versioned:
    return _Versioned()


@cache
def official() -> jsonschema_rs.Draft7Validator:
    resources = [
        (
            f"https://stac-extensions.github.io/{name}/{version}/schema.json",
            validators.load_json(validators.UPSTREAM_DATA / "stac-extensions" / name / version / "schema.json"),
        )
        for name, version in validators.EXTERNAL.items()
    ]

    def unreachable(uri: str) -> dict:
        # jsonschema-rs resolves every reference up front; the extension schemas refer to a few
        # documents (PROJJSON, ...) that MLM validation never reaches. python-jsonschema, which
        # resolves lazily, would fail if one of them were reached.
        return {}

    registry = jsonschema_rs.Registry(resources, retriever=unreachable)
    schema = validators.load_json(validators.official_schema_path())
    return jsonschema_rs.Draft7Validator(schema, registry=registry, retriever=unreachable)
