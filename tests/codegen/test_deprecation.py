"""`deprecated:` on a field reaches every output and the diff (issue 22, d): in a scratch copy holding a draft, a
field marked deprecated (with its replacement) is `deprecated: true` in the draft's JSON Schema (verdicts unchanged),
a badge and the replacement in the README's field table, a DeprecationWarning when a class's field is set, and a
change of its own kind in the diff."""

from __future__ import annotations

import importlib.util
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from support.scratch import copy_repository, run_codegen

RUNTIME = "packages/stac-mlm/src/stac_mlm/_generated"
NOTE = "Superseded (a test of the deprecation marks)"
pytestmark = pytest.mark.slow  # regenerates a scratch copy of the repository


def _fields(schema: Path) -> tuple[str, dict[str, Any]]:
    """The model file that defines the most aliased slots, and those slots."""
    best: tuple[str, dict[str, Any]] = ("", {})
    for path in sorted(schema.glob("*.yaml")):
        slots = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("slots") or {}
        aliased = {n: s for n, s in slots.items() if isinstance(s, dict) and s.get("alias")}
        if len(aliased) > len(best[1]):
            best = (path.name, aliased)
    return best


@pytest.fixture(scope="module")
def deprecated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = copy_repository(tmp_path_factory.mktemp("deprecated"))
    index = json.loads((root / RUNTIME / "versions.json").read_text(encoding="utf-8"))
    old = index["latest"]
    if index["draft"] is None:
        major, minor, _ = index["latest"].lstrip("v").split(".")
        assert run_codegen(root, "new-version", f"{major}.{int(minor) + 1}.0")[0] == 0
    new = yaml.safe_load((root / "schema" / "versions.yaml").read_text(encoding="utf-8"))["draft"]["version"]
    name, slots = _fields(root / "schema")
    plain = [n for n, s in slots.items() if set(s) <= {"alias", "slot_uri", "title", "description", "range"}]
    slot = next(n for n in plain if slots[n].get("range", "string") == "string")  # a plain string field
    replacement = next(n for n in slots if n != slot)
    path = root / "schema" / name
    text = path.read_text(encoding="utf-8")
    marked = f"    deprecated: {NOTE}\n    deprecated_element_has_exact_replacement: {replacement}\n"
    path.write_text(text.replace(f"\n  {slot}:\n", f"\n  {slot}:\n{marked}", 1), encoding="utf-8")
    code, out = run_codegen(root, "generate")
    assert code == 0, out
    return {
        "root": root,
        "old": old,
        "new": new,
        "key": slots[slot]["alias"],
        "replacement": slots[replacement]["alias"],
        "replacement_slot": replacement,
    }


def _properties(schema: Any, key: str) -> list[dict[str, Any]]:
    found = []
    if isinstance(schema, dict):
        properties = schema.get("properties")
        if isinstance(properties, dict) and isinstance(properties.get(key), dict):
            found.append(properties[key])
        for value in schema.values():
            found += _properties(value, key)
    elif isinstance(schema, list):
        for value in schema:
            found += _properties(value, key)
    return found


def _without_deprecated(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _without_deprecated(v) for k, v in schema.items() if k != "deprecated"}
    if isinstance(schema, list):
        return [_without_deprecated(v) for v in schema]
    return schema


def test_the_json_schema_marks_the_field_and_keeps_its_verdicts(deprecated: dict[str, Any]) -> None:
    root, new, key = deprecated["root"], deprecated["new"], deprecated["key"]
    schema = json.loads((root / "generated" / "json-schema" / new / "schema.json").read_text(encoding="utf-8"))
    places = _properties(schema, key)
    assert places and all(p.get("deprecated") is True for p in places)
    jsonschema.Draft7Validator.check_schema(schema)
    stripped = _without_deprecated(schema)
    assert all("deprecated" not in p for p in _properties(stripped, key))
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "examples").rglob("*.json"))]
    documents = [d for d in documents if isinstance(d, dict) and "stac_extensions" in d]
    assert documents
    marked, plain = jsonschema.Draft7Validator(schema), jsonschema.Draft7Validator(stripped)
    assert [marked.is_valid(d) for d in documents] == [plain.is_valid(d) for d in documents]


def test_the_readme_shows_a_badge_and_the_replacement(deprecated: dict[str, Any]) -> None:
    readme = (deprecated["root"] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith(f"| `{deprecated['key']}` |"))
    assert "**Deprecated**" in row and NOTE in row and deprecated["replacement_slot"] in row


def test_setting_the_field_of_a_class_warns(deprecated: dict[str, Any]) -> None:
    from pydantic import TypeAdapter

    # the deprecation is the draft's: its classes are the draft's own module (models.py keeps the latest release's)
    path = deprecated["root"] / RUNTIME / "releases" / f"{deprecated['new'].replace('.', '_')}.py"
    spec = importlib.util.spec_from_file_location("scratch_models", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        fields = [
            field
            for cls in vars(module).values()
            if isinstance(cls, type) and cls.__module__ == spec.name and hasattr(cls, "model_fields")
            for field in cls.model_fields.values()
            if field.alias == deprecated["key"]
        ]
        assert fields
        for field in fields:
            adapter = TypeAdapter(field.rebuild_annotation())
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                assert adapter.validate_python("any text") == "any text"
            warned = [w for w in caught if issubclass(w.category, DeprecationWarning)]
            assert warned and deprecated["key"] in str(warned[0].message) and NOTE in str(warned[0].message)
    finally:
        sys.modules.pop(spec.name, None)


def test_the_diff_has_a_deprecation_change(deprecated: dict[str, Any]) -> None:
    root = deprecated["root"]
    code, out = run_codegen(root, "diff", deprecated["old"], deprecated["new"], "--format", "json")
    assert code == 0, out
    changes = [c for c in json.loads(out)["changes"] if c["kind"] == "deprecated"]
    assert [c["element"] for c in changes] and {c["element"] for c in changes} == {deprecated["key"]}
    assert not any(c["breaking"] for c in changes)
    assert deprecated["replacement_slot"] in changes[0]["summary"]
