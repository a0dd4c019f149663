"""Renames, moves and replaced enum values: the diff kinds that say where a value went, and the migration
rules derived from them. The facts of the live model are changed (names picked from the model itself)."""

from __future__ import annotations

import copy
import itertools
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from stac_ext_codegen.config import find_config
from stac_ext_codegen.derive_migrations import _only_renamed, _required_entries, class_pointers
from stac_ext_codegen.derive_rules import ancestors, enum_places, move_rules, places, rename_rules, value_entries
from stac_ext_codegen.diff import Change, compare, describe, diff_versions
from stac_ext_codegen.docmarks import value_deprecation
from stac_ext_codegen.docs import Docs
from stac_ext_codegen.docs_pages import _enum_context
from stac_ext_codegen.model import SourceModel, load_version
from stac_ext_codegen.modellint import lint_directory
from stac_ext_codegen.resolved import EnumValue, ResolvedModel, resolve
from stac_ext_codegen.versioned import schema_document
from stac_ext_codegen.versions import VersionIndex
from support.paths import SCHEMA_DIR


@pytest.fixture(scope="module")
def model() -> SourceModel:
    return SourceModel.load(SCHEMA_DIR)


@pytest.fixture(scope="module")
def facts(model: SourceModel) -> dict[str, Any]:
    return describe(model)


@pytest.fixture(scope="module")
def resolved(model: SourceModel) -> ResolvedModel:
    return resolve(model)


def _leaves(facts: dict[str, Any]) -> list[str]:
    """Classes no other class inherits from, with at least two fields, most fields first."""
    parents = {p for cls in facts["objects"].values() for p in cls["parents"]}
    leaves = [n for n, c in facts["objects"].items() if n not in parents and len(c["slots"]) >= 2]
    return sorted(leaves, key=lambda n: -len(facts["objects"][n]["slots"]))


def _slot_name(facts: dict[str, Any], key: str) -> str:
    return next(name for name, found in facts["keys"].items() if found == key)


def _kinds(changes: list[Change]) -> list[tuple[str, str]]:
    return [(c.kind, c.element) for c in changes]


def test_a_removed_field_deprecated_with_an_exact_replacement_is_renamed(facts: dict[str, Any]) -> None:
    owner = _leaves(facts)[0]
    key, target = list(facts["objects"][owner]["slots"])[:2]
    old, new = copy.deepcopy(facts), copy.deepcopy(facts)
    old["objects"][owner]["slots"][key] |= {"deprecated": "superseded", "replaced_by": _slot_name(facts, target)}
    del new["objects"][owner]["slots"][key]
    changes = compare(old, new)
    renamed = [c for c in changes if c.kind == "field-renamed"]
    assert [(c.element, c.where, c.before, c.after, c.breaking) for c in renamed] == [(key, owner, key, target, True)]
    assert ("field-removed", key) not in _kinds(changes)
    # without the deprecation (or with a replacement the class lacks) it is a plain removal
    del old["objects"][owner]["slots"][key]["deprecated"]
    assert "field-renamed" not in [c.kind for c in compare(old, new)]


def test_a_field_that_leaves_one_class_for_another_is_moved(facts: dict[str, Any]) -> None:
    leaves, objects = _leaves(facts), facts["objects"]
    source, key = next(
        (name, k)
        for name in leaves
        for k in objects[name]["slots"]
        if sum(k in o["slots"] for o in objects.values()) == 1
    )
    slot = objects[source]["slots"][key]
    target = next(t for t in leaves if t != source)
    old, new = copy.deepcopy(facts), copy.deepcopy(facts)
    del new["objects"][source]["slots"][key]
    new["objects"][target]["slots"][key] = copy.deepcopy(slot) | {"presence": "optional"}
    moved = [c for c in compare(old, new) if c.element == key]
    assert [(c.kind, c.where, c.before["owner"], c.after["owner"]) for c in moved] == [
        ("field-moved", target, source, target)
    ]
    # different value facts: not the same field
    new["objects"][target]["slots"][key]["ranges"] = ["a-range-of-no-model"]
    assert sorted(c.kind for c in compare(old, new) if c.element == key) == ["field-added", "field-removed"]


def _closed_enum(facts: dict[str, Any]) -> str:
    return next(n for n, e in facts["enums"].items() if not e["open"] and len(e["values"]) >= 2)


