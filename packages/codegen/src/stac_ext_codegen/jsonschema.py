"""JSON Schema (draft-07) generation from a LinkML model and its rules file.

LinkML's own ``JsonSchemaGenerator`` writes the object definitions. Its lifecycle hooks add what it
has no metaslot for (the annotation vocabulary, as the resolved model of ``resolved.py`` decodes it), then
``build_json_schema``:

1. corrects LinkML 1.12 output where it is wrong (``value_presence: ABSENT`` on several slots means
   "none of them", not "not all of them"; ``list_elements_unique`` is dropped; ``linkml:Any`` is
   typed as "anything but an array"),
2. attaches the rules of the rules file to the classes they apply to,
3. builds the top level: each ``entry_point`` class is applied when the discriminator slot has that
   class's value,
4. makes the result valid draft-07 (no keyword beside ``$ref``), drops unused definitions, and
   checks that every reference resolves.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

from linkml.generators.jsonschemagen import JsonSchema, JsonSchemaGenerator
from linkml_runtime import SchemaView

from .model import ModelError, SourceModel, per_model
from .resolved import ResolvedModel, ResolvedSlot, resolve, resolve_view

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
ANNOTATION_KEYWORDS = {"description", "title", "$comment", "examples", "default", "deprecated"}


def _type_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _accept_null(schema: dict[str, Any]) -> dict[str, Any]:
    """Widen a schema so that it also accepts JSON null."""
    if "type" in schema and "$ref" not in schema and not ({"anyOf", "oneOf", "allOf"} & schema.keys()):
        types = _type_list(schema["type"])
        if "null" not in types:
            schema["type"] = [*types, "null"]
        return schema
    if set(schema) <= {"anyOf"} | ANNOTATION_KEYWORDS and "anyOf" in schema:
        if {"type": "null"} not in schema["anyOf"]:
            schema["anyOf"].append({"type": "null"})
        return schema
    notes = {k: schema.pop(k) for k in list(schema) if k in ANNOTATION_KEYWORDS}
    return {**notes, "anyOf": [schema, {"type": "null"}]}


class LinkMLJsonSchemaGenerator(JsonSchemaGenerator):
    """``JsonSchemaGenerator`` with the facts of the resolved model (``resolved``) applied through its hooks."""

    def __init__(self, schema: str, **kwargs: Any) -> None:
        kwargs.setdefault("not_closed", True)
        kwargs.setdefault("include_null", False)
        kwargs.setdefault("preserve_names", True)
        kwargs.setdefault("title_from", "title")
        super().__init__(schema, **kwargs)
        self.resolved: ResolvedModel | None = None  # the model's, set by build_json_schema

    def _resolved(self) -> ResolvedModel:
        if self.resolved is None:  # a schema without a rules file (no SourceModel): resolve it here
            self.resolved = resolve_view(self.schemaview)
        return self.resolved

    # Value constraints: those a type carries (also reached from any_of branches).
    def get_value_constraints_for_slot(self, slot: Any) -> JsonSchema:
        """LinkML's constraints of the slot's values, plus its type's own."""
        constraints = super().get_value_constraints_for_slot(slot)
        vtype = self._resolved().type_map.get(slot.range) if slot is not None else None
        if vtype is not None:
            constraints.update(vtype.constraints.keywords)
        return constraints

    def after_generate_class_slot(self, slot_result: Any, cls: Any, sv: SchemaView) -> Any:
        """A slot's schema with what LinkML leaves out: unique items, examples, maps, nulls, one-or-many."""
        resolved = self._resolved()
        slot = resolved.class_map[cls.name].slot_named(slot_result.source.name)
        schema: dict[str, Any] = slot_result.schema_
        schema.pop("title", None)  # a slot's title is a short label for user interfaces, not a schema note
        if slot.unique and schema.get("type") == "array":
            schema["uniqueItems"] = True
        if slot.recommended is not None:
            schema["examples"] = resolved.enum_map[slot.recommended].names
        if slot.json_map is not None:
            schema = self._as_json_map(slot, schema)
        schema.update(slot.constraints.keywords)
        if slot.deprecated is not None:
            schema["deprecated"] = True  # an annotation keyword (2019-09 and later); draft-07 validators ignore it
        if slot.nullable:
            schema = _accept_null(schema)
        if slot.one_or_many:
            notes_only = {k: schema.pop(k) for k in list(schema) if k in ANNOTATION_KEYWORDS}
            schema = {**notes_only, "anyOf": [schema, {"type": "array", "minItems": 1, "items": copy.deepcopy(schema)}]}
        slot_result.schema_ = JsonSchema(schema)
        return slot_result

    @staticmethod
    def _as_json_map(slot: ResolvedSlot, schema: dict[str, Any]) -> dict[str, Any]:
        if schema.get("type") != "array" or "items" not in schema:
            raise ModelError(f"slot {slot.name}: json_map needs a multivalued slot")
        mapped: dict[str, Any] = {k: v for k, v in schema.items() if k in ANNOTATION_KEYWORDS}
        if slot.json_map == "strict":
            mapped["type"] = "object"
        mapped["additionalProperties"] = schema["items"]
        return mapped

    def after_generate_class(self, cls_result: Any, sv: SchemaView) -> Any:
        """A class's schema with each forbidden key absent, its extra-keys pattern and own keywords."""
        cls = self._resolved().class_map[cls_result.source.name]
        schema: dict[str, Any] = cls_result.schema_
        absent = [slot.key for slot in cls.slots if slot.absent]
        if len(absent) > 1 and schema.get("not") == {"required": absent}:
            # LinkML 1.12 writes "not all of them" (linkml/linkml#3719); ABSENT means each one is absent.
            schema["not"] = {"anyOf": [{"required": [name]} for name in absent]}
        if cls.extra_keys_pattern is not None:
            schema["patternProperties"] = {cls.extra_keys_pattern: {}}
            schema["additionalProperties"] = False
        schema.update(cls.keywords)
        return cls_result


