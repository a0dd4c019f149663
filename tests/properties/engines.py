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


@cache
def generated() -> jsonschema_rs.Draft7Validator:
    return jsonschema_rs.Draft7Validator(validators.generated_schema())


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