def test_an_enum_value_deprecated_then_removed_with_a_replacement(facts: dict[str, Any]) -> None:
    enum = _closed_enum(facts)
    value, instead = facts["enums"][enum]["values"][:2]
    old, marked = copy.deepcopy(facts), copy.deepcopy(facts)
    marked["enums"][enum]["deprecated"] = {value: {"note": "superseded", "replaced_by": instead}}
    deprecated = [c for c in compare(old, marked) if c.element == f"{enum}.{value}"]
    assert [(c.kind, c.breaking) for c in deprecated] == [("enum-value-deprecated", False)]
    assert f"`{instead}`" in deprecated[0].summary
    removed = copy.deepcopy(marked)
    removed["enums"][enum]["values"].remove(value)
    removed["enums"][enum]["deprecated"] = {}
    replaced = [c for c in compare(marked, removed) if c.element == f"{enum}.{value}"]
    assert [(c.kind, c.breaking, c.before, c.after) for c in replaced] == [
        ("enum-value-replaced", True, value, instead)
    ]
    plain = [c for c in compare(old, removed) if c.element == f"{enum}.{value}"]
    assert [(c.kind, c.after) for c in plain] == [("enum-value-removed", None)]


# ----- rules derived from them ---------------------------------------------------------------------------------------
def test_a_rename_moves_the_value_at_every_place_of_the_class(facts: dict[str, Any], resolved: ResolvedModel) -> None:
    pointers = class_pointers(resolved)
    owner = max(facts["objects"], key=lambda n: len(places(resolved, pointers, n)))
    where = places(resolved, pointers, owner)
    assert len(where) > 1
    change = Change("field-renamed", "a~b", True, "", owner, "a~b", "a/b")
    rules = rename_rules(change, where, "v9.0.0")
    assert [(r["from"], r["to"], r["action"]) for r in rules] == [(f"{w}/a~0b", f"{w}/a~1b", "renamed") for w in where]


@pytest.mark.parametrize(
    ("sources", "targets", "expected"),
    [
        (["/a/*"], ["/a/*/b"], [("/a/*/k", "/a/*/b/k")]),  # into a nested object of the same item
        (["/a/*/b", "/c/*/b"], ["/a/*", "/c/*"], [("/a/*/b/k", "/a/*/k"), ("/c/*/b/k", "/c/*/k")]),
        (["/a"], ["/b"], [("/a/k", "/b/k")]),  # no list or map on either side
        (["/a/*"], ["/a"], []),  # many values into one place
        (["/a"], ["/a/*"], []),  # one value into many places
        (["/a/*"], ["/a/*/b", "/a/*/c"], []),  # two candidate places
        ([], ["/a"], []),
        (["/a/*"], ["/a/*"], []),  # alternative classes at one place
    ],
)
def test_a_move_is_derived_only_when_each_place_has_one_target(
    sources: list[str], targets: list[str], expected: list[tuple[str, str]]
) -> None:
    change = Change("field-moved", "k", True, "", "B", {"owner": "A"}, {"owner": "B"})
    assert [(r["from"], r["to"]) for r in move_rules(change, sources, targets, "v9.0.0")] == expected


def test_replaced_and_removed_values_are_found_wherever_the_enum_is_used(
    facts: dict[str, Any], resolved: ResolvedModel
) -> None:
    pointers = class_pointers(resolved)
    enum = _closed_enum(facts)
    value, instead = facts["enums"][enum]["values"][:2]
    found = enum_places(resolved, pointers, enum)
    used = {
        slot.key
        for cls in resolved.class_map.values()
        for slot in cls.slots
        if enum in slot.ranges and places(resolved, pointers, cls.name)
    }
    assert found and {p.rstrip("/*").rsplit("/", 1)[-1] for p in found} == used
    replaced = value_entries(
        Change("enum-value-replaced", "", True, "", enum, value, instead), resolved, pointers, "v9"
    )
    assert {(e["path"], e["enum"], e["value"], e["to"], e["action"]) for e in replaced} == {
        (p, enum, value, instead, "converted") for p in found
    }
    dropped = value_entries(Change("enum-value-removed", "", True, "", enum, value, None), resolved, pointers, "v9")
    assert all("to" not in e and e["action"] == "dropped" for e in dropped) and len(dropped) == len(found)


def _made_required(key: str, owner: str) -> Change:
    return Change("presence-changed", key, True, "", owner, "optional", "required")


def test_a_field_made_required_on_a_parent_is_filled_where_its_heirs_sit(resolved: ResolvedModel) -> None:
    pointers = class_pointers(resolved)
    index = VersionIndex.find(SCHEMA_DIR)
    assert index is not None
    schema = schema_document(index, index.head)
    heirs = {n: [h for h in resolved.class_map if n in ancestors(resolved, h)] for n in resolved.class_map}
    # parents or mixins with no place of their own, whose places hold their heirs only
    parents = [
        n
        for n, cls in resolved.class_map.items()
        if heirs[n] and not pointers.get(n) and cls.slots and places(resolved, pointers, n)
        if not any(
            at in pointers.get(other, [])
            for other in resolved.class_map
            if other != n and other not in heirs[n]
            for at in places(resolved, pointers, n)
        )
    ]
    filled = []
    for parent in parents:
        for slot in resolved.class_map[parent].slots:
            change = _made_required(slot.key, parent)
            entries = _required_entries(change, resolved, pointers, schema, ["PLACEHOLDER", 0], "v9")
            if entries:  # none when no stand-in fits the field (a person decides)
                expected = [f"{at}/{slot.key}" for at in places(resolved, pointers, parent)]
                assert [e["path"] for e in entries] == expected
                filled.append(slot.key)
    assert filled, "a field of a parent with no place of its own gets entries where its heirs sit"


