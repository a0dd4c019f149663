"""Field-level differences between two versions of a model, each judged breaking or not.

Each version is first reduced to plain facts from its resolved model (``describe``): every class with the
induced slots it holds (by JSON key: ranges, presence, shape, constraints), every enum with its values,
every rule of the rules file by id. The facts of two versions are then compared (``compare``); the
strings naming the version itself (its URL, ``v1.2.3``) are neutralised first, so a version bump is
reported once, not at every place that quotes it.

A change is *breaking* when a document valid under the old version may be invalid under the new one
(validation view): a field or rule made required or stricter, a value removed from a closed list, a
type narrowed. A field added as optional, a value added, a constraint relaxed are not breaking.

Some removals say where the value went, so a migration can be derived from them: ``field-renamed`` (the
old release deprecated the field with an exact replacement that the same class now holds), ``field-moved``
(the same key with the same value facts left one class and arrived in another) and ``enum-value-replaced``
(the old release deprecated the value with an exact replacement the enum still holds). They stay breaking
(a document or reader using the old place or value is affected), but ``derive_migrations`` handles them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .model import SourceModel, load_version
from .resolved import KIND_ANY, ResolvedModel, ResolvedSlot, resolve
from .versions import Version, VersionIndex

#: constraint kinds whose larger value accepts less (a rise is breaking); for the others a fall is
LOWER_BOUNDS = {"minimum_value", "minLength", "minItems", "minProperties", "minimum_cardinality", "exclusiveMinimum"}
UPPER_BOUNDS = {"maximum_value", "maxLength", "maxItems", "maxProperties", "maximum_cardinality", "exclusiveMaximum"}
#: annotation keywords that document rather than constrain
NOT_CONSTRAINTS = {"description", "title", "$comment", "examples", "default"}
PRESENCE_ALLOWS = {"required": {"present"}, "optional": {"present", "absent"}, "forbidden": {"absent"}}


@dataclass(frozen=True)
class Change:
    """One difference between two versions."""

    kind: str
    element: str
    breaking: bool
    summary: str
    where: str = ""
    before: Any = None
    after: Any = None

    def as_dict(self) -> dict[str, Any]:
        """The change as a JSON object."""
        out = {"kind": self.kind, "element": self.element, "where": self.where, "breaking": self.breaking}
        out |= {"summary": self.summary, "before": self.before, "after": self.after}
        return out


# ----- facts of one version -------------------------------------------------------------------------------------
def _neutral(value: Any, version: Version | None) -> Any:
    """Replace the strings naming the version itself by placeholders (recursively)."""
    if version is None:
        return value
    if isinstance(value, str):
        for text, token in ((version.url, "${schema_url}"), (version.version, "${version}")):
            value = value.replace(text, token)
        return value
    if isinstance(value, list):
        return [_neutral(v, version) for v in value]
    if isinstance(value, dict):
        return {k: _neutral(v, version) for k, v in value.items()}
    return value


def _plain(value: Any) -> Any:
    """A JSON-friendly form of a metamodel value (numbers stay numbers)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    text = str(value)
    try:
        return json.loads(text)
    except ValueError:
        return text


def _range_names(resolved: ResolvedModel, slot: ResolvedSlot) -> list[str]:
    names = []
    for rng in slot.ranges:
        if resolved.kind(rng) == KIND_ANY:
            names.append("any")
        elif rng in resolved.type_map:
            names.append(resolved.type_map[rng].json_type)
        else:
            names.append(rng)
    return sorted(set(names))


