"""STAC API queryables: the searchable fields of one level of the model (the class named by the option
``level``), as the Filter extension publishes them (a JSON Schema of the Item properties a filter may name).

A field is searchable when its value is a scalar or a list of scalars (objects cannot be compared in
CQL2), it is not forbidden at that level, and its JSON key is not in the option ``exclude``. Each
field's schema is its fragment of the generated JSON Schema with references inlined, so the types,
closed enums and bounds are the ones the JSON Schema checks.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urljoin

from ..jsonschema import dump_json
from ..model import ModelError
from . import Build
from .jsonld import versioned

SCHEMA_DIALECT = "https://json-schema.org/draft/2019-09/schema"
#: Keywords dropped inside a field's schema: notes for readers of the full schema.
_NOTES = {"description", "$comment", "title"}


def _inline(node: Any, defs: dict[str, Any], depth: int = 0) -> Any:
    """The schema with every ``#/$defs/`` reference replaced by its definition (notes dropped)."""
    if depth > 32:
        raise ModelError("queryables: a recursive definition cannot be inlined")
    if isinstance(node, list):
        return [_inline(value, defs, depth) for value in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inline(v, defs, depth) for k, v in node.items() if k not in _NOTES and k != "$ref"}
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        target = _inline(defs[reference.removeprefix("#/$defs/")], defs, depth + 1)
        out = {**target, **out}
    if list(out) == ["allOf"] and len(out["allOf"]) == 1:
        out = out["allOf"][0]
    return _merge_alternatives(out)


def _merge_alternatives(schema: dict[str, Any]) -> dict[str, Any]:
    """``anyOf`` of plain typed branches (an enum or null among them) as one ``type`` (and ``enum``)."""
    branches = schema.get("anyOf")
    if not branches or set(schema) != {"anyOf"} or any(set(b) - {"type", "enum"} for b in branches):
        return schema
    types: list[str] = []
    for branch in branches:
        for name in [branch["type"]] if isinstance(branch.get("type"), str) else branch.get("type", []):
            if name not in types:
                types.append(name)
    merged: dict[str, Any] = {"type": types[0] if len(types) == 1 else types}
    if all("enum" in b or b.get("type") == "null" for b in branches) and any("enum" in b for b in branches):
        merged["enum"] = [v for b in branches for v in (b.get("enum") or [None])]
    return merged


def _scalar(schema: dict[str, Any]) -> bool:
    """A value that is not an object, nor a list of objects (as far as its schema says)."""
    kinds = schema.get("type")
    names = [kinds] if isinstance(kinds, str) else list(kinds or [])
    if "object" in names or (not names and not schema.get("anyOf") and "enum" not in schema):
        return False
    if "array" in names:
        return _scalar(schema.get("items", {}))
    return all(_scalar(branch) for branch in schema.get("anyOf", []))


def build_queryables(build: Build) -> dict[str, Any]:
    """The queryables JSON Schema of the configured level's fields."""
    level = str(build.option("level"))
    if level not in build.resolved.class_map:
        raise ModelError(f"queryables: option `level` names no class of the model ({level!r})")
    excluded = set(build.option("exclude", []))
    schema = build.json_schema()
    defs = schema["$defs"]
    if level not in defs:
        raise ModelError(f"queryables: class {level} has no definition in the generated JSON Schema")
    properties: dict[str, Any] = {}
    for slot in build.resolved.class_map[level].slots:
        fragment = defs[level].get("properties", {}).get(slot.key)
        if fragment is None or slot.presence == "forbidden":
            continue
        if slot.key in excluded:
            continue
        inlined = _inline(copy.deepcopy(fragment), defs)
        if not _scalar(inlined):
            continue
        entry = {"title": slot.key, "description": " ".join(slot.description.split())}
        properties[slot.key] = {**{k: v for k, v in entry.items() if v}, **inlined}
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": urljoin(schema["$id"], "queryables.json"),
        "type": "object",
        "title": f"Queryables: {schema['title']}",
        "description": f"The fields of {build.resolved.class_map[level].title or level} a STAC API filter may use.",
        "properties": properties,
        "additionalProperties": True,
    }


def render(build: Build) -> dict[str, str]:
    """The queryables, per version."""
    return versioned(build, dump_json(build_queryables(build)))