def test_no_required_entries_where_a_mixin_shares_a_place_with_other_classes(resolved: ResolvedModel) -> None:
    pointers = class_pointers(resolved)
    index = VersionIndex.find(SCHEMA_DIR)
    assert index is not None
    schema = schema_document(index, index.head)
    shared = [
        n
        for n in resolved.class_map
        if any(
            at in pointers.get(other, [])
            for other in resolved.class_map
            if other != n and n not in ancestors(resolved, other) and other not in ancestors(resolved, n)
            for at in places(resolved, pointers, n)
            if at  # the root: its classes are told apart by the document's type
        )
        and resolved.class_map[n].slots
    ]
    assert shared, "the model has classes that alternate at one place"
    for name in shared:
        key = resolved.class_map[name].slots[0].key
        change = _made_required(key, name)
        assert _required_entries(change, resolved, pointers, schema, ["PLACEHOLDER"], "v9") == [], name


# ----- marks on enum values in the docs ----------------------------------------------------------------------------
def test_enum_values_added_by_a_release_are_marked_new_in_it() -> None:
    index = VersionIndex.find(SCHEMA_DIR)
    assert index is not None
    docs = Docs(load_version(index, index.latest))
    releases = [r.version for r in index.releases]
    added = {
        (change.element, new)
        for old, new in itertools.pairwise(releases)
        for change in diff_versions(index, old, new)
        if change.kind == "enum-value-added"
    }
    kept = {(e, v) for e, v in added if e.split(".", 1)[1] in docs.resolved.enum_map[e.split(".", 1)[0]].names}
    assert kept, "the releases add enum values"
    for element, version in kept:
        enum, value = element.split(".", 1)
        row = next(r for r in _enum_context(docs, enum)["values"] if r["value"] == value)
        assert f"New in {version}." in row["description"], (element, row)
    first = {(e, v) for e, v in kept if v == releases[0]}
    assert not first, "values of the earliest release held are not marked"


def test_a_deprecated_enum_value_shows_a_badge_and_its_replacement() -> None:
    assert value_deprecation(EnumValue("a", "")) is None
    mark = value_deprecation(EnumValue("a", "", None, "Superseded.", "b"))
    assert mark == "**Deprecated**: Superseded. Use `b` instead."


def test_a_rule_that_only_follows_a_renamed_key_is_handled_by_the_rename() -> None:
    before = [{"to": "X", "json_schema": {"required": ["p:a"], "properties": {"p:ab": {}}}}]
    after = [{"to": "X", "json_schema": {"required": ["p:b"], "properties": {"p:ab": {}}}}]
    change = Change("rule-changed", "R0", True, "", "", before, after)
    assert _only_renamed(change, {"p:a": "p:b"})
    assert not _only_renamed(change, {})
    assert not _only_renamed(change, {"p:ab": "p:b"})


def test_an_exact_replacement_must_name_another_value_or_slot(tmp_path: Path) -> None:
    schema = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, schema)
    config = find_config(schema)
    enums = describe(SourceModel.load(SCHEMA_DIR))["enums"]
    enum = _closed_enum({"enums": enums})
    value, other = enums[enum]["values"][:2]
    found = []
    for path in sorted(schema.glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        start = next((n for n, line in enumerate(lines) if line.strip() == f"{enum}:"), None)
        if start is None:
            continue
        number = next(n for n in range(start, len(lines)) if re.match(rf"^\s+{re.escape(value)}:", lines[n]))
        indent = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
        body = lines[number].split(":", 1)[1].strip()
        assert body.startswith("{"), lines[number]  # the values of the model are written as flow mappings
        marks = f"deprecated: x, deprecated_element_has_exact_replacement: {other}x"
        lines[number] = f"{indent}{value}: {{{marks}" + (", " + body[1:] if body != "{}" else "}")
        path.write_text("\n".join(lines), encoding="utf-8")
        found = lint_directory(schema, config.model_root, config.rules_file)
        assert [(f.file, f.line) for f in found] == [(path.name, number + 1)], found
        assert f"`{other}x`" in found[0].message and f"did you mean `{other}`" in found[0].message
        lines[number] = lines[number].replace(f"{other}x", other)
        path.write_text("\n".join(lines), encoding="utf-8")
        assert lint_directory(schema, config.model_root, config.rules_file) == []
    assert found, f"no model file defines {enum}"
