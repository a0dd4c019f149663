"""Migration steps between consecutive releases, derived from the version diff.

Where the diff says how to turn a document of the older release into one of the newer, the step says it
as data the runtime's migration reads: a field that became required gets an entry of the ``required``
table (the slot's default when the model gives one, else the first configured placeholder value the new
JSON Schema accepts, reported as a placeholder for a person to fill); a renamed or moved field gets a plain
rule (``rules``: from, to, action, note); a value replaced in or removed from an enum gets ``values``
entries (path, value, to, action, note; see ``derive_rules``). A breaking change
the diff cannot translate is ``undecided`` unless a hand-written ``breaking_changes`` entry of the
migration tables handles it for that pair: `release` refuses while one is left.

Configured by one file of the migration tables (the ``derive`` option of the ``migration_tables``
target names its stem): ``derive_from`` (the first release whose successor's step is derived; earlier
steps are the hand-written tables), ``placeholder_values`` (stand-ins tried in order) and ``always_handled``
(keys every migration rewrites, such as the extension list).
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

from . import derive_rules
from .diff import Change, diff_versions
from .model import load_version
from .resolved import KIND_CLASS, ResolvedModel, resolve
from .versions import VersionIndex, version_key

DEFAULT = re.compile(r"^(?P<kind>string|str|int|integer|float|double|decimal)\((?P<value>.*)\)$")
REQUIRED_KINDS = {"presence-changed", "field-added"}
VALUE_KINDS = {"enum-value-replaced", "enum-value-removed"}


def class_pointers(resolved: ResolvedModel) -> dict[str, list[str]]:
    """Where each class's objects sit in a document: JSON Pointers with ``*`` for list items and map
    values, found by walking the slots from the entry-point classes (the document root)."""
    found: dict[str, list[str]] = {}
    pending = [(name, "") for name in dict.fromkeys(resolved.entry_points.values())]
    while pending:
        name, where = pending.pop(0)
        if where in found.setdefault(name, []) or where.count("/") > 12:
            continue
        found[name].append(where)
        cls = resolved.class_map.get(name)
        for slot in cls.slots if cls is not None else ():
            inner = f"{where}/{slot.key}" + ("/*" if slot.multivalued or slot.json_map else "")
            for rng in slot.ranges:
                if resolved.kind(rng) == KIND_CLASS:
                    for child in [rng, *resolved.class_map[rng].children]:
                        pending.append((child, inner))
    return found


def _default(text: str | None) -> Any:
    """A LinkML ``ifabsent`` value as JSON (None when it is not a plain value)."""
    if text is None:
        return None
    if text in ("true", "True", "false", "False"):
        return text.lower() == "true"
    match = DEFAULT.match(text)
    if match is None:
        return None
    value = match.group("value")
    if match.group("kind") in ("string", "str"):
        return value.strip("'\"")
    try:
        return json.loads(value)
    except ValueError:
        return None


def _accepted(schema: dict[str, Any], owner: str, key: str, value: Any) -> bool:
    import jsonschema

    node = ((schema.get("$defs") or {}).get(owner) or {}).get("properties", {}).get(key)
    if node is None:
        return False
    return jsonschema.Draft7Validator({**node, "$defs": schema.get("$defs", {})}).is_valid(value)


def _handled(tables: dict[str, Any], old: str, new: str, config: dict[str, Any]) -> set[str]:
    """JSON keys and element names (a rule as ``R1`` or ``rule R1``) that a hand-written ``breaking_changes``
    entry handles for the pair, and those every migration handles (``always_handled``)."""
    keys = {str(k) for k in config.get("always_handled") or []}
    for table in tables.values():
        for entry in (table.get("breaking_changes") if isinstance(table, dict) else None) or []:
            if (entry.get("from"), entry.get("to")) == (old, new):
                keys |= {str(k).removeprefix("rule ") for k in entry.get("fields") or []}
    return keys


def derive_step(
    index: VersionIndex, old: str, new: str, tables: dict[str, Any], config: dict[str, Any]
) -> dict[str, Any]:
    """The migration step from release ``old`` to ``new``: ``required`` entries, ``rules`` (renames, moves),
    ``values`` (enum values replaced or dropped), the ``breaking_changes`` they handle, and the ``undecided``
    breaking changes (summaries) a person must still handle."""
    from .versioned import schema_document

    changes = diff_versions(index, old, new)
    resolved, was = resolve(load_version(index, new)), resolve(load_version(index, old))
    pointers, old_pointers = class_pointers(resolved), class_pointers(was)
    schema = schema_document(index, index.get(new))
    candidates = list(config.get("placeholder_values") or [])
    handled = _handled(tables, old, new, config)
    step: dict[str, list[Any]] = {"required": [], "rules": [], "values": [], "breaking_changes": [], "undecided": []}
    renames = {str(c.before): str(c.after) for c in changes if c.kind == "field-renamed"}
    for change in changes:
        if not change.breaking or change.element in handled or change.where in handled:
            continue
        if change.kind == "rule-changed" and _only_renamed(change, renames):
            by = {"derived": "renamed fields"}
            step["breaking_changes"].append({"change": change.summary, "fields": [change.element], "handled_by": by})
            continue
        found: dict[str, list[dict[str, Any]]] = {}
        decided = False  # handled even with no entry (a removed value no field holds)
        if change.kind == "field-renamed":
            where = derive_rules.places(was, old_pointers, change.where)
            found["rules"] = derive_rules.rename_rules(change, where, new)
        elif change.kind == "field-moved":
            sources = derive_rules.places(was, old_pointers, change.before["owner"])
            targets = derive_rules.places(resolved, pointers, change.after["owner"])
            found["rules"] = derive_rules.move_rules(change, sources, targets, new)
            if found["rules"] and change.after["facts"]["presence"] == "required":
                moved = Change("field-added", change.element, True, "", change.where, None, change.after["facts"])
                found["required"] = _required_entries(moved, resolved, pointers, schema, candidates, new)
        elif change.kind in VALUE_KINDS:
            found["values"] = derive_rules.value_entries(change, resolved, pointers, new)
            found["values"] += derive_rules.value_entries(change, was, old_pointers, new)  # where old documents hold it
            found["values"] = list({json.dumps(v, sort_keys=True): v for v in found["values"]}.values())
            decided = True
        elif _made_required(change):
            found["required"] = _required_entries(change, resolved, pointers, schema, candidates, new)
        if decided or any(found.values()):
            for part, entries in found.items():
                step[part] += entries
            by = {"derived": "+".join(part for part, entries in found.items() if entries) or "nothing to migrate"}
            step["breaking_changes"].append({"change": change.summary, "fields": [change.element], "handled_by": by})
        else:
            step["undecided"].append(f"{change.kind}: {change.summary}")
    step["required"] = list({json.dumps(e, sort_keys=True): e for e in step["required"]}.values())  # parent and heir
    return {"from": old, "to": new, **step}


def _only_renamed(change: Change, renames: dict[str, str]) -> bool:
    """Does a rule read the same once the renamed fields' keys are spelled anew?"""
    if not renames:
        return False
    text = json.dumps(change.before, sort_keys=True)
    for key, target in renames.items():
        text = re.sub(rf"(?<![A-Za-z0-9_]){re.escape(key)}(?![A-Za-z0-9_])", target, text)
    return text == json.dumps(change.after, sort_keys=True)