def walk_objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object of a tree, outermost first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk_objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk_objects(value)


def _references(node: Any) -> set[str]:
    prefix = "#/$defs/"
    return {
        n["$ref"][len(prefix) :]
        for n in walk_objects(node)
        if isinstance(n.get("$ref"), str) and n["$ref"].startswith(prefix)
    }


def _rewrite(node: Any, change: Callable[[dict[str, Any]], dict[str, Any]]) -> Any:
    """Apply ``change`` to every object of a JSON tree, innermost objects first."""
    if isinstance(node, list):
        return [_rewrite(value, change) for value in node]
    if isinstance(node, dict):
        return change({key: _rewrite(value, change) for key, value in node.items()})
    return node


def _replace_refs(node: Any, name: str, replacement: dict[str, Any]) -> Any:
    """Replace every reference to definition ``name`` by (a copy of) ``replacement``."""
    target = f"#/$defs/{name}"

    def change(obj: dict[str, Any]) -> dict[str, Any]:
        if obj.get("$ref") != target:
            return obj
        return {**copy.deepcopy(replacement), **{k: v for k, v in obj.items() if k != "$ref"}}

    return _rewrite(node, change)


def _draft07_refs(node: Any) -> Any:
    """In draft-07 keywords beside ``$ref`` are ignored: move such a ``$ref`` into ``allOf``."""

    def change(obj: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in obj and len(obj) > 1:
            obj["allOf"] = [{"$ref": obj.pop("$ref")}, *obj.get("allOf", [])]
        return obj

    return _rewrite(node, change)


def _tidy(node: Any) -> Any:
    """Drop what carries no meaning: empty descriptions, LinkML's ``additionalProperties: true``."""

    def change(obj: dict[str, Any]) -> dict[str, Any]:
        return {
            key: value
            for key, value in obj.items()
            if not (key == "description" and value in ("", None))
            and not (key == "additionalProperties" and value is True)
        }

    return _rewrite(node, change)


def rule_comment(rule_id: str) -> str:
    """The ``$comment`` that marks the schema fragment enforcing a rule of the rules file."""
    return f"Rule {rule_id}"


def _apply_rules(model: SourceModel, defs: dict[str, Any]) -> None:
    for name, definition in model.rule_defs.items():
        if name in defs:
            raise ModelError(f"rules.yaml: def {name!r} clashes with a LinkML element of the same name")
        defs[name] = copy.deepcopy(definition)
    seen: set[str] = set()
    for rule in model.rules:
        rule_id = rule.get("id")
        if not rule_id or rule_id in seen:
            raise ModelError(f"rules.yaml: every rule needs a unique id (got {rule_id!r})")
        seen.add(rule_id)
        if rule.get("enforced", True) is False:
            continue
        for application in rule.get("apply", []) or []:
            target = application.get("to")
            if target not in defs:
                raise ModelError(f"rules.yaml: rule {rule_id} applies to unknown class {target!r}")
            fragment = copy.deepcopy(application["json_schema"])
            fragment.setdefault("$comment", rule_comment(rule_id))
            if rule.get("summary"):
                fragment.setdefault("description", rule["summary"])
            defs[target].setdefault("allOf", []).append(fragment)


def _entry_points(resolved: ResolvedModel) -> list[dict[str, Any]]:
    if not resolved.entry_points:
        raise ModelError("no class is annotated entry_point: the schema would check nothing")
    key = resolved.discriminator
    entries: list[dict[str, Any]] = [
        {
            "if": {"required": [key], "properties": {key: {"const": value}}},
            "then": {"$ref": f"#/$defs/{name}"},
        }
        for value, name in resolved.entry_points.items()
    ]
    if resolved.entry_point_required:
        # Documents that are none of the entry-point classes are rejected instead of passing unchecked.
        entries.append(
            {"type": "object", "required": [key], "properties": {key: {"enum": list(resolved.entry_points)}}}
        )
    return entries


def build_json_schema(model: SourceModel) -> dict[str, Any]:
    """Generate the draft-07 JSON Schema of the model."""
    resolved = resolve(model)
    generator = LinkMLJsonSchemaGenerator(str(model.root_path))
    generator.resolved = resolved
    generated = generator.generate()
    defs: dict[str, Any] = json.loads(json.dumps(generated["$defs"]))

    for name in [c.name for c in resolved.class_map.values() if c.is_any]:
        defs.pop(name, None)
        defs = _replace_refs(defs, name, {})
    _apply_rules(model, defs)

    document: dict[str, Any] = {
        "$schema": DRAFT_07,
        "$id": resolved.schema_id,
        "title": resolved.schema_title,
        "description": resolved.description,
        "allOf": _entry_points(resolved),
        "$defs": defs,
    }
    document = _tidy(_draft07_refs(document))

    # Keep only the definitions reachable from the top level.
    reachable: set[str] = set()
    frontier = _references({k: v for k, v in document.items() if k != "$defs"})
    while frontier:
        name = frontier.pop()
        if name in reachable:
            continue
        if name not in document["$defs"]:
            raise ModelError(f"reference to unknown definition #/$defs/{name}")
        reachable.add(name)
        frontier |= _references(document["$defs"][name]) - reachable
    document["$defs"] = {k: v for k, v in document["$defs"].items() if k in reachable}
    return document


@per_model
def json_schema_of(model: SourceModel) -> dict[str, Any]:
    """``build_json_schema`` computed once per model object (callers must not modify the result)."""
    return build_json_schema(model)


def dump_json(document: Any) -> str:
    """The committed text form of a generated JSON document (stable across runs)."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
