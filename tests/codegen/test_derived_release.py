"""A major release that renames a field, moves one and drops an enum value releases with no hand-written migration
code, and a document of the previous release migrates into it (issue 22): in a scratch copy, v1.6.0 adds a
field as the exact replacement of a deprecated one and deprecates an enum value with an exact replacement;
v2.0.0 removes both and moves a field from one class to another. The derived step renames, moves and replaces,
and `stac-mlm migrate` turns a v1.5.2 document into a valid v2.0.0 one, each value at its new place and reported.

The names are read from the model and an example Item (the one holding the most candidates), never spelled here.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from stac_ext_codegen.derive_migrations import class_pointers
from stac_ext_codegen.derive_rules import enum_places, move_rules, places
from stac_ext_codegen.diff import Change
from stac_ext_codegen.fixtures import load_yaml
from stac_ext_codegen.model import load_version
from stac_ext_codegen.resolved import ResolvedModel, resolve
from stac_ext_codegen.versions import VersionIndex
from support.legacy import ANY, value_at
from support.paths import REPO
from support.scratch import copy_repository, run_codegen

pytestmark = pytest.mark.slow  # two versions drafted and released in a scratch copy
RUNTIME = "packages/stac-mlm/src/stac_mlm/_generated"
SUFFIX = "_renamed"


# ----- what to rename, move and replace, read from the model and an example ------------------------------------
MISSING = ANY  # what value_at returns where the document has no value
_get = value_at


def _expand(document: Any, pattern: str) -> list[str]:
    """Concrete pointers matching ``pattern`` (``*``: any key or index)."""
    found = [""]
    for part in pattern.strip("/").split("/"):
        nxt = []
        for prefix in found:
            node = _get(document, prefix)
            if part == "*":
                keys = list(node) if isinstance(node, dict) else range(len(node)) if isinstance(node, list) else []
                nxt += [f"{prefix}/{k}" for k in keys]
            elif _get(document, f"{prefix}/{part}") is not MISSING:
                nxt.append(f"{prefix}/{part}")
        found = nxt
    return found


def _slot_lines(schema: Path) -> dict[str, int]:
    """How often each name is listed in a class's ``slots`` (block or flow style) or ``slot_usage``."""
    counts: dict[str, int] = {}
    for path in sorted(schema.glob("*.yaml")):
        for cls in ((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("classes") or {}).values():
            for name in [*(cls.get("slots") or []), *(cls.get("slot_usage") or {})]:
                counts[name] = counts.get(name, 0) + 1
    return counts


def _definitions(schema: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    found = {}
    for path in sorted(schema.glob("*.yaml")):
        for name, slot in ((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("slots") or {}).items():
            found[name] = (path, slot or {})
    return found


def _choose(schema: Path, resolved: ResolvedModel, document: dict[str, Any]) -> dict[str, Any] | None:
    """A field to rename, a field to move (and where), an enum value to replace, all held by ``document``."""
    pointers, counts, defs = class_pointers(resolved), _slot_lines(schema), _definitions(schema)
    plain = {"alias", "slot_uri", "title", "description", "range", "annotations", "examples"}
    chosen: dict[str, Any] = {}
    for name, cls in resolved.class_map.items():
        for slot in cls.slots:
            definition = defs.get(slot.name, (None, {}))[1]
            listed_once = counts.get(slot.name) == 1 and slot.name in (cls.direct_slots or ())
            if not listed_once or set(definition) - plain or slot.required or slot.multivalued:
                continue
            held = [p for where in places(resolved, pointers, name) for p in _expand(document, f"{where}/{slot.key}")]
            if not held:
                continue
            if "rename" not in chosen and slot.key.startswith("mlm:") and definition.get("range", "string") == "string":
                chosen["rename"] = {"slot": slot.name, "key": slot.key, "class": name, "at": held[0]}
                continue
            for other in resolved.class_map:
                sources, targets = places(resolved, pointers, name), places(resolved, pointers, other)
                rules = move_rules(
                    Change("field-moved", slot.key, True, "", other, {"owner": name}, {"owner": other}),
                    sources,
                    targets,
                    "",
                )
                arrive = [_bind(r["from"], p, r["to"]) for r in rules for p in _expand(document, r["from"])]
                if not arrive or any(_get(document, a.rsplit("/", 1)[0]) is MISSING for a in arrive):
                    continue  # the document has no object to move the value into
                if "move" not in chosen and other not in (name, *resolved.class_map[name].children):
                    own = resolved.class_map[other]
                    if not own.is_any and slot.key not in {s.key for s in own.slots} and own.direct_slots:
                        chosen["move"] = {"slot": slot.name, "key": slot.key, "from": name, "to": other, "rules": rules}
    for enum_name, enum in resolved.enum_map.items():
        if enum.open or "value" in chosen:
            continue
        for where in enum_places(resolved, pointers, enum_name):
            for path in _expand(document, where) if not where.endswith("/*") else []:
                value = _get(document, path)
                spare = [v for v in enum.names if v != value and v not in json.dumps(document)]
                if isinstance(value, str) and spare:
                    chosen["value"] = {"enum": enum_name, "value": value, "to": spare[0], "at": path}
    return chosen if {"rename", "move", "value"} <= set(chosen) else None


# ----- edits of the model's YAML ----------------------------------------------------------------------------------
def _list_slot(
    schema: Path, slot: str, *, after: str | None = None, remove: bool = False, into: str | None = None
) -> None:
    """Add ``slot`` after ``after`` in every class list holding it, remove it from its lists, or add it to the
    ``slots`` of class ``into`` (block or flow style)."""
    for path in sorted(schema.glob("*.yaml")):
        text = original = path.read_text(encoding="utf-8")
        if after is not None:
            text = re.sub(rf"^(\s*)- {after}$", rf"\1- {after}\n\1- {slot}", text, flags=re.M)
            text = re.sub(rf"(slots: \[[^\]\n]*\b){after}\b", rf"\1{after}, {slot}", text)
        if remove:
            text = re.sub(rf"^\s*- {slot}\n", "", text, flags=re.M)
            text = re.sub(rf"(slots: \[[^\]\n]*?)(, {slot}\b|\b{slot}, )", r"\1", text)
        if into is not None:
            block = re.search(rf"^  {into}:\n(?:    .*\n|\n)*?    slots: \[", text, flags=re.M)
            if block:
                text = text[: block.end()] + f"{slot}, " + text[block.end() :]
        if text != original:
            path.write_text(text, encoding="utf-8")


def _add_renamed_slot(schema: Path, slot: str, key: str, note: str) -> str:
    """Copy ``slot``'s definition under a new name and key, mark ``slot`` deprecated with it as replacement."""
    new = slot + SUFFIX
    for path in sorted(schema.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        found = re.search(rf"^  {slot}:\n(?:    .*\n)+", text, flags=re.M)
        if found:
            copy = found.group(0).replace(f"  {slot}:", f"  {new}:", 1).replace(key, key + SUFFIX)
            marked = f"  {slot}:\n    deprecated: {note}\n    deprecated_element_has_exact_replacement: {new}\n"
            text = text.replace(found.group(0), marked + found.group(0)[len(f"  {slot}:\n") :] + copy, 1)
            path.write_text(text, encoding="utf-8")
    _list_slot(schema, new, after=slot)
    return key + SUFFIX


def _deprecate_value(schema: Path, enum: str, value: str, instead: str) -> None:
    path = schema / "enums.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"\n  {enum}:\n")
    head, tail = text[:start], text[start:]
    found = re.search(rf"^(\s+){re.escape(value)}:(.*)$", tail, flags=re.M)
    assert found, (enum, value)
    indent, rest = found.group(1), found.group(2).strip()
    marks = f"deprecated: superseded, deprecated_element_has_exact_replacement: {instead}"
    if rest.startswith("{"):
        line = f"{indent}{value}: {{{marks}" + (", " + rest[1:] if rest != "{}" else "}")
    else:
        assert not rest, f"unexpected form of {enum}.{value}: {rest}"
        line = f"{indent}{value}:\n" + "".join(f"{indent}  {m}\n" for m in marks.split(", ")).rstrip("\n")
    path.write_text(head + tail.replace(found.group(0), line, 1), encoding="utf-8")


def _remove_value(schema: Path, enum: str, value: str) -> None:
    path = schema / "enums.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"\n  {enum}:\n")
    tail = re.sub(rf"^(\s+){re.escape(value)}:.*\n(?:\1  .*\n)*", "", text[start:], count=1, flags=re.M)
    path.write_text(text[:start] + tail, encoding="utf-8")


# ----- the fixtures follow the edits ---------------------------------------------------------------------------------
def _bind(pattern: str, source: str, target: str) -> str:
    """``target`` with its ``*`` replaced, in order, by what ``pattern``'s ``*`` matched in ``source``."""
    bound = [part for part, wild in zip(source.split("/"), pattern.split("/"), strict=True) if wild == "*"]
    return "/".join(bound.pop(0) if part == "*" else part for part in target.split("/"))


def _as_regex(pattern: str) -> str:
    return "".join(r"([^/\s\"',}\]]+)" if part == "*" else re.escape(part) for part in re.split(r"(\*)", pattern))


def _objects(node: Any) -> list[dict[str, Any]]:
    found = [node] if isinstance(node, dict) else []
    for child in node.values() if isinstance(node, dict) else node if isinstance(node, list) else []:
        found += _objects(child)
    return found


def _edit_documents(root: Path, edit: Callable[[Any], None]) -> None:
    """Apply ``edit`` to each example document of the draft (its comments kept at the top)."""
    for path in sorted((root / "schema" / "examples" / "documents").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        document = load_yaml(path)  # as the fixtures are read (timestamps stay text)
        before = json.dumps(document)
        edit(document)
        if json.dumps(document) != before:
            comments = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
            path.write_text(comments + yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _edit_cases(root: Path, edit: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> None:
    path = root / "schema" / "examples" / "invalid.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["cases"] = edit(data["cases"])
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _word(key: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(key)}(?![A-Za-z0-9_])")


def _cover_replacement(root: Path, key: str, renamed: str) -> None:
    """The new field is used wherever the deprecated one is, and each rejected case about it is repeated."""

    def add(document: Any) -> None:
        for holder in _objects(document):
            if key in holder:
                holder[renamed] = copy.deepcopy(holder[key])

    def repeat(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
        about = [c for c in cases if _word(key).search(json.dumps(c))]
        clones = [json.loads(_word(key).sub(renamed, json.dumps(c))) for c in about]
        return cases + [c | {"id": c["id"] + "-renamed"} for c in clones]

    _edit_documents(root, add)
    _edit_cases(root, repeat)


def _drop_replaced(root: Path, key: str, renamed: str) -> None:
    """The removed field leaves the fixtures; rule examples use the new one."""

    def drop(document: Any) -> None:
        for holder in _objects(document):
            holder.pop(key, None)

    _edit_documents(root, drop)
    _edit_cases(root, lambda cases: [c for c in cases if not _word(key).search(json.dumps(c))])
    rules = root / "schema" / "rules.yaml"
    rules.write_text(_word(key).sub(renamed, rules.read_text(encoding="utf-8")), encoding="utf-8")


def _follow_move_and_value(root: Path, rules: list[dict[str, Any]], value: dict[str, Any]) -> None:
    """The moved field (documents, and the pointers of rejected cases and rule examples) and the replaced value
    (at every place of its enum) follow the draft."""
    for path in [root / "schema" / "examples" / "invalid.yaml", root / "schema" / "rules.yaml"]:
        text = path.read_text(encoding="utf-8")
        for rule in rules:
            parts = rule["to"].split("*")
            replacement = parts[0] + "".join(f"\\g<{n}>{part}" for n, part in enumerate(parts[1:], 1))
            text = re.sub(_as_regex(rule["from"]) + r"(?![A-Za-z0-9_])", replacement, text)
        path.write_text(text, encoding="utf-8")

    def follow(document: Any) -> None:
        for rule in rules:
            for source in _expand(document, rule["from"]):
                parent, last = source.rsplit("/", 1)
                moved = _get(document, parent).pop(last)
                holder, target_key = _bind(rule["from"], source, rule["to"]).rsplit("/", 1)
                _get(document, holder)[target_key] = moved
        for where in value["places"]:
            for found in _expand(document, where):
                if _get(document, found) == value["value"]:
                    parent, last = found.rsplit("/", 1)
                    holder = _get(document, parent)
                    holder[int(last) if isinstance(holder, list) else last] = value["to"]

    _edit_documents(root, follow)


# ----- the test ------------------------------------------------------------------------------------------------------
def _versions(root: Path) -> dict[str, Any]:
    return yaml.safe_load((root / "schema" / "versions.yaml").read_text(encoding="utf-8"))


def _draft(root: Path, version: str) -> ResolvedModel:
    assert run_codegen(root, "new-version", version)[0] == 0
    index = VersionIndex.find(root / "schema")
    assert index is not None
    return resolve(load_version(index, index.latest.version))


def _example(resolved: ResolvedModel, schema: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    for path in sorted((REPO / "examples").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        chosen = _choose(schema, resolved, document) if document.get("type") == "Feature" else None
        if chosen:
            return document, chosen
    raise AssertionError("no example Item holds a field to rename, a field to move and an enum value")


def test_renames_moves_and_replaced_values_release_and_migrate(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    for part in ["packages/stac-mlm/src", "packages/stac-mlm/tools", "tests/fixtures/legacy"]:
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    if _versions(root)["draft"] is not None:
        pytest.skip("the repository holds a draft: this starts from a release")
    old = _versions(root)["releases"][-1]["version"]
    major, minor, _ = old.lstrip("v").split(".")
    schema = root / "schema"
    resolved = _draft(root, f"{major}.{int(minor) + 1}.0")
    document, chosen = _example(resolved, schema)
    rename, move, value = chosen["rename"], chosen["move"], chosen["value"]
    value["places"] = enum_places(resolved, class_pointers(resolved), value["enum"])
    # the minor release: a replacement for a field and for a value, both deprecated
    renamed = _add_renamed_slot(schema, rename["slot"], rename["key"], "superseded")
    _cover_replacement(root, rename["key"], renamed)
    _deprecate_value(schema, value["enum"], value["value"], value["to"])
    code, out = run_codegen(root, "generate")
    assert code == 0, out
    index = VersionIndex.find(schema)
    assert index is not None
    index.release_draft("2030-01-01")  # frozen as `release` would (its gates are the next release's business)
    index.save()
    code, out = run_codegen(root, "generate")
    assert code == 0, out
    middle = index.latest.version
    # the major release: the deprecated field and value removed, a field moved to another class
    new = f"v{int(major) + 1}.0.0"
    _draft(root, new.lstrip("v"))
    _list_slot(schema, rename["slot"], remove=True)
    _remove_value(schema, value["enum"], value["value"])
    _list_slot(schema, move["slot"], remove=True)
    _list_slot(schema, move["slot"], into=move["to"])
    _drop_replaced(root, rename["key"], renamed)
    _follow_move_and_value(root, move["rules"], value)
    versions = _versions(root)
    versions["draft"]["errata_reviewed"] = True
    (schema / "versions.yaml").write_text(yaml.safe_dump(versions, sort_keys=False), encoding="utf-8")
    with (root / "docs" / "changelog.md").open("a", encoding="utf-8") as changelog:
        changelog.write(f"\n## {new}\n\nA field renamed, one moved, a value replaced.\n")
    code, out = run_codegen(root, "diff", middle, new, "--format", "json")
    kinds = {c["kind"]: c for c in json.loads(out)["changes"]}
    assert {"field-renamed", "field-moved", "enum-value-replaced"} <= set(kinds), out
    code, out = run_codegen(root, "generate")
    assert code == 0, out
    code, out = run_codegen(root, "release", "--date", "2030-02-01")
    assert code == 0, out
    derived = json.loads((root / RUNTIME / "migrations.json").read_text(encoding="utf-8"))["releases"]["derived"]
    step = next(s for s in derived if (s["from"], s["to"]) == (middle, new))
    assert not step["undecided"] and step["rules"] and step["values"], step
    # a document of the release before both migrates into the new release
    sample = tmp_path / "old.json"
    sample.write_text(json.dumps(document), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(root / "packages" / "stac-mlm" / "src")}
    out_path, report = tmp_path / "migrated.json", tmp_path / "report.json"
    cli = [sys.executable, "-m", "stac_mlm", "migrate", str(sample), "-o", str(out_path), "--report", str(report)]
    done = subprocess.run(cli, env=env, capture_output=True, text=True, check=False, cwd=root)
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 1: placeholders left to fill
    migrated = json.loads(out_path.read_text(encoding="utf-8"))
    check = (
        "import json,sys; from stac_mlm import validation as v; d=json.load(open(sys.argv[1])); print(v.validate(d))"
    )
    done = subprocess.run(
        [sys.executable, "-c", check, str(out_path)], env=env, capture_output=True, text=True, check=False
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
    assert any(new in url for url in migrated["stac_extensions"])
    renamed_at = rename["at"][: -len(rename["key"].replace("/", "~1"))] + renamed
    assert _get(migrated, renamed_at) == _get(document, rename["at"]) and _get(migrated, rename["at"]) is MISSING
    moved_from = _expand(document, move["rules"][0]["from"]) or [
        p for r in move["rules"] for p in _expand(document, r["from"])
    ]
    for source in moved_from:
        rule = next(r for r in move["rules"] if source in _expand(document, r["from"]))
        assert _get(migrated, _bind(rule["from"], source, rule["to"])) == _get(document, source)
    assert _get(migrated, value["at"]) == value["to"]
    entries = json.loads(report.read_text(encoding="utf-8"))["documents"][0]["entries"]
    actions = {(e["path"], e["action"]) for e in entries}
    assert (rename["at"], "renamed") in actions and (value["at"], "converted") in actions, entries
    assert {(source, "moved") for source in moved_from} <= actions, entries