def _constraints(resolved: ResolvedModel, slot: ResolvedSlot) -> dict[str, Any]:
    found: dict[str, Any] = {}
    ranges = slot.ranges
    for rng in ranges:
        vtype = resolved.type_map.get(rng)
        if vtype is not None:
            type_constraints = vtype.constraints
            values = {
                "pattern": type_constraints.pattern,
                "minimum_value": type_constraints.minimum,
                "maximum_value": type_constraints.maximum,
            }
            for name, value in values.items():
                if value is not None:
                    found[f"{name} ({rng})" if len(ranges) > 1 else name] = value
            for keyword, value in type_constraints.keywords.items():
                if keyword not in NOT_CONSTRAINTS:
                    found[keyword] = _plain(value)
    for branch in slot.branches:  # what an any_of alternative adds to its range
        label = f" ({branch.range})" if len(ranges) > 1 else ""
        added = branch.constraints
        for name, value in (
            ("pattern", added.pattern),
            ("minimum_value", added.minimum),
            ("maximum_value", added.maximum),
        ):
            if value is not None:
                found[name + label] = value
        for keyword, value in added.keywords.items():
            if keyword not in NOT_CONSTRAINTS:
                found[keyword + label] = _plain(value)
    own = {
        "pattern": slot.constraints.pattern,
        "minimum_value": slot.constraints.minimum,
        "maximum_value": slot.constraints.maximum,
        "equals_string": slot.equals_string,
        "minimum_cardinality": slot.min_items,
        "maximum_cardinality": slot.max_items,
    }
    found |= {name: value for name, value in own.items() if value is not None}
    if slot.has_member:
        found["contains"] = slot.has_member
    if slot.unique:
        found["unique_items"] = True
    for keyword, value in slot.constraints.keywords.items():
        if keyword not in NOT_CONSTRAINTS:
            found[keyword] = _plain(value)
    return found


def _slot_facts(resolved: ResolvedModel, slot: ResolvedSlot) -> dict[str, Any]:
    return {
        "ranges": _range_names(resolved, slot),
        "presence": slot.presence,
        "multivalued": slot.multivalued,
        "map": slot.json_map,
        "nullable": slot.nullable,
        "one_or_many": slot.one_or_many,
        "constraints": _constraints(resolved, slot),
        "recommended": slot.recommended,
        "default": slot.default,
        "deprecated": slot.deprecated,
        "replaced_by": slot.replaced_by,
    }


def describe(model: SourceModel) -> dict[str, Any]:
    """The facts of one version that a diff compares (plain JSON data)."""
    resolved = resolve(model)
    objects = {}
    for name, cls in resolved.class_map.items():
        if cls.is_any:
            continue
        if cls.extra_keys_pattern is not None:
            extra: str | None = f"only keys matching {cls.extra_keys_pattern}"
        elif cls.closed:
            extra = "none"
        else:
            extra = None
        objects[name] = {
            "title": str(cls.title or name),
            "abstract": cls.abstract,
            "parents": [p for p in [cls.is_a, *cls.mixins] if p],
            "entry_point": cls.entry_point,
            "extra_keys": extra,
            "extra_keys_pattern": cls.extra_keys_pattern,
            "slots": {slot.key: _slot_facts(resolved, slot) for slot in cls.slots},
        }
    enums = {
        name: {
            "open": enum.open,
            "values": enum.names,
            "deprecated": {
                v.value: {"note": v.deprecated, "replaced_by": v.replaced_by}
                for v in enum.values
                if v.deprecated is not None
            },
        }
        for name, enum in resolved.enum_map.items()
    }
    # slot names to JSON keys, for `replaced_by` (which names a slot)
    keys = {slot.name: slot.key for cls in resolved.class_map.values() for slot in cls.slots}
    rules = {
        str(rule.get("id")): {
            "enforced": rule.get("enforced", True) is not False,
            "apply": [{"to": a.get("to"), "json_schema": a.get("json_schema")} for a in rule.get("apply", []) or []],
            "text": " ".join(str(rule.get(k, "")) for k in ("title", "summary", "description")).strip(),
            "headline": str(rule.get("summary") or rule.get("title") or "").strip(),
        }
        for rule in model.rules
    }
    facts = {"objects": objects, "enums": enums, "rules": rules, "rule_defs": model.rule_defs, "keys": keys}
    version = model.version
    return {
        "version": version.version if version else None,
        "url": version.url if version else None,
        **_neutral(json.loads(json.dumps(facts, default=str)), version),
    }