def _made_required(change: Change) -> bool:
    after = change.after.get("presence") if isinstance(change.after, dict) else change.after
    return change.kind in REQUIRED_KINDS and after == "required"


def _required_entries(
    change: Change,
    resolved: ResolvedModel,
    pointers: dict[str, list[str]],
    schema: dict[str, Any],
    candidates: list[Any],
    new: str,
) -> list[dict[str, Any]]:
    """Entries of the ``required`` table filling the field at every place of its class or of a class inheriting
    it (a parent or mixin may have no place of its own); none when a place also holds classes that do not
    inherit it (which objects would need the field?) or no value is accepted."""
    key, owner = change.element, change.where
    heirs = [owner, *(n for n in resolved.class_map if owner in derive_rules.ancestors(resolved, n))]
    where = derive_rules.places(resolved, pointers, owner)
    # the root's classes (entry points) are told apart by the document's type; other shared places are not
    shared = any(at and at in pointers.get(n, []) for n in resolved.class_map if n not in heirs for at in where)
    if not where or shared:
        return []
    default = _default(change.after.get("default")) if isinstance(change.after, dict) else None
    tried = ([default] if default is not None else []) + candidates
    value = next((v for v in tried if any(_accepted(schema, name, key, v) for name in heirs)), None)
    if value is None:
        return []
    note = f"{new} requires `{key}`" + (" (its default)" if value == default and default is not None else "")
    fill = f"the value of `{key}` (required from {new})"
    return [{"path": f"{at}/{key}", "value": value, "fill": fill, "note": note} for at in where]


def derived_steps(index: VersionIndex, tables: dict[str, Any], config: dict[str, Any]) -> list[dict[str, Any]]:
    """The derived steps of every pair of consecutive releases from ``derive_from`` on."""
    start = config.get("derive_from")
    releases = [r.version for r in index.releases]
    if start is None:
        return []
    chosen = [v for v in releases if version_key(v) >= version_key(str(start))]
    return [derive_step(index, old, new, tables, config) for old, new in itertools.pairwise(chosen)]