# ----- comparing two versions -----------------------------------------------------------------------------------
def _widens(old: list[str], new: list[str]) -> bool:
    """Does every value of an ``old`` range still fit one of the ``new`` ranges?"""
    return all(r in new or (r == "integer" and "number" in new) or "any" in new for r in old)


def _constraint_breaking(kind: str, old: Any, new: Any) -> bool:
    bare = kind.split(" ")[0]
    if isinstance(old, int | float) and isinstance(new, int | float) and not isinstance(old, bool):
        if bare in LOWER_BOUNDS:
            return new > old
        if bare in UPPER_BOUNDS:
            return new < old
    return True


def _describe_slot(facts: dict[str, Any]) -> str:
    ranges = " | ".join(facts["ranges"])
    if facts["map"]:
        ranges = f"map of {ranges}"
    elif facts["multivalued"]:
        ranges = f"list of {ranges}"
    return f"{facts['presence']}, {ranges}"


def _closed_to(cls: dict[str, Any], key: str) -> bool:
    """Would the class reject an undeclared key?"""
    if cls["extra_keys"] == "none":
        return True
    pattern = cls.get("extra_keys_pattern")
    return bool(pattern) and re.search(str(pattern), key) is None


def _slot_changes(where: str, title: str, key: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    out = []
    at = f"`{key}` in {title}"
    if old["presence"] != new["presence"]:
        breaking = not PRESENCE_ALLOWS[old["presence"]] <= PRESENCE_ALLOWS[new["presence"]]
        summary = f"{at}: was {old['presence']}, now {new['presence']}."
        out.append(Change("presence-changed", key, breaking, summary, where, old["presence"], new["presence"]))
    if old["ranges"] != new["ranges"]:
        breaking = not _widens(old["ranges"], new["ranges"])
        summary = f"{at}: type {' | '.join(old['ranges'])} became {' | '.join(new['ranges'])}."
        out.append(Change("type-changed", key, breaking, summary, where, old["ranges"], new["ranges"]))
    shape = ("multivalued", "map", "nullable", "one_or_many")
    if any(old[s] != new[s] for s in shape):
        before, after = {s: old[s] for s in shape}, {s: new[s] for s in shape}
        maps = old["map"] == new["map"] or (old["map"], new["map"]) == ("strict", "lenient")
        relaxed = old["multivalued"] == new["multivalued"] and maps
        relaxed = relaxed and new["nullable"] >= old["nullable"] and new["one_or_many"] >= old["one_or_many"]
        what = ", ".join(f"{s.replace('_', ' ')} {old[s]} -> {new[s]}" for s in shape if old[s] != new[s])
        summary = f"{at}: the value's shape changed ({what})."
        out.append(Change("shape-changed", key, not relaxed, summary, where, before, after))
    for kind in sorted(set(old["constraints"]) | set(new["constraints"])):
        was, now = old["constraints"].get(kind), new["constraints"].get(kind)
        if was == now:
            continue
        if was is None:
            change = Change("constraint-added", key, True, f"{at}: new constraint {kind} = {now!r}.", where, None, now)
        elif now is None:
            summary = f"{at}: constraint {kind} (was {was!r}) removed."
            change = Change("constraint-removed", key, False, summary, where, was, None)
        else:
            summary = f"{at}: constraint {kind} changed from {was!r} to {now!r}."
            change = Change("constraint-changed", key, _constraint_breaking(kind, was, now), summary, where, was, now)
        out.append(change)
    out += _deprecation_changes(where, at, key, old, new)
    for part, kind in (("recommended", "recommendation-changed"), ("default", "default-changed")):
        if old[part] != new[part]:
            summary = f"{at}: {part} value(s) {old[part]!r} became {new[part]!r} (not enforced)."
            out.append(Change(kind, key, False, summary, where, old[part], new[part]))
    return out


def _deprecation_changes(where: str, at: str, key: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """A field deprecated (or no longer): its own kind of change, never breaking (documents stay valid)."""
    was, now = old.get("deprecated"), new.get("deprecated")
    if was == now:
        return []
    if now is None:
        return [Change("undeprecated", key, False, f"{at}: no longer deprecated.", where, was, None)]
    instead = f" Use `{new['replaced_by']}` instead." if new.get("replaced_by") else ""
    return [Change("deprecated", key, False, f"{at}: deprecated ({now}).{instead}", where, was, now)]


def _named(name: str, facts: dict[str, Any]) -> str:
    return name if facts["title"] == name else f"{facts['title']} ({name})"


def _class_changes(name: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[Change]:
    if old is None and new is not None:
        summary = f"New object {_named(name, new)}."
        if new["entry_point"]:
            summary += " Documents of this kind are now checked."
        return [Change("object-added", name, bool(new["entry_point"]), summary, name, None, sorted(new["slots"]))]
    if new is None and old is not None:
        summary = f"Object {_named(name, old)} removed."
        return [Change("object-removed", name, False, summary, name, sorted(old["slots"]), None)]
    assert old is not None and new is not None
    out = []
    title = new["title"]
    if old["extra_keys"] != new["extra_keys"]:
        breaking = new["extra_keys"] is not None and (old["extra_keys"] is None or old["extra_keys"] != "none")
        summary = f"{title}: undeclared keys: {old['extra_keys'] or 'any'} -> {new['extra_keys'] or 'any'}."
        out.append(Change("closed-keys-changed", name, breaking, summary, name, old["extra_keys"], new["extra_keys"]))
    for key, facts in new["slots"].items():
        if key not in old["slots"]:
            breaking = facts["presence"] == "required"
            summary = f"New field `{key}` in {title} ({_describe_slot(facts)})."
            out.append(Change("field-added", key, breaking, summary, name, None, facts))
        else:
            out += _slot_changes(name, title, key, old["slots"][key], facts)
    for key, facts in old["slots"].items():
        if key not in new["slots"]:
            breaking = _closed_to(new, key)
            effect = " Documents using it are now rejected." if breaking else ""
            summary = f"Field `{key}` removed from {title}.{effect}"
            out.append(Change("field-removed", key, breaking, summary, name, facts, None))
    return out


def _ancestors(objects: dict[str, Any], name: str) -> set[str]:
    found: set[str] = set()
    pending = list(objects.get(name, {}).get("parents", []))
    while pending:
        parent = pending.pop()
        if parent not in found:
            found.add(parent)
            pending += objects.get(parent, {}).get("parents", [])
    return found


def _enum_changes(name: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[Change]:
    if old is None and new is not None:
        return [Change("enum-added", name, False, f"New enumeration {name}.", name, None, new["values"])]
    if new is None and old is not None:
        return [Change("enum-removed", name, False, f"Enumeration {name} removed.", name, old["values"], None)]
    assert old is not None and new is not None
    out = []
    if old["open"] != new["open"]:
        words = {True: "recommended values", False: "a closed list"}
        summary = f"{name}: {words[old['open']]} became {words[new['open']]}."
        out.append(Change("enum-openness-changed", name, old["open"], summary, name, old["open"], new["open"]))
    closed = not new["open"]
    for value in new["values"]:
        if value not in old["values"]:
            summary = f"New value `{value}` in {name}."
            out.append(Change("enum-value-added", f"{name}.{value}", False, summary, name, None, value))
    out += _value_deprecations(name, old, new)
    for value in old["values"]:
        if value not in new["values"]:
            effect = " Documents using it are now rejected." if closed and not old["open"] else ""
            breaking = closed and not old["open"]
            instead = (old.get("deprecated") or {}).get(value, {}).get("replaced_by")
            if instead is not None and instead in new["values"]:
                summary = f"Value `{value}` of {name} replaced by `{instead}` (its exact replacement).{effect}"
                out.append(Change("enum-value-replaced", f"{name}.{value}", breaking, summary, name, value, instead))
                continue
            summary = f"Value `{value}` removed from {name}.{effect}"
            out.append(Change("enum-value-removed", f"{name}.{value}", breaking, summary, name, value, None))
    return out


def _value_deprecations(name: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Values of an enum deprecated (or no longer) while they stay: never breaking."""
    out = []
    was_marked, now_marked = old.get("deprecated") or {}, new.get("deprecated") or {}
    for value in new["values"]:
        was, now = was_marked.get(value), now_marked.get(value)
        if value not in old["values"] or was == now:
            continue
        element = f"{name}.{value}"
        if now is None:
            summary = f"Value `{value}` of {name}: no longer deprecated."
            out.append(Change("enum-value-undeprecated", element, False, summary, name, was, None))
        else:
            instead = f" Use `{now['replaced_by']}` instead." if now.get("replaced_by") else ""
            summary = f"Value `{value}` of {name}: deprecated ({now['note']}).{instead}"
            out.append(Change("enum-value-deprecated", element, False, summary, name, was, now))
    return out


def _uses(apply: list[dict[str, Any]], names: set[str], defs: dict[str, Any]) -> bool:
    """Whether a rule's JSON Schema refers, directly or through other rule definitions, to one of ``names``."""
    seen: set[str] = set()
    text = json.dumps(apply, sort_keys=True)
    frontier = [text]
    while frontier:
        current = frontier.pop()
        for name in defs:
            if name not in seen and f"#/$defs/{name}" in current:
                seen.add(name)
                frontier.append(json.dumps(defs[name], sort_keys=True))
    return bool(seen & names)


def _rule_changes(rule_id: str, old: dict[str, Any] | None, new: dict[str, Any] | None, defs: bool) -> list[Change]:
    if old is None and new is not None:
        summary = f"New rule {rule_id}" + (": " + new["headline"] if new.get("headline") else ".")
        return [Change("rule-added", rule_id, new["enforced"], summary, "", None, new["apply"])]
    if new is None and old is not None:
        return [Change("rule-removed", rule_id, False, f"Rule {rule_id} removed.", "", old["apply"], None)]
    assert old is not None and new is not None
    if old["enforced"] != new["enforced"]:
        summary = f"Rule {rule_id} is now {'enforced' if new['enforced'] else 'no longer enforced'}."
        return [Change("rule-changed", rule_id, new["enforced"], summary, "", old["enforced"], new["enforced"])]
    if old["apply"] != new["apply"] or (defs and new["enforced"]):
        summary = f"Rule {rule_id}: what it checks changed (it may reject documents it accepted)."
        return [Change("rule-changed", rule_id, True, summary, "", old["apply"], new["apply"])]
    if old["text"] != new["text"]:
        summary = f"Rule {rule_id}: its wording changed (not what it checks)."
        return [Change("rule-text-changed", rule_id, False, summary, "", old["text"], new["text"])]
    return []


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """The changes from one version's facts to another's."""
    out = []
    if old["url"] != new["url"]:
        summary = f"Documents of this version declare {new['url']} (was {old['url']})."
        out.append(Change("schema-url-changed", "$id", False, summary, "", old["url"], new["url"]))
    old_objects, new_objects = old["objects"], new["objects"]
    by_class = {
        name: _class_changes(name, old_objects.get(name), new_objects.get(name))
        for name in [*new_objects, *(n for n in old_objects if n not in new_objects)]
    }
    for name, changes in by_class.items():
        family = new_objects if name in new_objects else old_objects
        inherited = {
            (c.kind, c.element, json.dumps(c.before, sort_keys=True), json.dumps(c.after, sort_keys=True))
            for parent in _ancestors(family, name)
            for c in by_class.get(parent, [])
        }
        for change in changes:
            signature = (change.kind, change.element, json.dumps(change.before, sort_keys=True))
            if (*signature, json.dumps(change.after, sort_keys=True)) not in inherited:
                out.append(change)
    out = _renames_and_moves(old, new, out)
    for name in [*new["enums"], *(n for n in old["enums"] if n not in new["enums"])]:
        out += _enum_changes(name, old["enums"].get(name), new["enums"].get(name))
    old_defs, new_defs = old["rule_defs"], new["rule_defs"]
    changed_defs = {n for n in {*old_defs, *new_defs} if old_defs.get(n) != new_defs.get(n)}
    for rule_id in [*new["rules"], *(r for r in old["rules"] if r not in new["rules"])]:
        old_rule, new_rule = old["rules"].get(rule_id), new["rules"].get(rule_id)
        # a rule expressed by the model's structure (no JSON Schema of its own) changes through its fields
        defs_changed = any(
            rule is not None and _uses(rule["apply"], changed_defs, {**old_defs, **new_defs})
            for rule in (old_rule, new_rule)
        )
        out += _rule_changes(rule_id, old_rule, new_rule, defs_changed)
    return out


#: slot facts that may differ between a field's old and new place when it moved (not what values it accepts)
MOVE_IGNORES = {"presence", "recommended", "default", "deprecated", "replaced_by"}


def _renames_and_moves(old: dict[str, Any], new: dict[str, Any], changes: list[Change]) -> list[Change]:
    """Removals that are renames (the old field was deprecated with an exact replacement the same class now
    has) or moves (the same key, with the same facts, removed from one class and added to another)."""
    removed = [c for c in changes if c.kind == "field-removed"]
    added = [c for c in changes if c.kind == "field-added"]
    replaced: dict[int, Change | None] = {}
    keys = {**old.get("keys", {}), **new.get("keys", {})}
    for change in removed:
        facts, owner = change.before, new["objects"].get(change.where)
        target = keys.get(facts["replaced_by"], facts["replaced_by"]) if facts.get("replaced_by") else None
        if facts.get("deprecated") is not None and target and owner is not None and target in owner["slots"]:
            title = owner["title"]
            summary = f"`{change.element}` in {title} renamed to `{target}` (deprecated with it as exact replacement)."
            renamed = Change("field-renamed", change.element, True, summary, change.where, change.element, target)
            replaced[id(change)] = renamed
    for change in removed:
        if id(change) in replaced:
            continue
        same_key_removed = [c for c in removed if c.element == change.element and id(c) not in replaced]
        same_key_added = [c for c in added if c.element == change.element]
        if len(same_key_removed) != 1 or len(same_key_added) != 1:
            continue
        arrival = same_key_added[0]
        if _value_facts(change.before) != _value_facts(arrival.after):
            continue
        was, now = old["objects"][change.where]["title"], new["objects"][arrival.where]["title"]
        summary = f"`{change.element}` moved from {was} to {now}."
        before = {"owner": change.where, "facts": change.before}
        after = {"owner": arrival.where, "facts": arrival.after}
        replaced[id(change)] = Change("field-moved", change.element, True, summary, arrival.where, before, after)
        replaced[id(arrival)] = None
    out = []
    for change in changes:
        found = replaced.get(id(change), change)
        if found is not None:
            out.append(found)
    return out


def _value_facts(facts: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in facts.items() if k not in MOVE_IGNORES}


def facts_of(index: VersionIndex, version: Version) -> dict[str, Any]:
    """The facts of a version (a release's are cached beside its generated schema)."""
    from .versioned import cached

    if version.status == "draft":
        return describe(load_version(index, version))
    return cached(index, version, "facts", lambda: json.dumps(describe(load_version(index, version)), indent=1))


def diff_versions(index: VersionIndex, old: str, new: str) -> list[Change]:
    """The changes from version ``old`` to version ``new`` (any two versions of the index)."""
    return compare(facts_of(index, index.get(old)), facts_of(index, index.get(new)))


def render_text(changes: list[Change], old: str, new: str) -> str:
    """The changes between two versions, one line each, breaking ones marked."""
    breaking = sum(1 for c in changes if c.breaking)
    lines = [f"{old} -> {new}: {len(changes)} change(s), {breaking} breaking"]
    for change in changes:
        mark = "BREAKING" if change.breaking else "ok      "
        lines.append(f"  {mark} {change.kind:<24} {change.summary}")
    return "\n".join(lines)
